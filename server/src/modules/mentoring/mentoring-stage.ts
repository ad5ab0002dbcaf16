import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/** The seven stages of a mentoring programme (методология ЦМН). */
export enum MentoringStage {
  PREPARATION = 'PREPARATION',
  MENTEE_BASE = 'MENTEE_BASE',
  MENTOR_BASE = 'MENTOR_BASE',
  MENTOR_SELECTION_AND_TRAINING = 'MENTOR_SELECTION_AND_TRAINING',
  MATCHING = 'MATCHING',
  WORK = 'WORK',
  COMPLETION = 'COMPLETION',
}

export const MENTORING_STAGE_LABELS: Record<MentoringStage, string> = {
  [MentoringStage.PREPARATION]: 'Подготовка условий для запуска программы наставничества',
  [MentoringStage.MENTEE_BASE]: 'Формирование базы наставляемых',
  [MentoringStage.MENTOR_BASE]: 'Формирование базы наставников',
  [MentoringStage.MENTOR_SELECTION_AND_TRAINING]: 'Отбор и обучение наставников',
  [MentoringStage.MATCHING]: 'Формирование наставнических пар или групп',
  [MentoringStage.WORK]: 'Организация работы наставнических пар или групп',
  [MentoringStage.COMPLETION]: 'Завершение наставничества',
};

registerLabelledEnum(
  MentoringStage,
  'MentoringStage',
  'Этап реализации программы наставничества (7 этапов целевой модели).',
  MENTORING_STAGE_LABELS,
);
