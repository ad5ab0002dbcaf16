import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { revokePublicationOnDepersonalisation } from '../community/mentor-registry.service.js';
import type { ConsentInput } from './participant.inputs.js';
import {
  assertNotDepersonalised,
  auditParticipant,
  curatorOrganization,
  lockParticipant,
  PERSONAL_FIELDS,
} from './participant.service.js';
import { checkDay, consentValues } from './participant.validation.js';

/** Records a signed consent; a person has at most one consent in force. */
export async function recordConsent(
  em: EntityManager,
  scope: AccessScope,
  participantId: number,
  input: ConsentInput,
  today: string,
): Promise<number> {
  const participant = await lockParticipant(em, scope, participantId);
  assertNotDepersonalised(participant);
  const [person] = await em.execute<{ birth_date: string }[]>(
    `select birth_date::text as birth_date from participant_personal where participant_id = ?`,
    [participantId],
  );
  const values = consentValues(input, person!.birth_date, today);
  const [open] = await em.execute(`select 1 from consent where participant_id = ? and revoked_on is null`, [
    participantId,
  ]);
  if (open)
    throw refused('У участника уже есть действующее согласие: новое записывается после отзыва прежнего.');
  const [created] = await em.execute<{ id: number }[]>(
    `insert into consent (participant_id, signed_by, representative_name, signed_on, document_reference)
     values (?, ?, ?, ?, ?) returning id`,
    [
      participantId,
      values.signed_by,
      values.representative_name,
      values.signed_on,
      values.document_reference,
    ],
  );
  await auditParticipant(em, scope.caller, participant, [
    {
      operation: 'participant.write',
      action: 'CREATE',
      entity: 'consent',
      entityCode: String(created!.id),
      after: {
        participantId,
        signedBy: values.signed_by,
        signedOn: values.signed_on,
        personalFields: (['representative_name', 'document_reference'] as const).filter(
          (f) => values[f] !== null,
        ),
      },
    },
  ]);
  await refreshOrganizationSummaries(em, [participant.organization_id]);
  return created!.id;
}

/**
 * Revokes a consent and depersonalises its participant in the same transaction: the identity row
 * and the personal columns of their consents are erased, the participant row stays, so counts
 * by category and role do not change. The audit record names the erased fields, not their values.
 */
export async function revokeConsent(
  em: EntityManager,
  scope: AccessScope,
  consentId: number,
  revokedOn: string,
  today: string,
): Promise<number> {
  const organization = curatorOrganization(scope);
  const [consent] = await em.execute<
    { participant_id: number; signed_on: string; revoked_on: string | null }[]
  >(
    `select c.participant_id, c.signed_on::text as signed_on, c.revoked_on::text as revoked_on
     from consent c join participant p on p.id = c.participant_id
     where c.id = ? and p.organization_id = ?`,
    [consentId, organization.organizationId],
  );
  if (!consent) throw notFound('Согласие не найдено.');
  const participant = await lockParticipant(em, scope, consent.participant_id);
  if (consent.revoked_on) throw refused(`Согласие уже отозвано ${consent.revoked_on}.`);
  checkDay('revokedOn', revokedOn, today);
  if (revokedOn < consent.signed_on)
    throw badInput('revokedOn', `дата отзыва раньше подписания (${consent.signed_on})`);

  const [personal] = await em.execute<Record<string, unknown>[]>(
    `select ${PERSONAL_FIELDS.join(', ')} from participant_personal where participant_id = ?`,
    [participant.id],
  );
  const [consentFields] = await em.execute<{ representative_name: boolean; document_reference: boolean }[]>(
    `select bool_or(representative_name is not null) as representative_name,
            bool_or(document_reference is not null) as document_reference
     from consent where participant_id = ?`,
    [participant.id],
  );
  const erased = [
    ...PERSONAL_FIELDS.filter((field) => personal?.[field] != null),
    ...(['representative_name', 'document_reference'] as const)
      .filter((field) => consentFields?.[field])
      .map((field) => `consent.${field}`),
  ];

  await em.execute(`update consent set revoked_on = ? where id = ?`, [revokedOn, consentId]);
  await em.execute(`delete from participant_personal where participant_id = ?`, [participant.id]);
  await em.execute(
    `update consent set representative_name = null, document_reference = null where participant_id = ?`,
    [participant.id],
  );
  await em.execute(
    `update participant set depersonalised_at = coalesce(depersonalised_at, now()), updated_at = now() where id = ?`,
    [participant.id],
  );
  // Nobody stays in the municipal mentor registry after withdrawing consent to processing.
  await revokePublicationOnDepersonalisation(em, scope.caller, participant, revokedOn);
  await auditParticipant(em, scope.caller, participant, [
    {
      operation: 'participant.write',
      action: 'UPDATE',
      entity: 'consent',
      entityCode: String(consentId),
      before: { revokedOn: null },
      after: { revokedOn },
    },
    {
      operation: 'participant.write',
      action: 'UPDATE',
      entity: 'participant',
      entityCode: String(participant.id),
      before: { erasedFields: erased },
      after: { depersonalised: true },
    },
  ]);
  await refreshOrganizationSummaries(em, [participant.organization_id]);
  return participant.id;
}

/** What decides whether a person may be put into a pair or group. */
export interface MatchingConsent {
  id: number;
  name: string | null;
  depersonalised: boolean;
  consented: boolean;
}

/** Why a person cannot be put into a pair or group (without a consent in force), or null if they can. */
export function matchingRefusal(row: MatchingConsent): string | null {
  if (!row.depersonalised && row.consented) return null;
  const who = row.name ? `«${row.name}» (№ ${row.id})` : `№ ${row.id}`;
  return (
    `участника ${who} нельзя включить в пару или группу: ` +
    (row.depersonalised
      ? 'согласие на обработку персональных данных отозвано, участник обезличен'
      : 'нет действующего согласия на обработку персональных данных')
  );
}

/**
 * Refuses to put people into a pair or group unless each has a consent in force. Pairs and
 * groups call it inside their own transaction, after their scope checks.
 */
export async function assertCanBeMatched(
  em: EntityManager,
  participantIds: readonly number[],
): Promise<void> {
  if (participantIds.length === 0) return;
  const rows = await em.execute<(MatchingConsent & { found: boolean })[]>(
    `select ids.id, p.id is not null as found, p.depersonalised_at is not null as depersonalised,
            nullif(concat_ws(' ', pp.last_name, pp.first_name, pp.middle_name), '') as name,
            exists (select 1 from consent c where c.participant_id = ids.id and c.revoked_on is null) as consented
     from unnest(?::int[]) with ordinality as ids(id, position)
     left join participant p on p.id = ids.id
     left join participant_personal pp on pp.participant_id = ids.id
     order by ids.position`,
    [`{${participantIds.join(',')}}`],
  );
  for (const row of rows) {
    if (!row.found) throw badInput('participantIds', `участник № ${row.id} не найден`);
    const refusal = matchingRefusal(row);
    if (refusal) throw badInput('participantIds', refusal);
  }
}
