import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import {
  assertAgreer,
  assertPlanner,
  lockRoadmap,
  ROADMAP_SCOPE_COLUMNS,
  type RoadmapHead,
} from './roadmap-access.js';
import { dueFields, type ItemMark } from './roadmap-plan.js';
import { ROADMAP_STATUS_LABELS, RoadmapItemStatus, RoadmapLevel, RoadmapStatus } from './roadmap.enums.js';

const EDITABLE = [RoadmapStatus.DRAFT, RoadmapStatus.RETURNED];

/** Audits a change to a roadmap or its items under the roadmap owner's path. */
function audit(
  em: EntityManager,
  scope: AccessScope,
  roadmap: RoadmapHead,
  entry: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>,
) {
  return recordAudit(em.getTransactionContext() ?? em.getKnex(), scope.caller, [
    {
      ...entry,
      regionId: roadmap.region_id,
      municipalityId: roadmap.municipality_id ?? undefined,
      organizationId: roadmap.organization_id ?? undefined,
    },
  ]);
}

interface Transition {
  from: RoadmapStatus[];
  to: (roadmap: RoadmapHead) => RoadmapStatus;
  who: (scope: AccessScope, roadmap: RoadmapHead) => void;
  operation: 'roadmap.plan' | 'roadmap.agree';
}

/** The agreement workflow: owner drafts and submits, the level above agrees or returns. */
export const TRANSITIONS = {
  // A region's roadmap has nobody above it in this system: submitting it approves it.
  submit: {
    from: EDITABLE,
    to: (roadmap) => (roadmap.level === RoadmapLevel.REGION ? RoadmapStatus.AGREED : RoadmapStatus.SUBMITTED),
    who: assertPlanner,
    operation: 'roadmap.plan',
  },
  agree: {
    from: [RoadmapStatus.SUBMITTED],
    to: () => RoadmapStatus.AGREED,
    who: assertAgreer,
    operation: 'roadmap.agree',
  },
  return: {
    from: [RoadmapStatus.SUBMITTED],
    to: () => RoadmapStatus.RETURNED,
    who: assertAgreer,
    operation: 'roadmap.agree',
  },
  // Changing an agreed plan needs a new submission, so the owner reopens it as a draft.
  reopen: {
    from: [RoadmapStatus.AGREED],
    to: () => RoadmapStatus.DRAFT,
    who: assertPlanner,
    operation: 'roadmap.plan',
  },
} satisfies Record<string, Transition>;

export async function moveRoadmap(
  em: EntityManager,
  scope: AccessScope,
  roadmapId: number,
  transition: keyof typeof TRANSITIONS,
  comment: string | null,
): Promise<void> {
  const step: Transition = TRANSITIONS[transition];
  const roadmap = await lockRoadmap(em, scope, roadmapId);
  step.who(scope, roadmap);
  const from = roadmap.status as RoadmapStatus;
  if (!step.from.includes(from)) {
    throw refused(
      `Нельзя: дорожная карта сейчас «${ROADMAP_STATUS_LABELS[from]}», а это действие возможно, когда она ` +
        step.from.map((status) => `«${ROADMAP_STATUS_LABELS[status]}»`).join(' или ') +
        '.',
    );
  }
  if (transition === 'return' && !comment?.trim()) throw badInput('comment', 'укажите, что нужно доработать');
  const to = step.to(roadmap);
  await em.execute(
    `update roadmap set status = ?, status_comment = ?, updated_at = now(),
       submitted_at = case when ? = 'SUBMITTED' then now() else submitted_at end,
       agreed_at = case when ? = 'AGREED' then now() when ? = 'DRAFT' then null else agreed_at end
     where id = ?`,
    [to, comment?.trim() || null, to, to, to, roadmapId],
  );
  await audit(em, scope, roadmap, {
    operation: step.operation,
    action: 'UPDATE',
    entity: 'roadmap',
    entityCode: String(roadmapId),
    before: { status: from },
    after: { status: to, comment: comment?.trim() || null },
  });
}

