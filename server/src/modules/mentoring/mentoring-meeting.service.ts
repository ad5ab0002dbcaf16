import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { MENTORING_GROUP_STATUS_LABELS, MentoringGroupStatus } from './mentoring-group.enums.js';
import {
  MEETING_KIND_LABELS,
  MEETING_NOTES_MAX,
  MeetingKind,
  type MeetingInput,
} from './mentoring-meeting.type.js';
import { checkDay } from './participant.validation.js';
import { auditParticipant, curatorOrganization } from './participant.service.js';

/** The group's path and state, as the meeting and feedback rules need them. */
export interface GroupPath {
  id: number;
  region_id: number;
  municipality_id: number;
  organization_id: number;
  status: MentoringGroupStatus;
}

/**
 * A group of the caller's own organisation, locked so that two meetings recorded at once cannot
 * both be "the first" or "the last"; a group of another school answers like one that does not exist.
 */
export async function lockOwnGroup(em: EntityManager, scope: AccessScope, id: number): Promise<GroupPath> {
  const organization = curatorOrganization(scope);
  const [group] = await em.execute<GroupPath[]>(
    `select id, region_id, municipality_id, organization_id, status
     from mentoring_group where id = ? and organization_id = ? for update`,
    [id, organization.organizationId],
  );
  if (!group) throw notFound('Наставническая пара или группа не найдена.');
  return group;
}

const label = (kind: MeetingKind) => `«${MEETING_KIND_LABELS[kind]}»`;

/** Checks the order of the five meetings: introduction first and once, final last and once. */
function assertOrder(kind: MeetingKind, heldOn: string, held: { kind: MeetingKind; held_on: string }[]) {
  const introduction = held.find((m) => m.kind === MeetingKind.INTRODUCTORY);
  const final = held.find((m) => m.kind === MeetingKind.FINAL);
  if (kind === MeetingKind.INTRODUCTORY) {
    if (introduction)
      throw refused(`Встреча-знакомство уже проведена ${introduction.held_on}; она бывает один раз.`);
    const [first] = held;
    if (first)
      throw refused(
        `Встреча-знакомство проводится первой, а у группы уже есть ${label(first.kind)} ${first.held_on}.`,
      );
    return;
  }
  if (final)
    throw refused(
      kind === MeetingKind.FINAL
        ? `Заключительная встреча уже проведена ${final.held_on}; она бывает один раз.`
        : `После заключительной встречи (${final.held_on}) других встреч не бывает.`,
    );
  if (introduction && heldOn < introduction.held_on)
    throw refused(
      `${MEETING_KIND_LABELS[kind][0]!.toUpperCase()}${MEETING_KIND_LABELS[kind].slice(1)} не может быть раньше ` +
        `встречи-знакомства (${introduction.held_on}).`,
    );
  if (kind === MeetingKind.FINAL) {
    const later = held.find((m) => m.held_on > heldOn);
    if (later)
      throw refused(
        `Заключительная встреча должна быть последней, а ${label(later.kind)} проведена позже — ${later.held_on}.`,
      );
  }
}

export async function recordMeeting(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  input: MeetingInput,
  today: string,
): Promise<number> {
  const group = await lockOwnGroup(em, scope, groupId);
  const allowed =
    group.status === MentoringGroupStatus.ACTIVE ||
    (group.status === MentoringGroupStatus.FORMING && input.kind === MeetingKind.INTRODUCTORY);
  if (!allowed)
    throw refused(
      `Нельзя записать ${label(input.kind)}: группа сейчас «${MENTORING_GROUP_STATUS_LABELS[group.status]}»; ` +
        'встречи проводит работающая группа, а формирующаяся — только встречу-знакомство.',
    );
  const heldOn = checkDay('heldOn', input.heldOn, today);
  const notes = input.notes?.trim() || null;
  if (notes && notes.length > MEETING_NOTES_MAX)
    throw badInput('notes', `не длиннее ${MEETING_NOTES_MAX} знаков, передано ${notes.length}`);
  const held = await em.execute<{ kind: MeetingKind; held_on: string }[]>(
    `select kind, held_on::text as held_on from mentoring_meeting where group_id = ? order by held_on, id`,
    [groupId],
  );
  assertOrder(input.kind, heldOn, held);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into mentoring_meeting (region_id, municipality_id, organization_id, group_id, kind, held_on, format, notes)
     values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      group.region_id,
      group.municipality_id,
      group.organization_id,
      groupId,
      input.kind,
      heldOn,
      input.format,
      notes,
    ],
  );
  // Notes are free text: the audit records that some were written, not what they say.
  await auditParticipant(em, scope.caller, group, [
    {
      operation: 'mentoring.write',
      action: 'CREATE',
      entity: 'mentoring_meeting',
      entityCode: String(created!.id),
      after: { groupId, kind: input.kind, heldOn, format: input.format, notesGiven: notes !== null },
    },
  ]);
  return created!.id;
}
