import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Allow } from '../access/policy.js';
import { ScopeLevel } from '../access/roles.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { isoDay } from '../mentoring/mentoring-program.service.js';
import { Participant } from '../mentoring/participant.entity.js';
import { findParticipant } from '../mentoring/participant.loaders.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { PartnerAgreementInput, PartnerInput } from './partner.inputs.js';
import {
  addPartnerAgreement,
  createPartner,
  deletePartner,
  deletePartnerAgreement,
  linkMentorToPartner,
  updatePartner,
  updatePartnerAgreement,
} from './partner.service.js';
import {
  AgreementStatus,
  agreementStatus,
  PartnerAgreement,
  PartnerCounts,
  PartnerOrganization,
} from './partner.type.js';

const PARTNER_ID = { description: 'Организация-партнёр.' };
const AGREEMENT_ID = { description: 'Соглашение о сотрудничестве.' };

@Resolver(() => PartnerOrganization)
export class PartnerResolver {
  @Allow('partner.write')
  @Mutation(() => PartnerOrganization, {
    description: 'Добавляет организацию-партнёра своей ОО (куратор ОО).',
  })
  async createPartner(
    @Arg('input', () => PartnerInput, { description: 'Сведения о партнёре.' }) input: PartnerInput,
    @Ctx() context: GraphQLContext,
  ) {
    const id = await context.em.transactional((tx) => createPartner(tx, context.scope, input));
    return this.reload(context, id);
  }

  @Allow('partner.write')
  @Mutation(() => PartnerOrganization, { description: 'Заменяет сведения об организации-партнёре своей ОО.' })
  async updatePartner(
    @Arg('id', () => ID, PARTNER_ID) id: string,
    @Arg('input', () => PartnerInput, { description: 'Все сведения заново.' }) input: PartnerInput,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) => updatePartner(tx, context.scope, Number(id) || 0, input));
    return this.reload(context, Number(id));
  }

  @Allow('partner.write')
  @Mutation(() => Boolean, {
    description:
      'Удаляет организацию-партнёра вместе с её соглашениями; партнёр, к которому привязаны наставники, не удаляется.',
  })
  async deletePartner(@Arg('id', () => ID, PARTNER_ID) id: string, @Ctx() { em, scope }: GraphQLContext) {
    await em.transactional((tx) => deletePartner(tx, scope, Number(id) || 0));
    return true;
  }

  @Allow('partner.write')
  @Mutation(() => PartnerAgreement, {
    description: 'Добавляет соглашение о сотрудничестве с партнёром своей ОО.',
  })
  async addPartnerAgreement(
    @Arg('partnerId', () => ID, PARTNER_ID) partnerId: string,
    @Arg('input', () => PartnerAgreementInput, { description: 'Соглашение.' }) input: PartnerAgreementInput,
    @Ctx() context: GraphQLContext,
  ) {
    const partner = Number(partnerId) || 0;
    const id = await context.em.transactional((tx) =>
      addPartnerAgreement(tx, context.scope, partner, input, todayIso()),
    );
    return this.reloadAgreement(context, partner, id);
  }

  @Allow('partner.write')
  @Mutation(() => PartnerAgreement, { description: 'Заменяет сведения о соглашении о сотрудничестве.' })
  async updatePartnerAgreement(
    @Arg('id', () => ID, AGREEMENT_ID) id: string,
    @Arg('input', () => PartnerAgreementInput, { description: 'Все сведения заново.' })
    input: PartnerAgreementInput,
    @Ctx() context: GraphQLContext,
  ) {
    const partner = await context.em.transactional((tx) =>
      updatePartnerAgreement(tx, context.scope, Number(id) || 0, input, todayIso()),
    );
    return this.reloadAgreement(context, partner, Number(id));
  }

  @Allow('partner.write')
  @Mutation(() => Boolean, { description: 'Удаляет соглашение о сотрудничестве.' })
  async deletePartnerAgreement(
    @Arg('id', () => ID, AGREEMENT_ID) id: string,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    await em.transactional((tx) => deletePartnerAgreement(tx, scope, Number(id) || 0));
    return true;
  }

  @Allow('partner.write')
  @Mutation(() => Participant, {
    description:
      'Привязывает наставника категории «Представитель работодателя» к организации-партнёру своей ОО ' +
      '(partnerId: null — отвязывает). Текстовое поле «организация-партнёр» профиля наставника не меняется.',
  })
  async linkMentorToPartner(
    @Arg('participantId', () => ID, { description: 'Наставник — представитель работодателя.' })
    participantId: string,
    @Arg('partnerId', () => ID, { nullable: true, description: 'Организация-партнёр; null — отвязать.' })
    partnerId: string | null,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    const id = Number(participantId) || 0;
    await em.transactional((tx) =>
      linkMentorToPartner(tx, scope, id, partnerId === null ? null : Number(partnerId) || 0),
    );
    const participant = await findParticipant(em, scope, id);
    if (!participant) throw notFound('Участник не найден.');
    return participant;
  }

  private async reload({ community }: GraphQLContext, id: number) {
    const partner = await community.partners.byId.load(id);
    if (!partner) throw notFound('Организация-партнёр не найдена.');
    return partner;
  }

  private async reloadAgreement({ community }: GraphQLContext, partnerId: number, id: number) {
    const agreements = await community.partners.agreements.load(partnerId);
    const agreement = agreements.find((entry) => entry.id === id);
    if (!agreement) throw notFound('Соглашение о сотрудничестве не найдено.');
    return agreement;
  }

  @Allow('partner.read')
  @FieldResolver(() => [PartnerAgreement], {
    description: 'Соглашения о сотрудничестве, начиная с самого нового по сроку действия.',
  })
  agreements(@Root() partner: PartnerOrganization, @Ctx() { community }: GraphQLContext) {
    return community.partners.agreements.load(partner.id);
  }

  @Allow('partner.read')
  @FieldResolver(() => Int, {
    description: 'Сколько наставников (представителей работодателя) привязано к партнёру; только число.',
  })
  async mentorCount(@Root() partner: PartnerOrganization, @Ctx() { community }: GraphQLContext) {
    return (await community.partners.mentors.load(partner.id)).mentors;
  }

  @Allow('partner.read')
  @FieldResolver(() => Boolean, {
    description: 'Предоставляет наставников: хотя бы один привязанный наставник работает в паре или группе.',
  })
  async providesMentors(@Root() partner: PartnerOrganization, @Ctx() { community }: GraphQLContext) {
    return (await community.partners.mentors.load(partner.id)).providesMentors;
  }
}

