import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MonitoringPurpose {
  PROGRAM_QUALITY = 'PROGRAM_QUALITY',
  PARTICIPANT = 'PARTICIPANT',
}

export enum AssessmentPhase {
  START = 'START',
  END = 'END',
}

registerEnumType(MonitoringPurpose, {
  name: 'MonitoringPurpose',
  description: 'Этап мониторинга, к которому относится шкала.',
  valuesConfig: {
    PROGRAM_QUALITY: { description: 'Этап 1: оценка качества программы наставничества.' },
    PARTICIPANT: { description: 'Этап 2: оценка участников в начале и в конце работы.' },
  },
});

registerEnumType(AssessmentPhase, {
  name: 'AssessmentPhase',
  description: 'Когда проведена оценка участника.',
  valuesConfig: {
    START: { description: 'В начале работы пары или группы.' },
    END: { description: 'В конце работы пары или группы.' },
  },
});

@ObjectType({ description: 'Шкала или критерий мониторинга.' })
export class MonitoringScale {
  @Field(() => String, { description: 'Код шкалы.' })
  code!: string;

  @Field(() => MonitoringPurpose, { description: 'Этап мониторинга.' })
  purpose!: MonitoringPurpose;

  @Field(() => String, { description: 'Название шкалы.' })
  name!: string;

  @Field(() => Int, { description: 'Наименьшее значение.' })
  minValue!: number;

  @Field(() => Int, { description: 'Наибольшее значение.' })
  maxValue!: number;
}

@InputType({ description: 'Значение по одной шкале.' })
export class ScaleScoreInput {
  @Field(() => String, { description: 'Код шкалы.' })
  scale!: string;

  @Field(() => Int, { description: 'Значение в пределах шкалы.' })
  value!: number;
}

@ObjectType({ description: 'Значение по одной шкале.' })
export class ScaleScore {
  @Field(() => String, { description: 'Код шкалы.' })
  scale!: string;

  @Field(() => Float, { description: 'Значение.' })
  value!: number;
}

@InputType({ description: 'Итоги анкетирования о качестве программы за учебный год.' })
export class ProgramSurveyInput {
  @Field(() => Int, { description: 'Учебный год по году начала (2025 — 2025/2026).' })
  academicYear!: number;

  @Field(() => Int, { description: 'Сколько участников ответили на анкету.' })
  respondents!: number;

  @Field(() => [ScaleScoreInput], { description: 'Средние оценки по каждому критерию качества программы.' })
  scores!: ScaleScoreInput[];
}

@ObjectType({ description: 'Этап 1 мониторинга: итоги анкетирования о качестве программы за учебный год.' })
export class ProgramQualitySurvey {
  @Field(() => Int, { description: 'Учебный год по году начала.' })
  academicYear!: number;

  @Field(() => Int, { description: 'Сколько участников ответили.' })
  respondents!: number;

  @Field(() => [ScaleScore], { description: 'Оценки по критериям (в порядке шкал).' })
  scores!: ScaleScore[];
}

@InputType({ description: 'Оценка участника пары или группы по шкалам мониторинга.' })
export class AssessmentInput {
  @Field(() => AssessmentPhase, { description: 'В начале или в конце работы.' })
  phase!: AssessmentPhase;

  @Field(() => String, { description: 'Дата оценки (ГГГГ-ММ-ДД), не позже сегодняшней.' })
  assessedOn!: string;

  @Field(() => [ScaleScoreInput], { description: 'Значения по каждой шкале оценки участников.' })
  scores!: ScaleScoreInput[];
}

@ObjectType({ description: 'Этап 2 мониторинга: оценки участника в начале и в конце и их прирост.' })
export class ParticipantGrowth {
  @Field(() => ID, { description: 'Участник.' })
  participantId!: number;

  @Field(() => [ScaleScore], { description: 'Оценки в начале работы (пусто — не проводилась).' })
  start!: ScaleScore[];

  @Field(() => [ScaleScore], { description: 'Оценки в конце работы (пусто — не проводилась).' })
  end!: ScaleScore[];

  @Field(() => [ScaleScore], {
    description: 'Прирост: конец минус начало по каждой шкале (пусто — нет обеих).',
  })
  growth!: ScaleScore[];
}
