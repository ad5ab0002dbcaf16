import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { PageArgs } from '../../graphql/pagination.js';
import { MunicipalityConnection, OrganizationConnection, RegionConnection } from './hierarchy.connections.js';
import { findRegionByCode, MUNICIPALITIES, ORGANIZATIONS, REGIONS } from './hierarchy.service.js';
import { Region } from './region.entity.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, { description: 'Субъекты РФ.' })
  regions(@Args(() => PageArgs) args: PageArgs, @Ctx() { lists }: GraphQLContext) {
    return lists.root(REGIONS, args);
  }

  @Query(() => Region, { nullable: true, description: 'Субъект РФ по коду; null, если не найден.' })
  region(
    @Arg('code', () => String, { description: 'Код субъекта РФ.' }) code: string,
    @Ctx() { em }: GraphQLContext,
  ) {
    return findRegionByCode(em, code);
  }

  @FieldResolver(() => MunicipalityConnection, { description: 'Муниципалитеты субъекта.' })
  municipalities(
    @Root() region: Region,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.children(MUNICIPALITIES, 'region_id', region.id, args);
  }

  @FieldResolver(() => OrganizationConnection, {
    description: 'Образовательные организации субъекта (всех муниципалитетов).',
  })
  organizations(
    @Root() region: Region,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.children(ORGANIZATIONS, 'region_id', region.id, args);
  }
}