@Resolver(() => PartnerAgreement)
export class PartnerAgreementResolver {
  @Allow('partner.read')
  @FieldResolver(() => AgreementStatus, { description: 'Состояние соглашения на дату.' })
  status(
    @Root() agreement: PartnerAgreement,
    @Arg('on', () => String, { nullable: true, description: 'Дата (ГГГГ-ММ-ДД); по умолчанию сегодня.' })
    on: string | null,
  ) {
    return agreementStatus(agreement, on ? isoDay('on', on) : todayIso());
  }
}

const countsField = {
  description:
    'Организации-партнёры: сколько всего, сколько предоставляют наставников, сколько с действующим соглашением.',
} as const;

@Resolver(() => Organization)
export class OrganizationPartnersResolver {
  @Allow('partner.read')
  @FieldResolver(() => [PartnerOrganization], { description: 'Организации-партнёры ОО (по наименованию).' })
  partners(@Root() organization: Organization, @Ctx() { community }: GraphQLContext) {
    return community.partners.byOrganization.load(organization.id);
  }

  @Allow('partner.read')
  @FieldResolver(() => PartnerCounts, countsField)
  partnerCounts(@Root() organization: Organization, @Ctx() { community }: GraphQLContext) {
    return community.partners.counts(ScopeLevel.ORGANIZATION, organization.id, todayIso());
  }
}

@Resolver(() => Municipality)
export class MunicipalityPartnerCountsResolver {
  @Allow('partner.read')
  @FieldResolver(() => PartnerCounts, countsField)
  partnerCounts(@Root() municipality: Municipality, @Ctx() { community }: GraphQLContext) {
    return community.partners.counts(ScopeLevel.MUNICIPALITY, municipality.id, todayIso());
  }
}

@Resolver(() => Region)
export class RegionPartnerCountsResolver {
  @Allow('partner.read')
  @FieldResolver(() => PartnerCounts, countsField)
  partnerCounts(@Root() region: Region, @Ctx() { community }: GraphQLContext) {
    return community.partners.counts(ScopeLevel.REGION, region.id, todayIso());
  }
}

@Resolver(() => Participant)
export class ParticipantPartnerResolver {
  @Allow('participant.read')
  @FieldResolver(() => PartnerOrganization, {
    nullable: true,
    description: 'Организация-партнёр, к которой привязан наставник — представитель работодателя.',
  })
  partner(@Root() participant: Participant, @Ctx() { community }: GraphQLContext) {
    return community.partners.ofParticipant.load(participant.id);
  }
}
