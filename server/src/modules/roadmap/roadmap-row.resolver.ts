import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { OrganizationRoadmapRow } from './roadmap-tracking.types.js';
import { Roadmap } from './roadmap.entity.js';

@Resolver(() => OrganizationRoadmapRow)
export class OrganizationRoadmapRowResolver {
  @Allow('roadmap.track')
  @FieldResolver(() => Organization, { description: 'Образовательная организация.' })
  organization(@Root() row: OrganizationRoadmapRow, @Ctx() { hierarchy }: GraphQLContext) {
    return hierarchy.organizationById.load(row.organizationId);
  }

  @Allow('roadmap.track')
  @FieldResolver(() => Roadmap, { nullable: true, description: 'Дорожная карта ОО на год; null — её нет.' })
  async roadmap(@Root() row: OrganizationRoadmapRow, @Ctx() { roadmaps }: GraphQLContext) {
    return row.roadmapId === null ? null : roadmaps.roadmapById.load(row.roadmapId);
  }
}
