import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Allow } from '../access/policy.js';
import { MUNICIPALITIES } from '../hierarchy/hierarchy.service.js';
import { Participant } from '../mentoring/participant.entity.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { mentorRegistryPage } from './mentor-registry.query.js';
import { recordPublicationConsent, revokePublicationConsent } from './mentor-registry.service.js';
import {
  MentorPublicationConsent,
  MentorRegistryArgs,
  MentorRegistryConnection,
  PublicationConsentInput,
} from './mentor-registry.type.js';

@Resolver(() => MentorPublicationConsent)
export class MentorRegistryResolver {
  @Allow('registry.read')
  @Query(() => MentorRegistryConnection, {
    nullable: true,
    description:
      'Муниципальный реестр наставников: только наставники с действующим согласием на публикацию и только ' +
      'сведения, которые они разрешили опубликовать. null — муниципалитет не найден или вне области доступа.',
  })
  async mentorRegistry(
    @Args(() => MentorRegistryArgs) args: MentorRegistryArgs,
    @Ctx() { em, lists }: GraphQLContext,
  ) {
    const municipality = await lists.byCode(MUNICIPALITIES, args.municipalityCode);
    return municipality ? mentorRegistryPage(em, municipality.id, args) : null;
  }

  @Allow('registry.publish')
  @Mutation(() => MentorPublicationConsent, {
    description:
      'Записывает согласие наставника своей ОО на публикацию выбранных сведений в муниципальном реестре ' +
      'наставников. Нужны действующее согласие на обработку персональных данных; до 18 лет подписывает ' +
      'законный представитель.',
  })
  async recordPublicationConsent(
    @Arg('participantId', () => ID, { description: 'Наставник.' }) participantId: string,
    @Arg('input', () => PublicationConsentInput, { description: 'Согласие на публикацию.' })
    input: PublicationConsentInput,
    @Ctx() context: GraphQLContext,
  ) {
    const participant = Number(participantId) || 0;
    const id = await context.em.transactional((tx) =>
      recordPublicationConsent(tx, context.scope, participant, input, todayIso()),
    );
    return this.reload(context, participant, id);
  }

  @Allow('registry.publish')
  @Mutation(() => MentorPublicationConsent, {
    description: 'Отзывает согласие на публикацию: наставник сразу исчезает из муниципального реестра.',
  })
  async revokePublicationConsent(
    @Arg('id', () => ID, { description: 'Согласие на публикацию.' }) id: string,
    @Arg('revokedOn', () => String, { description: 'Дата отзыва (ГГГГ-ММ-ДД).' }) revokedOn: string,
    @Ctx() context: GraphQLContext,
  ) {
    const participant = await context.em.transactional((tx) =>
      revokePublicationConsent(tx, context.scope, Number(id) || 0, revokedOn, todayIso()),
    );
    return this.reload(context, participant, Number(id));
  }

  private async reload({ community }: GraphQLContext, participantId: number, id: number) {
    const consents = await community.publicationConsents.load(participantId);
    const consent = consents.find((entry) => entry.id === id);
    if (!consent) throw notFound('Согласие на публикацию не найдено.');
    return consent;
  }
}

@Resolver(() => Participant)
export class ParticipantPublicationResolver {
  @Allow('participant.read')
  @FieldResolver(() => [MentorPublicationConsent], {
    description: 'Согласия наставника на публикацию в муниципальном реестре наставников, по дате подписания.',
  })
  publicationConsents(@Root() participant: Participant, @Ctx() { community }: GraphQLContext) {
    return community.publicationConsents.load(participant.id);
  }
}
