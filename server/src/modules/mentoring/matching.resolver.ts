import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { MentoringForm } from './mentoring-group.enums.js';
import { mentorSuggestions } from './matching.service.js';
import { MentorSuggestion } from './matching.types.js';

@Resolver(() => MentorSuggestion)
export class MatchingResolver {
  @Allow('mentoring.read')
  @Query(() => [MentorSuggestion], {
    description:
      'Подбор наставников для наставляемого своей ОО: предложения с оценкой 0–100 и её составляющими ' +
      '(форма, темы запроса и компетенции, свободная нагрузка, организация), по убыванию оценки, ' +
      'при равенстве — по идентификатору участника. Предлагаются наставники своей ОО с действующим ' +
      'согласием и свободным местом, ещё не ведущие этого наставляемого; нарушающие правила формы ' +
      '(категория, в форме «ученик – ученик» — старшинство) не предлагаются вовсе. Ничего не создаёт: ' +
      'пару или группу куратор подтверждает мутацией `createMentoringGroup`. Наставляемый чужой ОО — «не найден».',
  })
  async mentorSuggestions(
    @Arg('menteeId', () => ID, { description: 'Наставляемый.' }) menteeId: string,
    @Arg('form', () => MentoringForm, {
      nullable: true,
      description:
        'Форма наставничества; без неё — все формы, допустимые для категории наставляемого, и лучшая для каждого наставника.',
    })
    form: MentoringForm | null | undefined,
    @Arg('first', () => Int, { defaultValue: 10, description: 'Сколько предложений вернуть (0–500).' })
    first: number,
    @Ctx() context: GraphQLContext,
  ): Promise<MentorSuggestion[]> {
    return mentorSuggestions(context.em, context.scope, Number(menteeId) || 0, form ?? null, first);
  }
}
