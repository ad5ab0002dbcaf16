import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { Roadmap } from './roadmap.entity.js';
import { RoadmapLevel } from './roadmap.enums.js';

const yearArg = { description: 'Учебный год по году начала: 2025 — это 2025/2026.' } as const;
const roadmapField = {
  nullable: true,
  description: 'Своя дорожная карта на учебный год; null — её нет.',
} as const;

@Resolver(() => Organization)
export class OrganizationRoadmapResolver {
  @Allow('roadmap.read')
  @FieldResolver(() => Roadmap, roadmapField)
  roadmap(
    @Root() organization: Organization,
    @Arg('academicYear', () => Int, yearArg) academicYear: number,
    @Ctx() { roadmaps }: GraphQLContext,
  ) {
    return roadmaps.ownRoadmap(RoadmapLevel.ORGANIZATION, academicYear).load(organization.id);
  }
}

@Resolver(() => Municipality)
export class MunicipalityRoadmapResolver {
  @Allow('roadmap.read')
  @FieldResolver(() => Roadmap, roadmapField)
  roadmap(
    @Root() municipality: Municipality,
    @Arg('academicYear', () => Int, yearArg) academicYear: number,
    @Ctx() { roadmaps }: GraphQLContext,
  ) {
    return roadmaps.ownRoadmap(RoadmapLevel.MUNICIPALITY, academicYear).load(municipality.id);
  }
}

@Resolver(() => Region)
export class RegionRoadmapResolver {
  @Allow('roadmap.read')
  @FieldResolver(() => Roadmap, roadmapField)
  roadmap(
    @Root() region: Region,
    @Arg('academicYear', () => Int, yearArg) academicYear: number,
    @Ctx() { roadmaps }: GraphQLContext,
  ) {
    return roadmaps.ownRoadmap(RoadmapLevel.REGION, academicYear).load(region.id);
  }
}
