import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { assertCanBeMatched } from './consent.service.js';
import { MENTORING_FORM_LABELS, MentoringGroupStatus } from './mentoring-group.enums.js';
import type { MentoringGroupInput } from './mentoring-group.inputs.js';
import {
  assertComposition,
  assertMentorLoad,
  assertOpen,
  assertOrder,
  assertProgramForm,
  assertStageMove,
  assertTransition,
  checkEndDay,
  terminationReason,
  type Candidate,
} from './mentoring-group.rules.js';
import { isoDay } from './mentoring-program.service.js';
import { MentoringStage } from './mentoring-stage.js';
import { ParticipantRole } from './participant.enums.js';
import { checkDay } from './participant.validation.js';
import { auditParticipant, curatorOrganization } from './participant.service.js';

/** A group row as the write rules need it. */
interface GroupHead {
  id: number;
  region_id: number;
  municipality_id: number;
  organization_id: number;
  form: keyof typeof MENTORING_FORM_LABELS;
  stage: MentoringStage;
  status: MentoringGroupStatus;
  order_number: string | null;
  order_date: string | null;
  started_on: string | null;
}

function ids(field: string, values: readonly string[]): number[] {
  return values.map((value) => {
    const id = Number(value);
    if (!Number.isInteger(id) || id <= 0)
      throw badInput(field, `неверный идентификатор участника «${value}»`);
    return id;
  });
}

function audit(
  em: EntityManager,
  scope: AccessScope,
  group: GroupHead,
  entry: Omit<
    AuditEntry,
    'regionId' | 'municipalityId' | 'organizationId' | 'operation' | 'entity' | 'entityCode'
  >,
) {
  return auditParticipant(em, scope.caller, group, [
    { operation: 'mentoring.write', entity: 'mentoring_group', entityCode: String(group.id), ...entry },
  ]);
}

/** A group of the caller's own organisation, locked for the transaction; otherwise "not found". */
async function lockGroup(em: EntityManager, scope: AccessScope, id: number): Promise<GroupHead> {
  const organization = curatorOrganization(scope);
  const [group] = await em.execute<GroupHead[]>(
    `select id, region_id, municipality_id, organization_id, form, stage, status, order_number,
            order_date::text as order_date, started_on::text as started_on
     from mentoring_group where id = ? and organization_id = ? for update`,
    [id, organization.organizationId],
  );
  if (!group) throw notFound('Наставническая пара или группа не найдена.');
  return group;
}

/**
 * Participants of the organisation, locked so that two requests cannot both spend a mentor's
 * last free place. Someone of another school answers exactly like someone who does not exist.
 */
