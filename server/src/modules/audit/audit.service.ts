import type { Knex } from '@mikro-orm/postgresql';
import type { Caller } from '../access/access-scope.js';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'READ';

/** The directory's own tables: their rows' hierarchy path is found from the code. */
export type DirectoryEntity = 'region' | 'municipality' | 'organization';

export interface AuditEntry {
  operation: string;
  action: AuditAction;
  entity: string;
  entityCode: string;
  before?: unknown;
  after?: unknown;
  /** The row's path; for directory entities it may be left out and is then looked up by code. */
  regionId?: number;
  municipalityId?: number;
  organizationId?: number;
}

/**
 * Writes audit records in one statement. Pass the transaction of the change they describe, so
 * that both commit or roll back together.
 */
export async function recordAudit(db: Knex, caller: Caller, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    operation: entry.operation,
    action: entry.action,
    entity: entry.entity,
    entity_code: entry.entityCode,
    before: entry.before ?? null,
    after: entry.after ?? null,
    region_id: entry.regionId ?? null,
    municipality_id: entry.municipalityId ?? null,
    organization_id: entry.organizationId ?? null,
  }));
  await db
    .raw(
      `insert into audit_record (actor_subject, actor_username, actor_client, operation, action, entity, entity_code,
                               before, after, region_id, municipality_id, organization_id)
     select ?, ?, ?, a.operation, a.action, a.entity, a.entity_code, a.before, a.after,
            coalesce(a.region_id, r.id, m.region_id, o.region_id),
            coalesce(a.municipality_id, m.id, o.municipality_id),
            coalesce(a.organization_id, o.id)
     from jsonb_to_recordset(?::jsonb) as a(operation text, action text, entity text, entity_code text, before jsonb,
                                           after jsonb, region_id int, municipality_id int, organization_id int)
     left join region r on a.entity = 'region' and r.code = a.entity_code
     left join municipality m on a.entity = 'municipality' and m.code = a.entity_code
     left join organization o on a.entity = 'organization' and o.code = a.entity_code`,
      [caller.subject, caller.username, caller.clientId, JSON.stringify(rows)],
    )
    // Every write runs it: a prepared statement is planned once per connection, not per write.
    .options({ name: 'audit_insert' });
}
