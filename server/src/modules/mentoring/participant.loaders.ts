import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { checkPageSize, decodeCursor, pagesByParent, type Page } from '../../graphql/pagination.js';
import type { AccessScope } from '../access/access-scope.js';
import { POLICY } from '../access/policy.js';
import { ScopeLevel } from '../access/roles.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { recordAudit } from '../audit/audit.service.js';
import { Consent } from './consent.entity.js';
import type { ParticipantCounts } from './participant-counts.type.js';
import type { ConsentDocument } from './participant-personal.entity.js';
import { ParticipantCategory, ParticipantRole, type ConsentStatus } from './participant.enums.js';
import { Participant } from './participant.entity.js';
import type { ParticipantListArgs } from './participant.inputs.js';

export const PARTICIPANT_SCOPE_COLUMNS = {
  region: 'region_id',
  municipality: 'municipality_id',
  organization: 'organization_id',
} as const;

const HAS_OPEN_CONSENT = `exists (select 1 from consent c where c.participant_id = p.id and c.revoked_on is null)`;

/** Every participant query selects this, so `consentStatus` never costs a statement per row. */
export const PARTICIPANT_COLUMNS = `p.*, case when ${HAS_OPEN_CONSENT} then 'VALID'
  when exists (select 1 from consent c where c.participant_id = p.id) then 'REVOKED' else 'NONE' end as consent_status`;

export function toParticipant(em: EntityManager, row: Record<string, unknown>): Participant {
  const participant = em.map(Participant, row as never);
  participant.consentStatus = row.consent_status as ConsentStatus;
  return participant;
}

