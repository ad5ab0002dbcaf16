import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { MUNICIPALITIES } from './hierarchy.service.js';
import { PageArgs } from '../../graphql/pagination.js';
import { OrganizationConnection } from './hierarchy.connections.js';
import { ORGANIZATIONS } from './hierarchy.service.js';
import { Municipality } from './municipality.entity.js';
import { Region } from './region.entity.js';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Allow('hierarchy.read')
  @Query(() => Municipality, {
    nullable: true,
    description: 'Муниципалитет по коду ОКТМО; null, если не найден.',
  })
  municipality(
    @Arg('code', () => String, { description: 'Код ОКТМО.' }) code: string,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.byCode(MUNICIPALITIES, code);
  }

  @Allow('hierarchy.read')
  @FieldResolver(() => Region, { description: 'Субъект РФ, в который входит муниципалитет.' })
  region(@Root() municipality: Municipality, @Ctx() { hierarchy }: GraphQLContext) {
    return hierarchy.regionById.load(municipality.region.id);
  }

  @Allow('hierarchy.read')
  @FieldResolver(() => OrganizationConnection, { description: 'Образовательные организации муниципалитета.' })
  organizations(
    @Root() municipality: Municipality,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.children(ORGANIZATIONS, 'municipality_id', municipality.id, args);
  }
}
