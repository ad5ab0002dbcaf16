import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope, Caller } from '../access/access-scope.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { ConsentSigner } from '../mentoring/participant.enums.js';
import {
  assertNotDepersonalised,
  auditParticipant,
  lockParticipant,
  type ParticipantHead,
} from '../mentoring/participant.service.js';
import { ADULT_AGE, ageOn, checkDay } from '../mentoring/participant.validation.js';
import { russianDate } from '../roadmap/due-wording.calendar.js';
import type { PublicationConsentInput } from './mentor-registry.type.js';
import { curatorSchool } from './school-writes.js';

/**
 * Records what a mentor agreed to publish in the municipal registry. Publishing is processing
 * of personal data, so it needs a mentor who is not depersonalised and has a consent in force;
 * one publication consent in force at a time (a new list of fields replaces it after revocation).
 */
export async function recordPublicationConsent(
  em: EntityManager,
  scope: AccessScope,
  participantId: number,
  input: PublicationConsentInput,
  today: string,
): Promise<number> {
  const participant = await lockParticipant(em, scope, participantId);
  assertNotDepersonalised(participant);
  const [state] = await em.execute<
    { is_mentor: boolean; birth_date: string; consented: boolean; open: boolean }[]
  >(
    `select p.is_mentor, pp.birth_date::text as birth_date,
            exists (select 1 from consent c where c.participant_id = p.id and c.revoked_on is null) as consented,
            exists (select 1 from mentor_publication_consent m
                    where m.participant_id = p.id and m.revoked_on is null) as open
     from participant p join participant_personal pp on pp.participant_id = p.id where p.id = ?`,
    [participantId],
  );
  if (!state!.is_mentor) throw badInput('participantId', 'в реестр наставников включается только наставник');
  if (!state!.consented)
    throw refused(
      'Сначала запишите согласие на обработку персональных данных: без него сведения о наставнике не публикуются.',
    );
  if (state!.open)
    throw refused(
      'У наставника уже есть действующее согласие на публикацию: новое записывается после отзыва прежнего.',
    );
  const fields = [...new Set(input.fields)];
  if (fields.length === 0)
    throw badInput('fields', 'отметьте хотя бы одно сведение, которое разрешено опубликовать');
  const signedOn = checkDay('signedOn', input.signedOn, today);
  if (signedOn < state!.birth_date) throw badInput('signedOn', 'дата подписания раньше даты рождения');
  const age = ageOn(state!.birth_date, signedOn);
  if (age < ADULT_AGE && input.signedBy !== ConsentSigner.LEGAL_REPRESENTATIVE)
    throw badInput(
      'signedBy',
      `наставнику на ${russianDate(signedOn)} было ${age} лет: до ${ADULT_AGE} лет согласие на публикацию ` +
        'подписывает законный представитель',
    );
  const [created] = await em.execute<{ id: number }[]>(
    `insert into mentor_publication_consent (region_id, municipality_id, organization_id, participant_id,
                                             fields, signed_by, signed_on)
     values (?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?) returning id`,
    [
      participant.region_id,
      participant.municipality_id,
      participant.organization_id,
      participantId,
      JSON.stringify(fields),
      input.signedBy,
      signedOn,
    ],
  );
  await auditParticipant(em, scope.caller, participant, [
    {
      operation: 'registry.publish',
      action: 'CREATE',
      entity: 'mentor_publication_consent',
      entityCode: String(created!.id),
      after: { participantId, fields, signedBy: input.signedBy, signedOn },
    },
  ]);
  return created!.id;
}

/** Takes a mentor out of the registry from the day given; the published fields are no longer read. */
export async function revokePublicationConsent(
  em: EntityManager,
  scope: AccessScope,
  id: number,
  revokedOn: string,
  today: string,
): Promise<number> {
  const school = curatorSchool(scope, 'Согласия на публикацию в реестре наставников');
  const [consent] = await em.execute<
    { participant_id: number; signed_on: string; revoked_on: string | null }[]
  >(
    `select participant_id, signed_on::text as signed_on, revoked_on::text as revoked_on
     from mentor_publication_consent where id = ? and organization_id = ?`,
    [id, school.organizationId],
  );
  if (!consent) throw notFound('Согласие на публикацию не найдено.');
  const participant = await lockParticipant(em, scope, consent.participant_id);
  if (consent.revoked_on)
    throw refused(`Согласие на публикацию уже отозвано ${russianDate(consent.revoked_on)}.`);
  checkDay('revokedOn', revokedOn, today);
  if (revokedOn < consent.signed_on)
    throw badInput('revokedOn', `дата отзыва раньше подписания (${russianDate(consent.signed_on)})`);
  await em.execute(`update mentor_publication_consent set revoked_on = ? where id = ?`, [revokedOn, id]);
  await auditParticipant(em, scope.caller, participant, [
    {
      operation: 'registry.publish',
      action: 'UPDATE',
      entity: 'mentor_publication_consent',
      entityCode: String(id),
      before: { revokedOn: null },
      after: { revokedOn },
    },
  ]);
  return consent.participant_id;
}

/**
 * Part of depersonalisation (consent.service.ts revokeConsent, same transaction): whoever revokes
 * consent to processing is revoked from the registry too, as of the same day (or the day the
 * publication was agreed, if that came later), and the audit trail says why.
 */
export async function revokePublicationOnDepersonalisation(
  em: EntityManager,
  caller: Caller,
  participant: ParticipantHead,
  revokedOn: string,
): Promise<void> {
  const revoked = await em.execute<{ id: number; revoked_on: string }[]>(
    `update mentor_publication_consent set revoked_on = greatest(?::date, signed_on)
     where participant_id = ? and revoked_on is null returning id, revoked_on::text as revoked_on`,
    [revokedOn, participant.id],
  );
  const entries: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>[] = revoked.map(
    (row) => ({
      operation: 'participant.write',
      action: 'UPDATE',
      entity: 'mentor_publication_consent',
      entityCode: String(row.id),
      before: { revokedOn: null },
      after: { revokedOn: row.revoked_on, reason: 'depersonalised' },
    }),
  );
  await auditParticipant(em, caller, participant, entries);
}
