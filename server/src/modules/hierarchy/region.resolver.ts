import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { ListArgs, PageArgs } from '../../graphql/pagination.js';
import { MunicipalityConnection, OrganizationConnection } from './hierarchy.connections.js';
import { MUNICIPALITIES, ORGANIZATIONS, REGIONS } from './hierarchy.service.js';
import { Region } from './region.entity.js';

@Resolver(() => Region)
export class RegionResolver {
  @Allow('hierarchy.read')
  @Query(() => [Region], {
    description: 'Субъекты РФ в пределах области доступа (весь список, без страниц).',
  })
  regions(@Args(() => ListArgs) args: ListArgs, @Ctx() { lists }: GraphQLContext) {
    return lists.all(REGIONS, args);
  }

  @Allow('hierarchy.read')
  @Query(() => Region, { nullable: true, description: 'Субъект РФ по коду; null, если не найден.' })
  region(
    @Arg('code', () => String, { description: 'Код субъекта РФ.' }) code: string,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.byCode(REGIONS, code);
  }

  @Allow('hierarchy.read')
  @FieldResolver(() => MunicipalityConnection, { description: 'Муниципалитеты субъекта.' })
  municipalities(
    @Root() region: Region,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { lists }: GraphQLContext,
  ) {
    return lists.children(MUNICIPALITIES, 'region_id', region.id, args);
  }

  @Allow('hierarchy.read')
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
