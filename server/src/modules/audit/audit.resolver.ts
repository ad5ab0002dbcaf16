import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../../graphql/errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { checkPageSize, MAX_PAGE_SIZE, type Page } from '../../graphql/pagination.js';
import { Allow } from '../access/policy.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { AuditRecord, AuditRecordConnection } from './audit-record.type.js';

@ArgsType()
class AuditLogArgs {
  @Field(() => Int, { defaultValue: 50, description: `Сколько записей вернуть (0–${MAX_PAGE_SIZE}).` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Только записи об объектах этого вида, например `organization`.',
  })
  entity?: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_subject: string;
  actor_username: string | null;
  actor_client: string | null;
  operation: string;
  action: string;
  entity: string;
  entity_code: string | null;
  before: unknown;
  after: unknown;
}

@Resolver(() => AuditRecord)
export class AuditResolver {
  @Allow('audit.read')
  @Query(() => AuditRecordConnection, {
    description: 'Журнал аудита в пределах области доступа вызывающего.',
  })
  async auditLog(
    @Args(() => AuditLogArgs) args: AuditLogArgs,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<Page<AuditRecord>> {
    checkPageSize(args.first);
    const scoped = scopePredicate(scope, 'a', {
      region: 'region_id',
      municipality: 'municipality_id',
      organization: 'organization_id',
    });
    const filters = [scoped.sql];
    const filterParams: unknown[] = [...scoped.params];
    if (args.entity) {
      filters.push('a.entity = ?');
      filterParams.push(args.entity);
    }
    const page = [...filters];
    const pageParams = [...filterParams];
    if (args.after) {
      if (!/^\d+$/.test(args.after))
        throw badInput('after', 'некорректный курсор: передайте `endCursor` из предыдущего ответа');
      page.push('a.id < ?');
      pageParams.push(args.after);
    }
    // Ids grow with time, so "newest first" pages by id alone.
    const rows = await em.execute<AuditRow[]>(
      `select a.* from audit_record a where ${page.join(' and ')} order by a.id desc limit ?`,
      [...pageParams, args.first + 1],
    );
    const nodes = rows.slice(0, args.first).map((row) => ({
      id: String(row.id),
      at: row.at,
      actorSubject: row.actor_subject,
      actorUsername: row.actor_username,
      actorClient: row.actor_client,
      operation: row.operation,
      action: row.action,
      entity: row.entity,
      entityCode: row.entity_code,
      before: row.before,
      after: row.after,
    }));
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: nodes.at(-1)?.id ?? null },
      get totalCount() {
        return em
          .execute<{ total: string }[]>(
            `select count(*) as total from audit_record a where ${filters.join(' and ')}`,
            filterParams,
          )
          .then(([{ total }]) => Number(total));
      },
    };
  }
}
