import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { checkPageSize, decodeCursor, pagesByParent, type Page } from '../../graphql/pagination.js';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { MentoringGroup, MentoringGroupMember } from './mentoring-group.entity.js';
import type { MentoringGroupListArgs } from './mentoring-group.inputs.js';
import { MentoringProgram } from './mentoring-program.entity.js';
import type { ParticipantRole } from './participant.enums.js';
import { PARTICIPANT_COLUMNS, PARTICIPANT_SCOPE_COLUMNS, toParticipant } from './participant.loaders.js';

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/**
 * Per-request loaders of programs, groups and members: a page of groups with their programs and
 * members, nested under any number of organisations, costs a fixed number of statements.
 */
export function createMentoringGroupLoaders(em: EntityManager, scope: AccessScope) {
  const pages = new Map<string, DataLoader<number, Page<MentoringGroup>>>();
  const counts = new Map<string, DataLoader<number, number>>();

  function filters(args: MentoringGroupListArgs) {
    const scoped = scopePredicate(scope, 'g', PARTICIPANT_SCOPE_COLUMNS);
    const clauses = [scoped.sql];
    const params: unknown[] = [...scoped.params];
    if (args.filter?.status) {
      clauses.push('g.status = ?');
      params.push(args.filter.status);
    }
    if (args.filter?.form) {
      clauses.push('g.form = ?');
      params.push(args.filter.form);
    }
    return { clauses, params };
  }

  function countLoader(args: MentoringGroupListArgs) {
    const key = JSON.stringify(args.filter ?? null);
    let loader = counts.get(key);
    if (!loader) {
      loader = new DataLoader(async (organizationIds) => {
        const { clauses, params } = filters(args);
        const rows = await em.execute<{ organization_id: number; total: number }[]>(
          `select g.organization_id, count(*)::int as total from mentoring_group g
           where g.organization_id = any(?::int[]) and ${clauses.join(' and ')} group by 1`,
          [intArray(organizationIds), ...params],
        );
        const totals = new Map(rows.map((row) => [row.organization_id, row.total]));
        return organizationIds.map((id) => totals.get(id) ?? 0);
      });
      counts.set(key, loader);
    }
    return loader;
  }

  async function loadPages(args: MentoringGroupListArgs, organizationIds: readonly number[]) {
    const { clauses, params } = filters(args);
    if (args.after) {
      clauses.push('g.id > ?');
      params.push(decodeCursor(args.after).id);
    }
    const rows = await em.execute<Record<string, unknown>[]>(
      `select page.* from unnest(?::int[]) as o(id) cross join lateral (
         select g.*, g.order_date::text as order_date, g.started_on::text as started_on,
                g.ended_on::text as ended_on
         from mentoring_group g
         where g.organization_id = o.id and ${clauses.join(' and ')} order by g.id limit ?
       ) page`,
      [intArray(organizationIds), ...params, args.first + 1],
    );
    const totals = countLoader(args);
    return pagesByParent(organizationIds, rows, {
      first: args.first,
      parentOf: (row) => row.organization_id as number,
      toNode: (row) => em.map(MentoringGroup, row as never),
      sortKeyOf: () => '',
      totalOf: (id) => totals.load(id),
    });
  }

  const programRows = `p.*, p.period_from::text as period_from, p.period_to::text as period_to`;

  return {
    /** A page of an organisation's pairs and groups (scope-limited), oldest first. */
    page(organizationId: number, args: MentoringGroupListArgs): Promise<Page<MentoringGroup>> {
      checkPageSize(args.first);
      const key = JSON.stringify([args.first, args.after ?? null, args.filter ?? null]);
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadPages(args, ids));
        pages.set(key, loader);
      }
      return loader.load(organizationId);
    },
    /** An organisation's programmes, in the order they were created. */
    programs: new DataLoader<number, MentoringProgram[]>(async (organizationIds) => {
      const scoped = scopePredicate(scope, 'p', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<Record<string, unknown>[]>(
        `select ${programRows} from mentoring_program p
         where p.organization_id = any(?::int[]) and ${scoped.sql} order by p.id`,
        [intArray(organizationIds), ...scoped.params],
      );
      const byOrganization = new Map<number, MentoringProgram[]>(organizationIds.map((id) => [id, []]));
      for (const row of rows)
        byOrganization.get(row.organization_id as number)?.push(em.map(MentoringProgram, row as never));
      return organizationIds.map((id) => byOrganization.get(id)!);
    }),
    program: new DataLoader<number, MentoringProgram | null>(async (programIds) => {
      const scoped = scopePredicate(scope, 'p', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<Record<string, unknown>[]>(
        `select ${programRows} from mentoring_program p where p.id = any(?::int[]) and ${scoped.sql}`,
        [intArray(programIds), ...scoped.params],
      );
      const byId = new Map(rows.map((row) => [row.id as number, em.map(MentoringProgram, row as never)]));
      return programIds.map((id) => byId.get(id) ?? null);
    }),
    /** Members of groups with their participants: one statement for a whole page of groups. */
    members: new DataLoader<number, MentoringGroupMember[]>(async (groupIds) => {
      const scoped = scopePredicate(scope, 'p', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<Record<string, unknown>[]>(
        `select m.group_id as member_group_id, m.role as member_role, ${PARTICIPANT_COLUMNS}
         from mentoring_group_member m join participant p on p.id = m.participant_id
         where m.group_id = any(?::int[]) and ${scoped.sql}
         order by m.group_id, m.role desc, p.id`,
        [intArray(groupIds), ...scoped.params],
      );
      const byGroup = new Map<number, MentoringGroupMember[]>(groupIds.map((id) => [id, []]));
      for (const { member_group_id, member_role, ...row } of rows)
        byGroup.get(member_group_id as number)?.push({
          role: member_role as ParticipantRole,
          participant: toParticipant(em, row),
        });
      return groupIds.map((id) => byGroup.get(id)!);
    }),
  };
}

export type MentoringGroupLoaders = ReturnType<typeof createMentoringGroupLoaders>;
