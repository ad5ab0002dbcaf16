import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ParticipantRole } from './participant.enums.js';

export const FEEDBACK_TEXT_MAX = 2000;

@InputType({ description: 'Отзыв участника о работе своей пары или группы.' })
export class FeedbackInput {
  @Field(() => Int, { description: 'Оценка от 1 до 5.' })
  score!: number;

  @Field(() => String, { nullable: true, description: `Текст отзыва (до ${FEEDBACK_TEXT_MAX} знаков).` })
  text?: string | null;
}

@ObjectType({ description: 'Отзыв участника о работе пары или группы (последний заменяет прежний).' })
export class MentoringFeedback {
  @Field(() => ID, { description: 'Идентификатор отзыва.' })
  id!: number;

  @Field(() => ID, { description: 'Участник, оставивший отзыв.' })
  participantId!: number;

  @Field(() => ParticipantRole, { description: 'Роль участника в паре или группе.' })
  role!: ParticipantRole;

  @Field(() => Int, { description: 'Оценка от 1 до 5.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Текст отзыва.' })
  text!: string | null;
}

@ObjectType({ description: 'Удовлетворённость участников работой пары или группы по их отзывам.' })
export class GroupSatisfaction {
  @Field(() => Float, { nullable: true, description: 'Средняя оценка (1–5); null — отзывов нет.' })
  averageScore!: number | null;

  @Field(() => Int, { description: 'Сколько всего отзывов.' })
  responses!: number;

  @Field(() => Int, { description: 'Сколько отзывов от наставников.' })
  mentorResponses!: number;

  @Field(() => Int, { description: 'Сколько отзывов от наставляемых.' })
  menteeResponses!: number;
}
