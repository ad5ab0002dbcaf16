import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AccessScope } from '../access/access-scope.js';
import { ScopeLevel } from '../access/roles.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { PARTICIPANT_SCOPE_COLUMNS } from '../mentoring/participant.loaders.js';
import type { PartnerAgreement, PartnerCounts, PartnerKind, PartnerOrganization } from './partner.type.js';

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

const PARTNER_COLUMNS = `po.id, po.organization_id as "organizationId", po.name, po.kind, po.inn,
  po.contact_role as "contactRole"`;

/** Partner rows as the API returns them; loaders select them with PARTNER_COLUMNS. */
type PartnerRow = PartnerOrganization & { kind: PartnerKind };

/** A linked mentor who is in a working pair or group: what makes a partner one "providing mentors". */
const MENTOR_IN_ACTIVE_GROUP = `exists (
  select 1 from mentoring_group_member gm join mentoring_group g on g.id = gm.group_id
  where gm.participant_id = p.id and gm.role = 'MENTOR' and g.status = 'ACTIVE')`;

const UNIT_COLUMN = {
  [ScopeLevel.REGION]: 'region_id',
  [ScopeLevel.MUNICIPALITY]: 'municipality_id',
  [ScopeLevel.ORGANIZATION]: 'organization_id',
} as const;

export interface PartnerMentors {
  mentors: number;
  providesMentors: boolean;
}

function groupBy<T>(keys: readonly number[], rows: T[], keyOf: (row: T) => number): T[][] {
  const grouped = new Map<number, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key)!);
}

/**
 * Partners and agreements of any number of schools: one statement per kind of field. Partners
 * are organisations, so everyone whose scope holds the school may read them (policy partner.read).
 */
export function createPartnerLoaders(em: EntityManager, scope: AccessScope) {
  const scoped = (alias: string) => scopePredicate(scope, alias, PARTICIPANT_SCOPE_COLUMNS);

  async function loadUnitCounts(level: keyof typeof UNIT_COLUMN, unitIds: readonly number[], today: string) {
    const column = UNIT_COLUMN[level];
    const within = scoped('po');
    const rows = await em.execute<{ unit: number; partners: number; providing: number; agreed: number }[]>(
      `select po.${column} as unit, count(*)::int as partners,
              count(*) filter (where exists (
                select 1 from participant p where p.partner_id = po.id and ${MENTOR_IN_ACTIVE_GROUP}))::int as providing,
              count(*) filter (where exists (
                select 1 from partner_agreement a where a.partner_id = po.id
                and a.valid_from <= ?::date and (a.valid_to is null or a.valid_to >= ?::date)))::int as agreed
       from partner_organization po where po.${column} = any(?::int[]) and ${within.sql} group by 1`,
      [today, today, intArray(unitIds), ...within.params],
    );
    const byUnit = new Map(rows.map((row) => [row.unit, row]));
    return unitIds.map((id): PartnerCounts => {
      const row = byUnit.get(id);
      return {
        partners: row?.partners ?? 0,
        providingMentors: row?.providing ?? 0,
        withActiveAgreement: row?.agreed ?? 0,
      };
    });
  }

  const unitCounts = new Map<string, DataLoader<number, PartnerCounts>>();

  return {
    /** A school's partners by name. */
    byOrganization: new DataLoader<number, PartnerOrganization[]>(async (organizationIds) => {
      const within = scoped('po');
      const rows = await em.execute<PartnerRow[]>(
        `select ${PARTNER_COLUMNS} from partner_organization po
         where po.organization_id = any(?::int[]) and ${within.sql} order by lower(po.name), po.id`,
        [intArray(organizationIds), ...within.params],
      );
      return groupBy(organizationIds, rows, (row) => row.organizationId);
    }),
    byId: new DataLoader<number, PartnerOrganization | null>(async (ids) => {
      const within = scoped('po');
      const rows = await em.execute<PartnerRow[]>(
        `select ${PARTNER_COLUMNS} from partner_organization po where po.id = any(?::int[]) and ${within.sql}`,
        [intArray(ids), ...within.params],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The partner a mentor is linked to, by participant id. */
    ofParticipant: new DataLoader<number, PartnerOrganization | null>(async (participantIds) => {
      const within = scoped('po');
      const rows = await em.execute<(PartnerRow & { participant_id: number })[]>(
        `select p.id as participant_id, ${PARTNER_COLUMNS}
         from participant p join partner_organization po on po.id = p.partner_id
         where p.id = any(?::int[]) and ${within.sql}`,
        [intArray(participantIds), ...within.params],
      );
      const byParticipant = new Map(rows.map(({ participant_id, ...partner }) => [participant_id, partner]));
      return participantIds.map((id) => byParticipant.get(id) ?? null);
    }),
    /** A partner's agreements, the newest period first. */
    agreements: new DataLoader<number, PartnerAgreement[]>(async (partnerIds) => {
      const within = scoped('a');
      const rows = await em.execute<PartnerAgreement[]>(
        `select a.id, a.partner_id as "partnerId", a.number, a.signed_on::text as "signedOn",
                a.valid_from::text as "validFrom", a.valid_to::text as "validTo", a.subject
         from partner_agreement a where a.partner_id = any(?::int[]) and ${within.sql}
         order by a.valid_from desc, a.id desc`,
        [intArray(partnerIds), ...within.params],
      );
      return groupBy(partnerIds, rows, (row) => row.partnerId);
    }),
    /** How many mentors are linked to a partner and whether one of them works in a pair or group. */
    mentors: new DataLoader<number, PartnerMentors>(async (partnerIds) => {
      const within = scoped('p');
      const rows = await em.execute<{ partner_id: number; mentors: number; provides: boolean }[]>(
        `select p.partner_id, count(*)::int as mentors, bool_or(${MENTOR_IN_ACTIVE_GROUP}) as provides
         from participant p where p.partner_id = any(?::int[]) and ${within.sql} group by 1`,
        [intArray(partnerIds), ...within.params],
      );
      const byPartner = new Map(rows.map((row) => [row.partner_id, row]));
      return partnerIds.map((id) => ({
        mentors: byPartner.get(id)?.mentors ?? 0,
        providesMentors: byPartner.get(id)?.provides ?? false,
      }));
    }),
    /** Counts for schools, municipalities or regions: one GROUP BY per level asked. */
    counts(level: keyof typeof UNIT_COLUMN, unitId: number, today: string): Promise<PartnerCounts> {
      let loader = unitCounts.get(level);
      if (!loader) {
        loader = new DataLoader((ids) => loadUnitCounts(level, ids, today));
        unitCounts.set(level, loader);
      }
      return loader.load(unitId);
    },
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;
