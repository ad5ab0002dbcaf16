import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import type { GroupSatisfaction, MentoringFeedback } from './mentoring-feedback.type.js';
import type { MentoringMeeting } from './mentoring-meeting.type.js';
import { PARTICIPANT_SCOPE_COLUMNS } from './participant.loaders.js';

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

function byGroup<T>(
  groupIds: readonly number[],
  rows: (T & { group_id: number })[],
  map: (row: T) => unknown,
) {
  const grouped = new Map<number, unknown[]>(groupIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.group_id)?.push(map(row));
  return grouped;
}

/** Meetings and feedback of any number of groups: one statement per kind of field. */
export function createMeetingLoaders(em: EntityManager, scope: AccessScope) {
  return {
    /** A group's meetings by date. */
    meetings: new DataLoader<number, MentoringMeeting[]>(async (groupIds) => {
      const scoped = scopePredicate(scope, 'm', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<
        (Omit<MentoringMeeting, 'heldOn'> & { group_id: number; held_on: string })[]
      >(
        `select m.group_id, m.id, m.kind, m.held_on::text as held_on, m.format, m.notes from mentoring_meeting m
         where m.group_id = any(?::int[]) and ${scoped.sql} order by m.group_id, m.held_on, m.id`,
        [intArray(groupIds), ...scoped.params],
      );
      const grouped = byGroup(groupIds, rows, ({ id, kind, held_on, format, notes }) => ({
        id,
        kind,
        heldOn: held_on,
        format,
        notes,
      }));
      return groupIds.map((id) => grouped.get(id) as MentoringMeeting[]);
    }),
    /** Members' feedback about their group, mentors first. */
    feedback: new DataLoader<number, MentoringFeedback[]>(async (groupIds) => {
      const scoped = scopePredicate(scope, 'f', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<(MentoringFeedback & { group_id: number; participant_id: number })[]>(
        `select f.group_id, f.id, f.participant_id, f.role, f.score, f.text from mentoring_feedback f
         where f.group_id = any(?::int[]) and ${scoped.sql} order by f.group_id, f.role desc, f.participant_id`,
        [intArray(groupIds), ...scoped.params],
      );
      const grouped = byGroup(groupIds, rows, ({ id, participant_id, role, score, text }) => ({
        id,
        participantId: participant_id,
        role,
        score,
        text,
      }));
      return groupIds.map((id) => grouped.get(id) as MentoringFeedback[]);
    }),
    /** Average score and counts: sums, so that roll-ups can add them up later. */
    satisfaction: new DataLoader<number, GroupSatisfaction>(async (groupIds) => {
      const scoped = scopePredicate(scope, 'f', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<
        { group_id: number; total: number; responses: number; mentors: number; mentees: number }[]
      >(
        `select f.group_id, sum(f.score)::int as total, count(*)::int as responses,
                count(*) filter (where f.role = 'MENTOR')::int as mentors,
                count(*) filter (where f.role = 'MENTEE')::int as mentees
         from mentoring_feedback f
         where f.group_id = any(?::int[]) and ${scoped.sql} group by f.group_id`,
        [intArray(groupIds), ...scoped.params],
      );
      const byId = new Map(rows.map((row) => [row.group_id, row]));
      return groupIds.map((id): GroupSatisfaction => {
        const row = byId.get(id);
        return {
          averageScore: row ? Math.round((row.total / row.responses) * 100) / 100 : null,
          responses: row?.responses ?? 0,
          mentorResponses: row?.mentors ?? 0,
          menteeResponses: row?.mentees ?? 0,
        };
      });
    }),
  };
}

export type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;
