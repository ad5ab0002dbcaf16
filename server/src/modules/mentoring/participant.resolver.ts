import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Connection } from '../../graphql/pagination.js';
import { Allow } from '../access/policy.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { Consent } from './consent.entity.js';
import { recordConsent, revokeConsent } from './consent.service.js';
import { ParticipantPersonal } from './participant-personal.entity.js';
import { ParticipantCategory } from './participant.enums.js';
import { Participant } from './participant.entity.js';
import { ConsentInput, ParticipantInput, ParticipantListArgs } from './participant.inputs.js';
import { findParticipant, personalDataOrganization } from './participant.loaders.js';
import { createParticipant, curatorOrganization, updateParticipant } from './participant.service.js';

@ObjectType({ description: 'Страница участников программы наставничества.' })
export class ParticipantConnection extends Connection(Participant) {}

const YOUNG_SPECIALIST_YEARS = 3;
const YOUNG_AGE = 35;

/** Age in full years by year and month of birth only (the day is erased with the identity). */
function ageByMonth(participant: Participant, today: string): number | null {
  if (!participant.birthYear || !participant.birthMonth) return null;
  const months = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  return Math.floor((months - (participant.birthYear * 12 + participant.birthMonth - 1)) / 12);
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @Allow('participant.read')
  @Query(() => Participant, {
    nullable: true,
    description:
      'Участник базы наставников и наставляемых своей ОО по идентификатору (карточка участника); ' +
      'null — такого нет или он вне области доступа.',
  })
  participant(
    @Arg('id', () => ID, { description: 'Идентификатор участника.' }) id: string,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    return findParticipant(em, scope, Number(id) || 0);
  }

  @Allow('participant.write')
  @Mutation(() => Participant, {
    description: 'Добавляет участника в базу наставников / наставляемых своей ОО (куратор ОО).',
  })
  async createParticipant(
    @Arg('input', () => ParticipantInput, { description: 'Сведения об участнике.' }) input: ParticipantInput,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    const path = curatorOrganization(scope);
    const id = await em.transactional((tx) => createParticipant(tx, scope.caller, path, input, todayIso()));
    return this.reload({ em, scope } as GraphQLContext, id);
  }

  @Allow('participant.write')
  @Mutation(() => Participant, { description: 'Заменяет сведения об участнике своей ОО.' })
  async updateParticipant(
    @Arg('id', () => ID, { description: 'Участник.' }) id: string,
    @Arg('input', () => ParticipantInput, { description: 'Все сведения заново.' }) input: ParticipantInput,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      updateParticipant(tx, context.scope, Number(id) || 0, input, todayIso()),
    );
    return this.reload(context, Number(id));
  }

  @Allow('participant.write')
  @Mutation(() => Participant, {
    description:
      'Записывает согласие на обработку персональных данных. До 18 лет на дату подписания его подписывает законный представитель.',
  })
  async recordConsent(
    @Arg('participantId', () => ID, { description: 'Участник.' }) participantId: string,
    @Arg('input', () => ConsentInput, { description: 'Согласие.' }) input: ConsentInput,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      recordConsent(tx, context.scope, Number(participantId) || 0, input, todayIso()),
    );
    return this.reload(context, Number(participantId));
  }

  @Allow('participant.write')
  @Mutation(() => Participant, {
    description:
      'Отзывает согласие и в той же транзакции обезличивает участника: персональные данные удаляются, ' +
      'участник остаётся в сводных числах, но больше не может быть включён в пару или группу.',
  })
  async revokeConsent(
    @Arg('consentId', () => ID, { description: 'Согласие.' }) consentId: string,
    @Arg('revokedOn', () => String, { description: 'Дата отзыва (ГГГГ-ММ-ДД).' }) revokedOn: string,
    @Ctx() context: GraphQLContext,
  ) {
    const participantId = await context.em.transactional((tx) =>
      revokeConsent(tx, context.scope, Number(consentId) || 0, revokedOn, todayIso()),
    );
    return this.reload(context, participantId);
  }

  private async reload({ em, scope }: GraphQLContext, id: number) {
    const participant = await findParticipant(em, scope, id);
    if (!participant) throw notFound('Участник не найден.');
    return participant;
  }

  @Allow('participant.read')
  @FieldResolver(() => ParticipantPersonal, {
    nullable: true,
    description:
      'Персональные данные: только для куратора ОО участника, каждое чтение записывается в журнал аудита; ' +
      'для остальных и для обезличенных участников — null.',
  })
  personal(@Root() participant: Participant, @Ctx() { scope, participants }: GraphQLContext) {
    // Same answer for "not yours" and "erased": nothing tells the caller which one it is.
    if (personalDataOrganization(scope) !== participant.organization.id) return null;
    return participants.personal.load(participant.id);
  }

  @Allow('participant.read')
  @FieldResolver(() => [Consent], {
    description: 'Согласия на обработку персональных данных, по дате подписания.',
  })
  consents(@Root() participant: Participant, @Ctx() { participants }: GraphQLContext) {
    return participants.consents.load(participant.id);
  }

  @Allow('participant.read')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Педагог моложе 35 лет (по году и месяцу рождения); null — не педагог.',
  })
  under35(@Root() participant: Participant) {
    if (participant.category !== ParticipantCategory.TEACHER) return null;
    const age = ageByMonth(participant, todayIso());
    return age === null ? null : age < YOUNG_AGE;
  }

  @Allow('participant.read')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Молодой специалист: педагог со стажем от 0 до 3 лет; null — не педагог или стаж не указан.',
  })
  youngSpecialist(@Root() participant: Participant) {
    if (participant.category !== ParticipantCategory.TEACHER || participant.teachingExperienceYears == null)
      return null;
    return participant.teachingExperienceYears <= YOUNG_SPECIALIST_YEARS;
  }
}

@Resolver(() => Organization)
export class OrganizationParticipantsResolver {
  @Allow('participant.read')
  @FieldResolver(() => ParticipantConnection, {
    description: 'База наставников и наставляемых ОО (по порядку добавления).',
  })
  participants(
    @Root() organization: Organization,
    @Args(() => ParticipantListArgs) args: ParticipantListArgs,
    @Ctx() { participants }: GraphQLContext,
  ) {
    return participants.page(organization.id, args);
  }
}
