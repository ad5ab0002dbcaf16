import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { ScopeLevel } from '../access/roles.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { ParticipantCounts } from './participant-counts.type.js';

const countsField = {
  description:
    'Участники программы наставничества: сколько всего, по ролям, категориям и согласиям (в пределах прав).',
} as const;

@Resolver(() => Organization)
export class OrganizationParticipantCountsResolver {
  @Allow('participant.count')
  @FieldResolver(() => ParticipantCounts, countsField)
  participantCounts(@Root() organization: Organization, @Ctx() { participants }: GraphQLContext) {
    return participants.counts(ScopeLevel.ORGANIZATION, organization.id);
  }
}

@Resolver(() => Municipality)
export class MunicipalityParticipantCountsResolver {
  @Allow('participant.count')
  @FieldResolver(() => ParticipantCounts, countsField)
  participantCounts(@Root() municipality: Municipality, @Ctx() { participants }: GraphQLContext) {
    return participants.counts(ScopeLevel.MUNICIPALITY, municipality.id);
  }
}

@Resolver(() => Region)
export class RegionParticipantCountsResolver {
  @Allow('participant.count')
  @FieldResolver(() => ParticipantCounts, countsField)
  participantCounts(@Root() region: Region, @Ctx() { participants }: GraphQLContext) {
    return participants.counts(ScopeLevel.REGION, region.id);
  }
}
