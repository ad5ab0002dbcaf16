import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import type { AccessScope } from './access-scope.js';
import { Allow, OPERATIONS, POLICY } from './policy.js';
import { Role, ScopeLevel } from './roles.js';

@ObjectType({ description: 'Операция, которую вызывающему разрешено выполнять.' })
export class Permission {
  @Field(() => String, { description: 'Код операции из таблицы политик, например `hierarchy.read`.' })
  operation!: string;

  @Field(() => String, { description: 'Описание операции.' })
  description!: string;
}

@ObjectType({ description: 'Кто вызывает API и что ему доступно.' })
export class Me {
  /** The scope behind this answer; field resolvers read the node from it. */
  scope!: AccessScope;

  @Field(() => String, { description: 'Идентификатор субъекта токена (`sub`).' })
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Имя пользователя; null для сервисной учётной записи.',
  })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'Клиент Keycloak, получивший токен (`azp`).' })
  clientId!: string | null;

  @Field(() => [Role], { description: 'Роли, действующие в системе.' })
  roles!: Role[];

  @Field(() => ScopeLevel, {
    nullable: true,
    description: 'Уровень иерархии доступа; null — доступа нет ни к чему.',
  })
  level!: ScopeLevel | null;

  @Field(() => [Permission], { description: 'Разрешённые операции.' })
  permissions!: Permission[];
}

@Resolver(() => Me)
export class MeResolver {
  @Allow('me.read')
  @Query(() => Me, { description: 'Сведения о вызывающем: роли, узел иерархии, разрешённые операции.' })
  me(@Ctx() { scope }: GraphQLContext): Me {
    return {
      scope,
      subject: scope.caller.subject,
      username: scope.caller.username,
      clientId: scope.caller.clientId,
      roles: [...scope.roles],
      level: scope.node?.level ?? null,
      permissions: OPERATIONS.filter((operation) => scope.hasAnyRole(POLICY[operation].roles)).map(
        (operation) => ({
          operation,
          description: POLICY[operation].description,
        }),
      ),
    };
  }

  @Allow('me.read')
  @FieldResolver(() => Region, { nullable: true, description: 'Субъект РФ узла доступа.' })
  region(@Root() me: Me, @Ctx() { hierarchy }: GraphQLContext) {
    const id = me.scope.node?.regionId;
    return id ? hierarchy.regionById.load(id) : null;
  }

  @Allow('me.read')
  @FieldResolver(() => Municipality, { nullable: true, description: 'Муниципалитет узла доступа.' })
  municipality(@Root() me: Me, @Ctx() { hierarchy }: GraphQLContext) {
    const id = me.scope.node?.municipalityId;
    return id ? hierarchy.municipalityById.load(id) : null;
  }

  @Allow('me.read')
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Образовательная организация узла доступа.',
  })
  organization(@Root() me: Me, @Ctx() { hierarchy }: GraphQLContext) {
    const id = me.scope.node?.organizationId;
    return id ? hierarchy.organizationById.load(id) : null;
  }
}
