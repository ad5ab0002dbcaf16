import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope, Caller } from '../access/access-scope.js';
import { ScopeLevel } from '../access/roles.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import type { ParticipantInput } from './participant.inputs.js';
import { participantValues, type ParticipantValues } from './participant.validation.js';

/** The organisation a participant belongs to, with its path (DESIGN.md: denormalised ids). */
export interface OrganizationPath {
  regionId: number;
  municipalityId: number;
  organizationId: number;
}

/** A participant row as the write rules need it. */
export interface ParticipantHead {
  id: number;
  region_id: number;
  municipality_id: number;
  organization_id: number;
  depersonalised_at: Date | null;
}

/** Names of the personal columns: audit records list which were set or erased, never their values. */
export const PERSONAL_FIELDS = [
  'external_key',
  'last_name',
  'first_name',
  'middle_name',
  'birth_date',
  'contact',
] as const;

/** Only the curator of an organisation keeps its participants, and only there. */
export function curatorOrganization(scope: AccessScope): OrganizationPath {
  const node = scope.node;
  if (node?.level !== ScopeLevel.ORGANIZATION)
    throw refused('Базу наставников и наставляемых ведёт куратор своей образовательной организации.');
  return {
    regionId: node.regionId!,
    municipalityId: node.municipalityId!,
    organizationId: node.organizationId!,
  };
}

export function auditParticipant(
  em: EntityManager,
  caller: Caller,
  path: { region_id: number; municipality_id: number; organization_id: number },
  entries: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>[],
) {
  return recordAudit(
    em.getTransactionContext() ?? em.getKnex(),
    caller,
    entries.map((entry) => ({
      ...entry,
      regionId: path.region_id,
      municipalityId: path.municipality_id,
      organizationId: path.organization_id,
    })),
  );
}

/** A participant of the caller's own organisation, locked for the transaction; otherwise "not found". */
export async function lockParticipant(
  em: EntityManager,
  scope: AccessScope,
  id: number,
): Promise<ParticipantHead> {
  const organization = curatorOrganization(scope);
  const [participant] = await em.execute<ParticipantHead[]>(
    `select id, region_id, municipality_id, organization_id, depersonalised_at
     from participant where id = ? and organization_id = ? for update`,
    [id, organization.organizationId],
  );
  if (!participant) throw notFound('Участник не найден.');
  return participant;
}

export function assertNotDepersonalised(participant: ParticipantHead): void {
  if (participant.depersonalised_at)
    throw refused('Участник обезличен после отзыва согласия: его сведения больше не изменяются.');
}

async function assertExternalKeyFree(
  em: EntityManager,
  organizationId: number,
  externalKey: string | null,
  participantId: number,
) {
  if (!externalKey) return;
  const [taken] = await em.execute(
    `select 1 from participant_personal where organization_id = ? and external_key = ? and participant_id <> ?`,
    [organizationId, externalKey, participantId],
  );
  if (taken) throw badInput('externalKey', `в организации уже есть участник с номером «${externalKey}»`);
}

const ROW_COLUMNS = [
  'category',
  'is_mentor',
  'is_mentee',
  'birth_year',
  'birth_month',
  'grade_or_course',
  'teaching_experience_years',
  'ovz',
  'gifted',
  'difficult_situation',
  'low_income',
  'orphan',
  'competencies',
  'training_completed_at',
  'max_load',
  'partner_organization',
  'request_topics',
  'request_source',
] as const;

const ARRAY_COLUMNS = new Set(['competencies', 'request_topics']);

/** Placeholders in ROW_COLUMNS order; text arrays travel as JSON (knex would spread a JS array). */
const ROW_PLACEHOLDERS = ROW_COLUMNS.map((column) =>
  ARRAY_COLUMNS.has(column) ? `array(select jsonb_array_elements_text(?::jsonb))` : '?',
);

function rowParams(values: ParticipantValues): unknown[] {
  return ROW_COLUMNS.map((column) =>
    ARRAY_COLUMNS.has(column) ? JSON.stringify(values.row[column]) : values.row[column],
  );
}

async function savePersonal(
  em: EntityManager,
  participantId: number,
  organizationId: number,
  values: ParticipantValues,
) {
  const personal = values.personal;
  await em.execute(
    `insert into participant_personal (participant_id, organization_id, ${PERSONAL_FIELDS.join(', ')})
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (participant_id) do update set ${PERSONAL_FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')}`,
    [participantId, organizationId, ...PERSONAL_FIELDS.map((field) => personal[field])],
  );
}

/** Which personal fields a change fills: the audit trail names them without their values. */
function filledPersonalFields(values: ParticipantValues): string[] {
  return PERSONAL_FIELDS.filter((field) => values.personal[field] !== null);
}

/** Adds a participant to an organisation; the caller is audited as its author. */
export async function createParticipant(
  em: EntityManager,
  caller: Caller,
  path: OrganizationPath,
  input: ParticipantInput,
  today: string,
): Promise<number> {
  const values = participantValues(input, today);
  await assertExternalKeyFree(em, path.organizationId, values.personal.external_key, 0);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into participant (region_id, municipality_id, organization_id, ${ROW_COLUMNS.join(', ')})
     values (?, ?, ?, ${ROW_PLACEHOLDERS.join(', ')}) returning id`,
    [path.regionId, path.municipalityId, path.organizationId, ...rowParams(values)],
  );
  const id = created!.id;
  await savePersonal(em, id, path.organizationId, values);
  await auditParticipant(
    em,
    caller,
    { region_id: path.regionId, municipality_id: path.municipalityId, organization_id: path.organizationId },
    [
      {
        operation: 'participant.write',
        action: 'CREATE',
        entity: 'participant',
        entityCode: String(id),
        after: { ...values.row, personalFields: filledPersonalFields(values) },
      },
    ],
  );
  await refreshOrganizationSummaries(em, [path.organizationId]);
  return id;
}

/** Replaces a participant's data (all fields are given again). */
export async function updateParticipant(
  em: EntityManager,
  scope: AccessScope,
  id: number,
  input: ParticipantInput,
  today: string,
): Promise<void> {
  const participant = await lockParticipant(em, scope, id);
  assertNotDepersonalised(participant);
  const values = participantValues(input, today);
  await assertExternalKeyFree(em, participant.organization_id, values.personal.external_key, id);
  const [before] = await em.execute<Record<string, unknown>[]>(
    `select ${ROW_COLUMNS.map((c) => `p.${c}`).join(', ')}, ${PERSONAL_FIELDS.map((f) => `pp.${f}::text as ${f}`).join(', ')}
     from participant p left join participant_personal pp on pp.participant_id = p.id where p.id = ?`,
    [id],
  );
  await em.execute(
    `update participant set ${ROW_COLUMNS.map((column, i) => `${column} = ${ROW_PLACEHOLDERS[i]}`).join(', ')},
       updated_at = now() where id = ?`,
    [...rowParams(values), id],
  );
  await savePersonal(em, id, participant.organization_id, values);
  const changedPersonal = PERSONAL_FIELDS.filter(
    (field) => String(before![field] ?? '') !== String(values.personal[field] ?? ''),
  );
  await auditParticipant(em, scope.caller, participant, [
    {
      operation: 'participant.write',
      action: 'UPDATE',
      entity: 'participant',
      entityCode: String(id),
      before: Object.fromEntries(ROW_COLUMNS.map((column) => [column, before![column]])),
      after: { ...values.row, changedPersonalFields: changedPersonal },
    },
  ]);
  await refreshOrganizationSummaries(em, [participant.organization_id]);
}
