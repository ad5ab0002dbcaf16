import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MentoringForm } from './mentoring-group.enums.js';
import { Participant } from './participant.entity.js';

/** The weighted parts of a suggestion's score; their maxima add up to 100. */
export enum MatchFactor {
  FORM = 'FORM',
  REQUEST_TOPICS = 'REQUEST_TOPICS',
  FREE_LOAD = 'FREE_LOAD',
  ORGANIZATION = 'ORGANIZATION',
}

export const MATCH_WEIGHTS: Record<MatchFactor, number> = {
  [MatchFactor.FORM]: 30,
  [MatchFactor.REQUEST_TOPICS]: 30,
  [MatchFactor.FREE_LOAD]: 20,
  [MatchFactor.ORGANIZATION]: 20,
};

registerEnumType(MatchFactor, {
  name: 'MatchFactor',
  description: 'Составляющая оценки при подборе наставника; сумма максимумов — 100 баллов.',
  valuesConfig: {
    FORM: {
      description:
        'Совместимость с формой наставничества (до 30): 30; в форме «ученик – ученик» 30, если наставник ' +
        'и старше, и в более старшем классе, 20 — если выполнено одно из двух.',
    },
    REQUEST_TOPICS: {
      description:
        'Темы запроса наставляемого среди компетенций наставника (до 30): 30 × доля найденных тем, ' +
        'сравнение без учёта регистра.',
    },
    FREE_LOAD: {
      description:
        'Свободная нагрузка наставника (до 20): 20 × свободные места / допустимая нагрузка; 0, если нагрузка не указана.',
    },
    ORGANIZATION: {
      description:
        'Организация наставника (до 20): 20 — организация-партнёр упомянута в темах запроса; ' +
        '10 — наставник из той же ОО (не от работодателя); 0 — партнёр в запросе не упомянут.',
    },
  },
});

@ObjectType({ description: 'Составляющая оценки предложенного наставника с объяснением.' })
export class MatchReason {
  @Field(() => MatchFactor, { description: 'Какая составляющая.' })
  factor!: MatchFactor;

  @Field(() => Int, { description: 'Начисленные баллы.' })
  points!: number;

  @Field(() => Int, { description: 'Наибольшее возможное число баллов этой составляющей.' })
  maxPoints!: number;

  @Field(() => String, { description: 'Объяснение для куратора, например «свободно 2 места из 3».' })
  text!: string;
}

@ObjectType({
  description:
    'Предложенный наставник для наставляемого: оценка 0–100 и её составляющие. Предложение ничего не создаёт — ' +
    'пару или группу куратор подтверждает мутацией `createMentoringGroup`.',
})
export class MentorSuggestion {
  @Field(() => Participant, { description: 'Наставник из базы наставников своей ОО.' })
  mentor!: Participant;

  @Field(() => MentoringForm, {
    description: 'Форма наставничества, для которой дана оценка (лучшая из допустимых).',
  })
  form!: MentoringForm;

  @Field(() => Int, { description: 'Оценка 0–100: сумма баллов составляющих.' })
  score!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Свободных мест у наставника; null — допустимая нагрузка не указана.',
  })
  freePlaces!: number | null;

  @Field(() => [MatchReason], {
    description: 'Составляющие оценки в порядке FORM, REQUEST_TOPICS, FREE_LOAD, ORGANIZATION.',
  })
  reasons!: MatchReason[];
}
