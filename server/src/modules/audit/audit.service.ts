import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../access/access-scope.js';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'READ';

export interface AuditEntry {
  operation: string;
  action: AuditAction;
  entity: string;
  entityCode?: string | null;
  before?: unknown;
  after?: unknown;
  regionId?: number | null;
  municipalityId?: number | null;
  organizationId?: number | null;
}

/**
 * Writes audit records in one statement, through the caller's EntityManager so that inside
 * `em.transactional` they commit or roll back together with the change they describe.
 */
export async function recordAudit(
  em: EntityManager,
  caller: Caller,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    operation: entry.operation,
    action: entry.action,
    entity: entry.entity,
    entity_code: entry.entityCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    region_id: entry.regionId ?? null,
    municipality_id: entry.municipalityId ?? null,
    organization_id: entry.organizationId ?? null,
  }));
  await em.execute(
    `insert into audit_record (actor_subject, actor_username, actor_client, operation, action, entity, entity_code,
                               before, after, region_id, municipality_id, organization_id)
     select ?, ?, ?, r.operation, r.action, r.entity, r.entity_code, r.before, r.after,
            r.region_id, r.municipality_id, r.organization_id
     from jsonb_to_recordset(?::jsonb) as r(operation text, action text, entity text, entity_code text, before jsonb,
                                           after jsonb, region_id int, municipality_id int, organization_id int)`,
    [caller.subject, caller.username, caller.clientId, JSON.stringify(rows)],
  );
}