/** The planned part of an item, as the owner edits it while drafting. */
export interface ItemPlanChange {
  sectionId?: number | null;
  number?: string | null;
  title: string;
  stage?: string | null;
  dueWording: string;
  responsible?: string | null;
  expectedResult?: string | null;
}

const ITEM_SNAPSHOT = `i.id, i.roadmap_id, i.title, i.number, i.stage, i.due_wording, i.responsible, i.expected_result,
  i.status, i.completion_note, i.evidence_order_number, i.evidence_order_date::text as evidence_order_date,
  i.evidence_link, i.evidence_file_name, i.completed_at::text as completed_at, i.section_id`;

async function lockItem(em: EntityManager, scope: AccessScope, itemId: number) {
  const scoped = scopePredicate(scope, 'i', ROADMAP_SCOPE_COLUMNS);
  const [item] = await em.execute<Record<string, unknown>[]>(
    `select ${ITEM_SNAPSHOT} from roadmap_item i where i.id = ? and ${scoped.sql}`,
    [itemId, ...scoped.params],
  );
  if (!item) throw notFound('Мероприятие не найдено.');
  const roadmap = await lockRoadmap(em, scope, item.roadmap_id as number);
  assertPlanner(scope, roadmap);
  return { item, roadmap };
}

function assertDrafting(roadmap: RoadmapHead) {
  if (!EDITABLE.includes(roadmap.status as RoadmapStatus)) {
    throw refused(
      `План дорожной карты в состоянии «${ROADMAP_STATUS_LABELS[roadmap.status as RoadmapStatus]}» не меняется: ` +
        'откройте её для изменений и отправьте на согласование заново. Отметки о выполнении ставить можно.',
    );
  }
}

function checkTitle(change: ItemPlanChange) {
  if (!change.title.trim()) throw badInput('title', 'мероприятие не может быть пустым');
}

async function assertSectionOf(em: EntityManager, roadmapId: number, sectionId: number | null | undefined) {
  if (sectionId == null) return;
  const [section] = await em.execute(`select 1 from roadmap_section where id = ? and roadmap_id = ?`, [
    sectionId,
    roadmapId,
  ]);
  if (!section) throw badInput('sectionId', 'такого раздела в этой дорожной карте нет');
}

/** Section, number, title, stage, deadline (as written and as understood), responsible, result. */
function planValues(change: ItemPlanChange, roadmap: RoadmapHead): unknown[] {
  const due = dueFields(change.dueWording, { periodFrom: roadmap.period_from, periodTo: roadmap.period_to });
  return [
    change.sectionId ?? null,
    change.number ?? null,
    change.title.trim(),
    change.stage ?? null,
    change.dueWording,
    due.due_kind,
    JSON.stringify(due.due_windows),
    due.due_problem,
    due.due_to,
    change.responsible ?? null,
    change.expectedResult ?? null,
  ];
}

