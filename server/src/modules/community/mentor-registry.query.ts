import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeCursor, encodeCursor, type Page } from '../../graphql/pagination.js';
import { PublicationField, type MentorRegistryEntry } from './mentor-registry.type.js';

const published = (field: PublicationField) => `'${field}' = any(c.fields)`;
const FULL_NAME = `concat_ws(' ', pp.last_name, pp.first_name, pp.middle_name)`;

/**
 * One row per mentor in the registry, each value selected only under the field the mentor agreed
 * to publish: what was not agreed never leaves the database, so neither the answer nor the search
 * (which looks only at these columns) nor the order (unnamed mentors last) can reveal it.
 * A mentor is listed while the publication consent and the consent to processing are in force
 * and the mentor is still a mentor; depersonalisation revokes both.
 */
const ENTRIES = `
  select c.id, c.fields, c.signed_on::text as published_since,
         case when ${published(PublicationField.FULL_NAME)} then ${FULL_NAME} end as full_name,
         case when ${published(PublicationField.COMPETENCIES)} then p.competencies end as competencies,
         case when ${published(PublicationField.POSITION_AND_ORGANIZATION)} then p.category end as category,
         case when ${published(PublicationField.POSITION_AND_ORGANIZATION)}
              then coalesce(o.short_name, o.name) end as organization_name,
         case when ${published(PublicationField.POSITION_AND_ORGANIZATION)}
              then coalesce(po.name, p.partner_organization) end as partner_name,
         case when ${published(PublicationField.CONTACT)} then pp.contact end as contact,
         case when ${published(PublicationField.FULL_NAME)} then '0' || lower(${FULL_NAME}) else '1' end as sort_key
  from mentor_publication_consent c
  join participant p on p.id = c.participant_id
  join participant_personal pp on pp.participant_id = p.id
  join organization o on o.id = c.organization_id
  left join partner_organization po on po.id = p.partner_id
  where c.municipality_id = ? and c.revoked_on is null and p.depersonalised_at is null and p.is_mentor
    and exists (select 1 from consent g where g.participant_id = p.id and g.revoked_on is null)`;

function searchClause(search: string | null | undefined): { sql: string; params: string[] } {
  if (!search?.trim()) return { sql: 'true', params: [] };
  const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: `(e.full_name ilike ? or array_to_string(e.competencies, ' ') ilike ?
           or e.organization_name ilike ? or e.partner_name ilike ?)`,
    params: [pattern, pattern, pattern, pattern],
  };
}

type EntryRow = {
  id: number;
  fields: PublicationField[];
  published_since: string;
  full_name: string | null;
  competencies: string[] | null;
  category: MentorRegistryEntry['category'];
  organization_name: string | null;
  partner_name: string | null;
  contact: string | null;
  sort_key: string;
};

/**
 * A page of one municipality's registry. The caller has already reached the municipality through
 * its scope: the registry is published to the whole municipality, its schools' curators included.
 * Reading it writes no audit records, unlike reads of participant_personal elsewhere: these values
 * are published with the mentor's consent, exactly as far as it goes.
 */
export async function mentorRegistryPage(
  em: EntityManager,
  municipalityId: number,
  args: { search?: string | null; first: number; after?: string | null },
): Promise<Page<MentorRegistryEntry>> {
  checkPageSize(args.first);
  const search = searchClause(args.search);
  const clauses = [search.sql];
  const params: unknown[] = [municipalityId, ...search.params];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    clauses.push('(e.sort_key, e.id) > (?, ?)');
    params.push(cursor.sortKey, cursor.id);
  }
  const rows = await em.execute<EntryRow[]>(
    `select e.* from (${ENTRIES}) e where ${clauses.join(' and ')} order by e.sort_key, e.id limit ?`,
    [...params, args.first + 1],
  );
  const nodes = rows.slice(0, args.first).map((row): MentorRegistryEntry => ({
    id: row.id,
    fullName: row.full_name,
    competencies: row.competencies,
    category: row.category,
    organizationName: row.organization_name,
    partnerOrganizationName: row.partner_name,
    contact: row.contact,
    publishedFields: row.fields,
    publishedSince: row.published_since,
  }));
  const last = rows[nodes.length - 1];
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      endCursor: last && nodes.length ? encodeCursor({ sortKey: last.sort_key, id: last.id }) : null,
    },
    get totalCount() {
      return em
        .execute<{ total: number }[]>(
          `select count(*)::int as total from (${ENTRIES}) e where ${search.sql}`,
          [municipalityId, ...search.params],
        )
        .then(([row]) => row!.total);
    },
  };
}
