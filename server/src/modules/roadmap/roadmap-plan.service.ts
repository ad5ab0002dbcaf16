import type { EntityManager } from '@mikro-orm/postgresql';
import { refused } from '../../graphql/errors.js';
import type { Caller } from '../access/access-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { planRows, type RoadmapItemRow, type RoadmapOwner, type RoadmapPlan } from './roadmap-plan.js';
import { RoadmapStatus } from './roadmap.enums.js';

export type PlanOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** Columns of roadmap_item a plan sets, in the order planRows produces them. */
const ITEM_COLUMNS = `section_position int, position int, number text, title text, stage text, due_wording text,
  due_kind text, due_windows jsonb, due_problem text, due_to date, responsible text, expected_result text, status text,
  completion_note text, evidence_order_number text, evidence_order_date date, evidence_link text,
  evidence_file_name text, completed_at date`;

/** JSON with object keys sorted: jsonb returns keys in its own order, which must not count as a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** The stored plan in planRows' shape, so "same file again" is a plain comparison. */
async function storedRows(em: EntityManager, roadmapId: number) {
  const sections = await em.execute<{ position: number; title: string }[]>(
    `select position, title from roadmap_section where roadmap_id = ? order by position`,
    [roadmapId],
  );
  const items = await em.execute<RoadmapItemRow[]>(
    `select s.position as section_position, i.position, i.number, i.title, i.stage, i.due_wording, i.due_kind,
            i.due_windows, i.due_problem, i.due_to::text as due_to, i.responsible, i.expected_result, i.status,
            i.completion_note, i.evidence_order_number, i.evidence_order_date::text as evidence_order_date,
            i.evidence_link, i.evidence_file_name, i.completed_at::text as completed_at
     from roadmap_item i left join roadmap_section s on s.id = i.section_id
     where i.roadmap_id = ? order by i.position`,
    [roadmapId],
  );
  return { sections, items };
}

/** Writes sections and items of a roadmap set-based: two statements whatever the plan's size. */
export async function insertPlanRows(
  em: EntityManager,
  roadmapId: number,
  rows: ReturnType<typeof planRows>,
) {
  if (rows.sections.length > 0) {
    await em.execute(
      `insert into roadmap_section (roadmap_id, position, title)
       select ?, s.position, s.title from jsonb_to_recordset(?::jsonb) as s(position int, title text)`,
      [roadmapId, JSON.stringify(rows.sections)],
    );
  }
  if (rows.items.length > 0) {
    await em.execute(
      `insert into roadmap_item (roadmap_id, section_id, region_id, municipality_id, organization_id, position, number,
         title, stage, due_wording, due_kind, due_windows, due_problem, due_to, responsible, expected_result, status,
         completion_note, evidence_order_number, evidence_order_date, evidence_link, evidence_file_name, completed_at)
       select r.id, s.id, r.region_id, r.municipality_id, r.organization_id, x.position, x.number, x.title, x.stage,
              x.due_wording, x.due_kind, x.due_windows, x.due_problem, x.due_to, x.responsible, x.expected_result,
              x.status, x.completion_note, x.evidence_order_number, x.evidence_order_date, x.evidence_link,
              x.evidence_file_name, x.completed_at
       from jsonb_to_recordset(?::jsonb) as x(${ITEM_COLUMNS})
       join roadmap r on r.id = ?
       left join roadmap_section s on s.roadmap_id = r.id and s.position = x.section_position`,
      [JSON.stringify(rows.items), roadmapId],
    );
  }
}

/**
 * Creates the owner's roadmap for the period, or replaces the plan of one still being drafted.
 * Saving the same plan again changes nothing; an agreed or submitted roadmap is not rewritten.
 * Call inside a transaction.
 */
export async function saveRoadmapPlan(
  em: EntityManager,
  caller: Caller,
  owner: RoadmapOwner,
  plan: RoadmapPlan,
  operation: string,
): Promise<{ roadmapId: number; outcome: PlanOutcome }> {
  const rows = planRows(plan);
  const [existing] = await em.execute<{ id: number; status: RoadmapStatus; title: string }[]>(
    `select id, status, title from roadmap
     where level = ? and region_id = ? and municipality_id is not distinct from ? and organization_id is not distinct from ?
       and period_from = ? and period_to = ? for update`,
    [owner.level, owner.regionId, owner.municipalityId, owner.organizationId, plan.periodFrom, plan.periodTo],
  );

  if (existing) {
    const stored = await storedRows(em, existing.id);
    if (existing.title === plan.title && canonicalJson(stored) === canonicalJson(rows)) {
      return { roadmapId: existing.id, outcome: 'UNCHANGED' };
    }
    if (existing.status === RoadmapStatus.SUBMITTED || existing.status === RoadmapStatus.AGREED) {
      throw refused(
        `Дорожная карта на этот период уже ${existing.status === RoadmapStatus.AGREED ? 'согласована' : 'на согласовании'}: ` +
          'план меняется только после того, как её откроют для изменений.',
      );
    }
    await em.execute(`delete from roadmap_item where roadmap_id = ?`, [existing.id]);
    await em.execute(`delete from roadmap_section where roadmap_id = ?`, [existing.id]);
    await em.execute(`update roadmap set title = ?, template_code = ?, updated_at = now() where id = ?`, [
      plan.title,
      plan.templateCode ?? null,
      existing.id,
    ]);
    await insertPlanRows(em, existing.id, rows);
    await auditPlan(
      em,
      caller,
      operation,
      owner,
      existing.id,
      'UPDATE',
      stored.items.length,
      rows.items.length,
    );
    await refreshOrganizationSummaries(em, [owner.organizationId]);
    return { roadmapId: existing.id, outcome: 'UPDATED' };
  }

  const [created] = await em.execute<{ id: number }[]>(
    `insert into roadmap (level, region_id, municipality_id, organization_id, title, period_from, period_to, template_code)
     values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      owner.level,
      owner.regionId,
      owner.municipalityId,
      owner.organizationId,
      plan.title,
      plan.periodFrom,
      plan.periodTo,
      plan.templateCode ?? null,
    ],
  );
  await insertPlanRows(em, created!.id, rows);
  await auditPlan(em, caller, operation, owner, created!.id, 'CREATE', null, rows.items.length);
  await refreshOrganizationSummaries(em, [owner.organizationId]);
  return { roadmapId: created!.id, outcome: 'CREATED' };
}

function auditPlan(
  em: EntityManager,
  caller: Caller,
  operation: string,
  owner: RoadmapOwner,
  roadmapId: number,
  action: 'CREATE' | 'UPDATE',
  itemsBefore: number | null,
  itemsAfter: number,
) {
  return recordAudit(em.getTransactionContext() ?? em.getKnex(), caller, [
    {
      operation,
      action,
      entity: 'roadmap',
      entityCode: String(roadmapId),
      before: itemsBefore === null ? null : { items: itemsBefore },
      after: { items: itemsAfter },
      regionId: owner.regionId,
      municipalityId: owner.municipalityId ?? undefined,
      organizationId: owner.organizationId ?? undefined,
    },
  ]);
}
