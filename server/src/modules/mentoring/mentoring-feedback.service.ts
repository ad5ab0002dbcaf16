import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { FEEDBACK_TEXT_MAX, type FeedbackInput } from './mentoring-feedback.type.js';
import { lockOwnGroup } from './mentoring-meeting.service.js';
import { auditParticipant } from './participant.service.js';

/** Records (or replaces) a member's feedback about their own group; returns the feedback id. */
export async function recordFeedback(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  participantId: number,
  input: FeedbackInput,
): Promise<number> {
  const group = await lockOwnGroup(em, scope, groupId);
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
    throw badInput('score', `оценка от 1 до 5, передано ${input.score}`);
  const text = input.text?.trim() || null;
  if (text && text.length > FEEDBACK_TEXT_MAX)
    throw badInput('text', `не длиннее ${FEEDBACK_TEXT_MAX} знаков, передано ${text.length}`);
  const [member] = await em.execute<{ role: string }[]>(
    `select role from mentoring_group_member where group_id = ? and participant_id = ?`,
    [groupId, participantId],
  );
  if (!member) throw notFound(`Участник № ${participantId} не входит в эту пару или группу.`);
  const [saved] = await em.execute<{ id: number; replaced: boolean }[]>(
    `insert into mentoring_feedback (region_id, municipality_id, organization_id, group_id, participant_id, role, score, text)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (group_id, participant_id)
     do update set role = excluded.role, score = excluded.score, text = excluded.text, recorded_at = now()
     returning id, (xmax <> 0) as replaced`,
    [
      group.region_id,
      group.municipality_id,
      group.organization_id,
      groupId,
      participantId,
      member.role,
      input.score,
      text,
    ],
  );
  // A person's opinion is personal: the audit says that feedback was given, not its score or words.
  await auditParticipant(em, scope.caller, group, [
    {
      operation: 'mentoring.write',
      action: saved!.replaced ? 'UPDATE' : 'CREATE',
      entity: 'mentoring_feedback',
      entityCode: String(saved!.id),
      after: { groupId, role: member.role },
    },
  ]);
  await refreshOrganizationSummaries(em, [group.organization_id]);
  return saved!.id;
}