async function lockCandidates(em: EntityManager, organizationId: number, participantIds: number[]) {
  const rows = await em.execute<Candidate[]>(
    `select p.id, p.category, p.is_mentor, p.is_mentee, p.birth_year, p.birth_month, p.grade_or_course,
            p.max_load, nullif(concat_ws(' ', pp.last_name, pp.first_name, pp.middle_name), '') as name
     from participant p left join participant_personal pp on pp.participant_id = p.id
     where p.id = any(?::int[]) and p.organization_id = ? order by p.id for update of p`,
    [`{${participantIds.join(',')}}`, organizationId],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = participantIds.find((id) => !byId.has(id));
  if (missing !== undefined) throw notFound(`Участник № ${missing} не найден.`);
  return byId;
}

async function members(em: EntityManager, groupId: number) {
  return em.execute<{ participant_id: number; role: ParticipantRole }[]>(
    `select participant_id, role from mentoring_group_member where group_id = ? order by participant_id`,
    [groupId],
  );
}

/** After the members are written: no mentor may lead more mentees than their declared load. */
async function assertMentorLoads(em: EntityManager, mentors: Candidate[]) {
  const capped = mentors.filter((mentor) => mentor.max_load !== null);
  if (capped.length === 0) return;
  const rows = await em.execute<{ id: number; load: number }[]>(
    `select m.participant_id as id, count(e.participant_id)::int as load
     from mentoring_group_member m
     join mentoring_group g on g.id = m.group_id and g.status in ('FORMING', 'ACTIVE')
     join mentoring_group_member e on e.group_id = m.group_id and e.role = 'MENTEE'
     where m.role = 'MENTOR' and m.participant_id = any(?::int[]) group by 1`,
    [`{${capped.map((mentor) => mentor.id).join(',')}}`],
  );
  for (const row of rows)
    assertMentorLoad(
      capped.find((candidate) => candidate.id === row.id)!,
      row.load,
    );
}

/** Checks a membership in full and writes the new members; the caller audits. */
async function saveMembership(
  em: EntityManager,
  group: Pick<GroupHead, 'id' | 'organization_id' | 'form'>,
  mentorIds: number[],
  menteeIds: number[],
  added: number[],
) {
  const candidates = await lockCandidates(em, group.organization_id, [
    ...new Set([...mentorIds, ...menteeIds]),
  ]);
  assertComposition(
    group.form,
    mentorIds.map((id) => candidates.get(id)!),
    menteeIds.map((id) => candidates.get(id)!),
  );
  await assertCanBeMatched(em, added);
  const rows = added.map((id) => ({
    participant_id: id,
    role: mentorIds.includes(id) ? ParticipantRole.MENTOR : ParticipantRole.MENTEE,
  }));
  if (rows.length > 0)
    await em.execute(
      `insert into mentoring_group_member (group_id, participant_id, role)
       select ?, m.participant_id, m.role from jsonb_to_recordset(?::jsonb) as m(participant_id int, role text)`,
      [group.id, JSON.stringify(rows)],
    );
  await assertMentorLoads(
    em,
    mentorIds.map((id) => candidates.get(id)!),
  );
}

function duplicates(field: string, values: number[]) {
  const seen = new Set<number>();
  for (const value of values) {
    if (seen.has(value)) throw badInput(field, `участник № ${value} указан дважды`);
    seen.add(value);
  }
}

export async function createMentoringGroup(
  em: EntityManager,
  scope: AccessScope,
  input: MentoringGroupInput,
  today: string,
): Promise<number> {
  const organization = curatorOrganization(scope);
  const mentorIds = ids('mentorIds', input.mentorIds);
  const menteeIds = ids('menteeIds', input.menteeIds);
  duplicates('mentorIds', mentorIds);
  duplicates('menteeIds', menteeIds);
  let programId: number | null = null;
  if (input.programId != null) {
    programId = Number(input.programId) || 0;
    const [program] = await em.execute<{ forms: string[]; title: string }[]>(
      `select forms, title from mentoring_program where id = ? and organization_id = ?`,
      [programId, organization.organizationId],
    );
    if (!program) throw notFound('Программа наставничества не найдена.');
    assertProgramForm(program, input.form);
  }
  const orderNumber = input.orderNumber?.trim() || null;
  const orderDate = input.orderDate ? checkDay('orderDate', input.orderDate, today) : null;
  const startedOn = input.startedOn ? isoDay('startedOn', input.startedOn) : null;
  const title = input.title?.trim() || null;

  const [created] = await em.execute<{ id: number }[]>(
    `insert into mentoring_group (region_id, municipality_id, organization_id, program_id, form, title,
                                  order_number, order_date, stage, status, started_on)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      organization.regionId,
      organization.municipalityId,
      organization.organizationId,
      programId,
      input.form,
      title,
      orderNumber,
      orderDate,
      MentoringStage.MATCHING,
      MentoringGroupStatus.FORMING,
      startedOn,
    ],
  );
  const group = {
    id: created!.id,
    region_id: organization.regionId,
    municipality_id: organization.municipalityId,
    organization_id: organization.organizationId,
    form: input.form,
  };
  await saveMembership(em, group, mentorIds, menteeIds, [...mentorIds, ...menteeIds]);
  await audit(em, scope, group as GroupHead, {
    action: 'CREATE',
    after: {
      form: input.form,
      programId,
      mentorIds,
      menteeIds,
      orderNumber,
      orderDate,
      startedOn,
      stage: MentoringStage.MATCHING,
      status: MentoringGroupStatus.FORMING,
    },
  });
  await refreshOrganizationSummaries(em, [group.organization_id]);
  return group.id;
}

function split(rows: { participant_id: number; role: ParticipantRole }[]) {
  return {
    mentorIds: rows.filter((row) => row.role === ParticipantRole.MENTOR).map((row) => row.participant_id),
    menteeIds: rows.filter((row) => row.role === ParticipantRole.MENTEE).map((row) => row.participant_id),
  };
}

export async function addGroupMembers(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  newMentorIds: readonly string[],
  newMenteeIds: readonly string[],
): Promise<void> {
  const group = await lockGroup(em, scope, groupId);
  assertOpen(group.status, 'менять состав');
  const before = split(await members(em, groupId));
  const addMentors = ids('mentorIds', newMentorIds);
  const addMentees = ids('menteeIds', newMenteeIds);
  const added = [...addMentors, ...addMentees];
  if (added.length === 0) throw badInput('mentorIds', 'укажите, кого добавить');
  const current = new Set([...before.mentorIds, ...before.menteeIds]);
  const already = added.find((id) => current.has(id));
  if (already !== undefined) throw badInput('mentorIds', `участник № ${already} уже входит в эту группу`);
  const mentorIds = [...before.mentorIds, ...addMentors];
  const menteeIds = [...before.menteeIds, ...addMentees];
  duplicates('mentorIds', mentorIds);
  duplicates('menteeIds', menteeIds);
  await saveMembership(em, group, mentorIds, menteeIds, added);
  await touch(em, groupId);
  await audit(em, scope, group, { action: 'UPDATE', before, after: { mentorIds, menteeIds } });
  await refreshOrganizationSummaries(em, [group.organization_id]);
}

export async function removeGroupMember(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  participantId: number,
): Promise<void> {
  const group = await lockGroup(em, scope, groupId);
  assertOpen(group.status, 'менять состав');
  const rows = await members(em, groupId);
  const before = split(rows);
  if (!rows.some((row) => row.participant_id === participantId))
    throw notFound(`Участник № ${participantId} не входит в эту группу.`);
  const after = split(rows.filter((row) => row.participant_id !== participantId));
  if (after.mentorIds.length === 0)
    throw refused('Нельзя исключить единственного наставника: сначала добавьте другого.');
  if (after.menteeIds.length === 0)
    throw refused(
      'Нельзя исключить единственного наставляемого: сначала добавьте другого или прекратите группу.',
    );
  await em.execute(`delete from mentoring_group_member where group_id = ? and participant_id = ?`, [
    groupId,
    participantId,
  ]);
  await touch(em, groupId);
  await audit(em, scope, group, { action: 'UPDATE', before, after });
  await refreshOrganizationSummaries(em, [group.organization_id]);
}

function touch(em: EntityManager, groupId: number) {
  return em.execute(`update mentoring_group set updated_at = now() where id = ?`, [groupId]);
}

/** Stages go forward one at a time; staying on the current one is allowed (and changes nothing). */
export async function moveGroupStage(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  stage: MentoringStage,
): Promise<void> {
  const group = await lockGroup(em, scope, groupId);
  assertOpen(group.status, 'менять этап');
  assertStageMove(group.stage, stage);
  if (stage === group.stage) return;
  await em.execute(`update mentoring_group set stage = ?, updated_at = now() where id = ?`, [stage, groupId]);
  await audit(em, scope, group, { action: 'UPDATE', before: { stage: group.stage }, after: { stage } });
  await refreshOrganizationSummaries(em, [group.organization_id]);
}

export interface ActivationInput {
  orderNumber?: string | null;
  orderDate?: string | null;
  startedOn?: string | null;
}

/** A group starts working under an order (приказ о закреплении): its number and date are required. */
export async function activateGroup(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  input: ActivationInput,
  today: string,
): Promise<void> {
  const group = await lockGroup(em, scope, groupId);
  const status = assertTransition(group.status, 'activate');
  const orderNumber = input.orderNumber?.trim() || group.order_number;
  const orderDate = input.orderDate ? checkDay('orderDate', input.orderDate, today) : group.order_date;
  assertOrder(orderNumber, orderDate);
  const startedOn = input.startedOn ? isoDay('startedOn', input.startedOn) : (group.started_on ?? orderDate);
  await em.execute(
    `update mentoring_group set status = ?, order_number = ?, order_date = ?, started_on = ?, updated_at = now()
     where id = ?`,
    [status, orderNumber, orderDate, startedOn, groupId],
  );
  await audit(em, scope, group, {
    action: 'UPDATE',
    before: { status: group.status, orderNumber: group.order_number, orderDate: group.order_date },
    after: { status, orderNumber, orderDate, startedOn },
  });
  await refreshOrganizationSummaries(em, [group.organization_id]);
}

async function end(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  transition: 'complete' | 'terminate',
  endedOn: string,
  reason: string | null,
  today: string,
) {
  const group = await lockGroup(em, scope, groupId);
  const status = assertTransition(group.status, transition);
  checkEndDay(endedOn, group.started_on, today);
  await em.execute(
    `update mentoring_group set status = ?, ended_on = ?, termination_reason = ?, updated_at = now() where id = ?`,
    [status, endedOn, reason, groupId],
  );
  // The reason may tell something about a person: the audit says that one was given, not what.
  await audit(em, scope, group, {
    action: 'UPDATE',
    before: { status: group.status },
    after: { status, endedOn, ...(reason !== null ? { reasonGiven: true } : {}) },
  });
  await refreshOrganizationSummaries(em, [group.organization_id]);
}

export function completeGroup(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  endedOn: string,
  today: string,
) {
  return end(em, scope, groupId, 'complete', endedOn, null, today);
}

export function terminateGroup(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  endedOn: string,
  reason: string,
  today: string,
) {
  return end(em, scope, groupId, 'terminate', endedOn, terminationReason(reason), today);
}
