import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { ORGANIZATIONS } from './hierarchy.service.js';
import { Municipality } from './municipality.entity.js';
import { Organization } from './organization.entity.js';
import { Region } from './region.entity.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Allow('hierarchy.read')
  @Query(() => Organization, {
    nullable: true,
    description: 'Образовательная организация по коду; null, если не найдена.',
  })
  organization(
    @Arg('code', () => String, { description: 'Код организации.' }) code: string,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.byCode(ORGANIZATIONS, code);
  }

  @Allow('hierarchy.read')
  @FieldResolver(() => Region, { description: 'Субъект РФ.' })
  region(@Root() organization: Organization, @Ctx() { hierarchy }: GraphQLContext) {
    return hierarchy.regionById.load(organization.region.id);
  }

  @Allow('hierarchy.read')
  @FieldResolver(() => Municipality, { description: 'Муниципалитет.' })
  municipality(@Root() organization: Organization, @Ctx() { hierarchy }: GraphQLContext) {
    return hierarchy.municipalityById.load(organization.municipality.id);
  }
}
