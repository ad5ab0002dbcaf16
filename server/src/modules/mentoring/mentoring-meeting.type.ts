import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/** The five meetings of the target model, in the order a pair or group goes through them. */
export enum MeetingKind {
  INTRODUCTORY = 'INTRODUCTORY',
  TRIAL = 'TRIAL',
  PLANNING = 'PLANNING',
  REGULAR = 'REGULAR',
  FINAL = 'FINAL',
}

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  [MeetingKind.INTRODUCTORY]: 'встреча-знакомство',
  [MeetingKind.TRIAL]: 'пробная рабочая встреча',
  [MeetingKind.PLANNING]: 'встреча-планирование',
  [MeetingKind.REGULAR]: 'регулярная встреча',
  [MeetingKind.FINAL]: 'заключительная встреча',
};

export enum MeetingFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
}

export const MEETING_NOTES_MAX = 2000;

registerLabelledEnum(
  MeetingKind,
  'MeetingKind',
  'Вид встречи наставнической пары или группы.',
  MEETING_KIND_LABELS,
);

registerEnumType(MeetingFormat, {
  name: 'MeetingFormat',
  description: 'Формат встречи.',
  valuesConfig: {
    IN_PERSON: { description: 'Очно.' },
    ONLINE: { description: 'Дистанционно.' },
  },
});

@ObjectType({ description: 'Встреча наставнической пары или группы.' })
export class MentoringMeeting {
  @Field(() => ID, { description: 'Идентификатор встречи.' })
  id!: number;

  @Field(() => MeetingKind, { description: 'Вид встречи.' })
  kind!: MeetingKind;

  @Field(() => String, { description: 'Дата встречи (ГГГГ-ММ-ДД).' })
  heldOn!: string;

  @Field(() => MeetingFormat, { description: 'Формат встречи.' })
  format!: MeetingFormat;

  @Field(() => String, { nullable: true, description: 'Заметки о встрече (без персональных данных).' })
  notes!: string | null;
}

@InputType({ description: 'Проведённая встреча.' })
export class MeetingInput {
  @Field(() => MeetingKind, { description: 'Вид встречи.' })
  kind!: MeetingKind;

  @Field(() => String, { description: 'Дата встречи (ГГГГ-ММ-ДД), не позже сегодняшней.' })
  heldOn!: string;

  @Field(() => MeetingFormat, { description: 'Формат встречи.' })
  format!: MeetingFormat;

  @Field(() => String, {
    nullable: true,
    description: `Заметки о встрече без персональных данных (до ${MEETING_NOTES_MAX} знаков).`,
  })
  notes?: string | null;
}
