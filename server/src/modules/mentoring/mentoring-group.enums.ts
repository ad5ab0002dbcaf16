import { registerEnumType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/** Forms of mentoring: the five of the target model plus «учитель – ученик» (DESIGN.md). */
export enum MentoringForm {
  PUPIL_PUPIL = 'PUPIL_PUPIL',
  TEACHER_TEACHER = 'TEACHER_TEACHER',
  STUDENT_PUPIL = 'STUDENT_PUPIL',
  EMPLOYER_PUPIL = 'EMPLOYER_PUPIL',
  EMPLOYER_STUDENT = 'EMPLOYER_STUDENT',
  TEACHER_PUPIL = 'TEACHER_PUPIL',
}

export const MENTORING_FORM_LABELS: Record<MentoringForm, string> = {
  [MentoringForm.PUPIL_PUPIL]: 'ученик – ученик',
  [MentoringForm.TEACHER_TEACHER]: 'учитель – учитель',
  [MentoringForm.STUDENT_PUPIL]: 'студент – ученик',
  [MentoringForm.EMPLOYER_PUPIL]: 'работодатель – ученик',
  [MentoringForm.EMPLOYER_STUDENT]: 'работодатель – студент',
  [MentoringForm.TEACHER_PUPIL]: 'учитель – ученик',
};

export enum MentoringGroupStatus {
  FORMING = 'FORMING',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}

export const MENTORING_GROUP_STATUS_LABELS: Record<MentoringGroupStatus, string> = {
  [MentoringGroupStatus.FORMING]: 'формируется',
  [MentoringGroupStatus.ACTIVE]: 'работает',
  [MentoringGroupStatus.COMPLETED]: 'завершена',
  [MentoringGroupStatus.TERMINATED]: 'прекращена досрочно',
};

registerLabelledEnum(MentoringForm, 'MentoringForm', 'Форма наставничества.', MENTORING_FORM_LABELS);

registerEnumType(MentoringGroupStatus, {
  name: 'MentoringGroupStatus',
  description: 'Состояние наставнической пары или группы.',
  valuesConfig: {
    FORMING: { description: 'Формируется: состав подбирается, приказа о закреплении ещё нет.' },
    ACTIVE: { description: 'Работает по приказу о закреплении.' },
    COMPLETED: { description: 'Завершена.' },
    TERMINATED: { description: 'Прекращена досрочно (с указанием причины).' },
  },
});
