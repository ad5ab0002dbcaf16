import { Field, Int, ObjectType } from 'type-graphql';
import { ParticipantCategory } from './participant.enums.js';

@ObjectType({ description: 'Число участников одной категории.' })
export class ParticipantCategoryCount {
  @Field(() => ParticipantCategory, { description: 'Категория.' })
  category!: ParticipantCategory;

  @Field(() => Int, { description: 'Всего участников категории.' })
  total!: number;

  @Field(() => Int, { description: 'Из них наставников.' })
  mentors!: number;

  @Field(() => Int, { description: 'Из них наставляемых.' })
  mentees!: number;
}

@ObjectType({
  description:
    'Сводка по базе наставников и наставляемых без персональных данных; обезличенные участники учитываются.',
})
export class ParticipantCounts {
  @Field(() => Int, { description: 'Всего участников.' })
  total!: number;

  @Field(() => Int, { description: 'Наставников.' })
  mentors!: number;

  @Field(() => Int, { description: 'Наставляемых.' })
  mentees!: number;

  @Field(() => Int, { description: 'С действующим согласием на обработку персональных данных.' })
  withValidConsent!: number;

  @Field(() => Int, { description: 'Обезличенных после отзыва согласия.' })
  depersonalised!: number;

  @Field(() => [ParticipantCategoryCount], {
    description: 'По категориям (все категории, в том числе нулевые).',
  })
  byCategory!: ParticipantCategoryCount[];
}