export async function addRoadmapItem(
  em: EntityManager,
  scope: AccessScope,
  roadmapId: number,
  change: ItemPlanChange,
) {
  const roadmap = await lockRoadmap(em, scope, roadmapId);
  assertPlanner(scope, roadmap);
  assertDrafting(roadmap);
  checkTitle(change);
  await assertSectionOf(em, roadmapId, change.sectionId);
  // Section first: the remaining plan values follow the position in planValues' order.
  const [sectionId, ...rest] = planValues(change, roadmap);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into roadmap_item (roadmap_id, section_id, region_id, municipality_id, organization_id, position, number, title,
       stage, due_wording, due_kind, due_windows, due_problem, due_to, responsible, expected_result)
     select r.id, ?, r.region_id, r.municipality_id, r.organization_id,
            coalesce((select max(position) from roadmap_item where roadmap_id = r.id), 0) + 1,
            ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?
     from roadmap r where r.id = ? returning id`,
    [sectionId, ...rest, roadmapId],
  );
  await audit(em, scope, roadmap, {
    operation: 'roadmap.plan',
    action: 'CREATE',
    entity: 'roadmap_item',
    entityCode: String(created!.id),
    after: change,
  });
  await refreshOrganizationSummaries(em, [roadmap.organization_id]);
  return created!.id;
}

export async function updateRoadmapItem(
  em: EntityManager,
  scope: AccessScope,
  itemId: number,
  change: ItemPlanChange,
) {
  const { item, roadmap } = await lockItem(em, scope, itemId);
  assertDrafting(roadmap);
  checkTitle(change);
  await assertSectionOf(em, roadmap.id, change.sectionId);
  await em.execute(
    `update roadmap_item set section_id = ?, number = ?, title = ?, stage = ?, due_wording = ?, due_kind = ?,
       due_windows = ?::jsonb, due_problem = ?, due_to = ?, responsible = ?, expected_result = ?, updated_at = now()
     where id = ?`,
    [...planValues(change, roadmap), itemId],
  );
  await audit(em, scope, roadmap, {
    operation: 'roadmap.plan',
    action: 'UPDATE',
    entity: 'roadmap_item',
    entityCode: String(itemId),
    before: item,
    after: change,
  });
  await refreshOrganizationSummaries(em, [roadmap.organization_id]);
}

export async function removeRoadmapItem(em: EntityManager, scope: AccessScope, itemId: number) {
  const { item, roadmap } = await lockItem(em, scope, itemId);
  assertDrafting(roadmap);
  await em.execute(`delete from roadmap_item where id = ?`, [itemId]);
  await audit(em, scope, roadmap, {
    operation: 'roadmap.plan',
    action: 'DELETE',
    entity: 'roadmap_item',
    entityCode: String(itemId),
    before: item,
  });
  await refreshOrganizationSummaries(em, [roadmap.organization_id]);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(field: string, value: string | null | undefined, today: string) {
  if (value == null) return;
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(value)))
    throw badInput(field, `дата в формате ГГГГ-ММ-ДД, передано «${value}»`);
  if (value > today) throw badInput(field, 'дата не может быть в будущем');
}

/** Sets the completion mark with its evidence; a DONE mark needs the day it was done. */
export async function markRoadmapItem(
  em: EntityManager,
  scope: AccessScope,
  itemId: number,
  mark: ItemMark,
  today: string,
) {
  const { item, roadmap } = await lockItem(em, scope, itemId);
  checkDay('completedAt', mark.completedAt, today);
  checkDay('evidenceOrderDate', mark.evidenceOrderDate, today);
  if (mark.status === RoadmapItemStatus.DONE && !mark.completedAt) {
    throw badInput('completedAt', 'для отметки «выполнено» укажите дату выполнения');
  }
  if (mark.status !== RoadmapItemStatus.DONE && mark.completedAt) {
    throw badInput('completedAt', 'дата выполнения указывается только для отметки «выполнено»');
  }
  if (mark.evidenceLink && !/^https?:\/\/\S+$/.test(mark.evidenceLink)) {
    throw badInput('evidenceLink', 'ссылка должна начинаться с http:// или https://');
  }
  await em.execute(
    `update roadmap_item set status = ?, completion_note = ?, evidence_order_number = ?, evidence_order_date = ?,
       evidence_link = ?, evidence_file_name = ?, completed_at = ?, updated_at = now()
     where id = ?`,
    [
      mark.status,
      mark.completionNote?.trim() || null,
      mark.evidenceOrderNumber?.trim() || null,
      mark.evidenceOrderDate ?? null,
      mark.evidenceLink?.trim() || null,
      mark.evidenceFileName?.trim() || null,
      mark.completedAt ?? null,
      itemId,
    ],
  );
  await em.execute(`update roadmap set updated_at = now() where id = ?`, [roadmap.id]);
  await audit(em, scope, roadmap, {
    operation: 'roadmap.plan',
    action: 'UPDATE',
    entity: 'roadmap_item',
    entityCode: String(itemId),
    before: item,
    after: mark,
  });
  await refreshOrganizationSummaries(em, [roadmap.organization_id]);
}