/** One participant with its consent status, within the caller's scope; null otherwise. */
export async function findParticipant(em: EntityManager, scope: AccessScope, id: number) {
  const scoped = scopePredicate(scope, 'p', PARTICIPANT_SCOPE_COLUMNS);
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select ${PARTICIPANT_COLUMNS} from participant p where p.id = ? and ${scoped.sql}`,
    [id, ...scoped.params],
  );
  return row ? toParticipant(em, row) : null;
}

/** The organisation whose people the caller may see by name: only a curator's own school. */
export function personalDataOrganization(scope: AccessScope): number | null {
  const node = scope.node;
  if (node?.level !== ScopeLevel.ORGANIZATION || !scope.hasAnyRole(POLICY['participant.personal.read'].roles))
    return null;
  return node.organizationId ?? null;
}

export interface PersonalData {
  externalKey: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  contact: string | null;
  consentDocuments: ConsentDocument[];
}

type CountRow = {
  unit: number;
  category: ParticipantCategory;
  total: string;
  mentors: string;
  mentees: string;
  consented: string;
  depersonalised: string;
};

const UNIT_COLUMN = {
  [ScopeLevel.REGION]: 'region_id',
  [ScopeLevel.MUNICIPALITY]: 'municipality_id',
  [ScopeLevel.ORGANIZATION]: 'organization_id',
} as const;

function emptyCounts(): ParticipantCounts {
  return {
    total: 0,
    mentors: 0,
    mentees: 0,
    withValidConsent: 0,
    depersonalised: 0,
    byCategory: Object.values(ParticipantCategory).map((category) => ({
      category,
      total: 0,
      mentors: 0,
      mentees: 0,
    })),
  };
}

/**
 * Per-request participant loaders. Lists nested under many organisations cost one statement for
 * the pages and one for the counts; personal data of a whole page is one read plus one audit insert.
 */
export function createParticipantLoaders(em: EntityManager, scope: AccessScope) {
  const pages = new Map<string, DataLoader<number, Page<Participant>>>();
  const counts = new Map<string, DataLoader<number, ParticipantCounts>>();

  function filters(args: ParticipantListArgs) {
    const scoped = scopePredicate(scope, 'p', PARTICIPANT_SCOPE_COLUMNS);
    const clauses = [scoped.sql];
    const params: unknown[] = [...scoped.params];
    const filter = args.filter;
    if (filter?.category) {
      clauses.push('p.category = ?');
      params.push(filter.category);
    }
    if (filter?.role) clauses.push(filter.role === ParticipantRole.MENTOR ? 'p.is_mentor' : 'p.is_mentee');
    if (filter?.hasValidConsent != null)
      clauses.push(`${filter.hasValidConsent ? '' : 'not '}${HAS_OPEN_CONSENT}`);
    return { clauses, params };
  }

  async function loadCounts(args: ParticipantListArgs, organizationIds: readonly number[]) {
    const { clauses, params } = filters(args);
    const rows = await em.execute<{ organization_id: number; total: string }[]>(
      `select p.organization_id, count(*) as total from participant p
       where p.organization_id = any(?::int[]) and ${clauses.join(' and ')} group by 1`,
      [`{${organizationIds.join(',')}}`, ...params],
    );
    const totals = new Map(rows.map((row) => [row.organization_id, Number(row.total)]));
    return organizationIds.map((id) => totals.get(id) ?? 0);
  }

  async function loadPages(args: ParticipantListArgs, organizationIds: readonly number[]) {
    const { clauses, params } = filters(args);
    if (args.after) {
      clauses.push('p.id > ?');
      params.push(decodeCursor(args.after).id);
    }
    // A LATERAL subquery per organisation walks (organization_id, id) and stops after first + 1 rows.
    const rows = await em.execute<Record<string, unknown>[]>(
      `select page.* from unnest(?::int[]) as o(id) cross join lateral (
         select ${PARTICIPANT_COLUMNS} from participant p
         where p.organization_id = o.id and ${clauses.join(' and ')} order by p.id limit ?
       ) page`,
      [`{${organizationIds.join(',')}}`, ...params, args.first + 1],
    );
    const totals = countLoader(args);
    return pagesByParent(organizationIds, rows, {
      first: args.first,
      parentOf: (row) => row.organization_id as number,
      toNode: (row) => toParticipant(em, row),
      sortKeyOf: () => '',
      totalOf: (id) => totals.load(id),
    });
  }

  function countLoader(args: ParticipantListArgs) {
    const key = JSON.stringify(['count', args.filter ?? null]);
    let loader = counts.get(key) as unknown as DataLoader<number, number> | undefined;
    if (!loader) {
      loader = new DataLoader((ids) => loadCounts(args, ids));
      counts.set(key, loader as unknown as DataLoader<number, ParticipantCounts>);
    }
    return loader;
  }

  async function loadUnitCounts(level: keyof typeof UNIT_COLUMN, unitIds: readonly number[]) {
    const column = UNIT_COLUMN[level];
    const scoped = scopePredicate(scope, 'p', PARTICIPANT_SCOPE_COLUMNS);
    const rows = await em.execute<CountRow[]>(
      `select p.${column} as unit, p.category, count(*) as total,
              count(*) filter (where p.is_mentor) as mentors, count(*) filter (where p.is_mentee) as mentees,
              count(*) filter (where ${HAS_OPEN_CONSENT}) as consented,
              count(*) filter (where p.depersonalised_at is not null) as depersonalised
       from participant p where p.${column} = any(?::int[]) and ${scoped.sql} group by 1, 2`,
      [`{${unitIds.join(',')}}`, ...scoped.params],
    );
    const byUnit = new Map(unitIds.map((id) => [id, emptyCounts()]));
    for (const row of rows) {
      const unit = byUnit.get(row.unit)!;
      unit.total += Number(row.total);
      unit.mentors += Number(row.mentors);
      unit.mentees += Number(row.mentees);
      unit.withValidConsent += Number(row.consented);
      unit.depersonalised += Number(row.depersonalised);
      const category = unit.byCategory.find((entry) => entry.category === row.category)!;
      category.total = Number(row.total);
      category.mentors = Number(row.mentors);
      category.mentees = Number(row.mentees);
    }
    return unitIds.map((id) => byUnit.get(id)!);
  }

  const unitCounts = new Map<string, DataLoader<number, ParticipantCounts>>();

  return {
    /** A page of an organisation's participants (scope-limited). */
    page(organizationId: number, args: ParticipantListArgs): Promise<Page<Participant>> {
      checkPageSize(args.first);
      const key = JSON.stringify([args.first, args.after ?? null, args.filter ?? null]);
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadPages(args, ids));
        pages.set(key, loader);
      }
      return loader.load(organizationId);
    },
    /** Counts for regions, municipalities or organisations: one GROUP BY per level asked. */
    counts(level: keyof typeof UNIT_COLUMN, unitId: number): Promise<ParticipantCounts> {
      let loader = unitCounts.get(level);
      if (!loader) {
        loader = new DataLoader((ids) => loadUnitCounts(level, ids));
        unitCounts.set(level, loader);
      }
      return loader.load(unitId);
    },
    consents: new DataLoader<number, Consent[]>(async (ids) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select * from consent where participant_id = any(?::int[]) order by signed_on, id`,
        [`{${ids.join(',')}}`],
      );
      const byParticipant = new Map<number, Consent[]>(ids.map((id) => [id, []]));
      for (const row of rows)
        byParticipant.get(row.participant_id as number)?.push(em.map(Consent, row as never));
      return ids.map((id) => byParticipant.get(id)!);
    }),
    /**
     * Identity of participants of the curator's own school, null for anyone else. Every batch
     * that returns anything is audited (READ, one record per participant) before it is answered.
     */
    personal: new DataLoader<number, PersonalData | null>(async (ids) => {
      const organizationId = personalDataOrganization(scope);
      if (organizationId === null) return ids.map(() => null);
      const rows = await em.execute<
        (Omit<PersonalData, 'consentDocuments'> & { id: number; documents: ConsentDocument[] })[]
      >(
        `select pp.participant_id as id, pp.external_key as "externalKey", pp.last_name as "lastName",
                pp.first_name as "firstName", pp.middle_name as "middleName", pp.birth_date::text as "birthDate",
                pp.contact, p.region_id, p.municipality_id, coalesce((
                  select json_agg(json_build_object('consentId', c.id::text, 'representativeName', c.representative_name,
                                                    'documentReference', c.document_reference) order by c.signed_on, c.id)
                  from consent c where c.participant_id = pp.participant_id), '[]') as documents
         from participant_personal pp join participant p on p.id = pp.participant_id
         where pp.participant_id = any(?::int[]) and pp.organization_id = ? and p.organization_id = ?`,
        [`{${ids.join(',')}}`, organizationId, organizationId],
      );
      if (rows.length) {
        const node = scope.node!;
        await recordAudit(
          em.getKnex(),
          scope.caller,
          rows.map((row) => ({
            operation: 'participant.personal.read',
            action: 'READ' as const,
            entity: 'participant',
            entityCode: String(row.id),
            regionId: node.regionId,
            municipalityId: node.municipalityId,
            organizationId,
          })),
        );
      }
      const byId = new Map(
        rows.map((row): [number, PersonalData] => [
          row.id,
          {
            externalKey: row.externalKey,
            lastName: row.lastName,
            firstName: row.firstName,
            middleName: row.middleName,
            birthDate: row.birthDate,
            contact: row.contact,
            consentDocuments: row.documents,
          },
        ]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type ParticipantLoaders = ReturnType<typeof createParticipantLoaders>;
