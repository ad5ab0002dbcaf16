import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportProblem } from '../../imports/import-problem.js';
import { readSpreadsheet } from '../../imports/spreadsheet-reader.js';
import type { Caller } from '../access/access-scope.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { pathRow } from '../community/school-writes.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import {
  participantHeaderScore,
  parseParticipantSheets,
  problemOfError,
} from './participant-import.parser.js';
import type { ParticipantImportReport } from './participant-import.types.js';
import type { ParticipantInput } from './participant.inputs.js';
import { auditParticipant, PERSONAL_FIELDS, type OrganizationPath } from './participant.service.js';
import { consentValues, participantValues, type ParticipantValues } from './participant.validation.js';

/** Participant columns as jsonb_to_recordset reads them; the rules' values fill every one. */
const ROW_TYPES = {
  category: 'text',
  is_mentor: 'boolean',
  is_mentee: 'boolean',
  birth_year: 'int',
  birth_month: 'int',
  grade_or_course: 'text',
  teaching_experience_years: 'int',
  ovz: 'boolean',
  gifted: 'boolean',
  difficult_situation: 'boolean',
  low_income: 'boolean',
  orphan: 'boolean',
  competencies: 'text[]',
  training_completed_at: 'date',
  max_load: 'int',
  partner_organization: 'text',
  request_topics: 'text[]',
  request_source: 'text',
} as const satisfies Record<keyof ParticipantValues['row'], string>;
const ROW_COLUMNS = Object.keys(ROW_TYPES) as (keyof typeof ROW_TYPES)[];
const ROW_RECORD = ROW_COLUMNS.map((column) => `${column} ${ROW_TYPES[column]}`).join(', ');
const PERSONAL_RECORD =
  'participant_id int, external_key text, last_name text, first_name text, middle_name text, birth_date date, contact text';

/** A participant of the organisation the file names by its number, as stored. */
interface Existing extends Record<string, unknown> {
  id: number;
  external_key: string;
  consent_signed_by: string | null;
  consent_signed_on: string | null;
  consent_representative_name: string | null;
}

interface Planned {
  id: number | null;
  before: Existing | null;
  values: ParticipantValues;
  changedPersonal: string[];
  consent: ReturnType<typeof consentValues> | null;
}

function report(dryRun: boolean, problems: ImportProblem[], rows = 0): ParticipantImportReport {
  return {
    dryRun,
    applied: false,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    consentsRecorded: 0,
    problems,
  };
}

export function unreadableParticipantReport(
  dryRun: boolean,
  problems: ImportProblem[],
): ParticipantImportReport {
  return report(dryRun, problems);
}

/** The mentor profile and mentee request the file does not carry stay as they are. */
function withStoredProfile(input: ParticipantInput, stored: Existing | null): ParticipantInput {
  if (!stored) return input;
  return {
    ...input,
    ovz: stored.ovz as boolean,
    gifted: stored.gifted as boolean,
    difficultSituation: stored.difficult_situation as boolean,
    lowIncome: stored.low_income as boolean,
    orphan: stored.orphan as boolean,
    competencies: stored.competencies as string[],
    trainingCompletedAt: stored.training_completed_at as string | null,
    maxLoad: stored.max_load as number | null,
    partnerOrganization: stored.partner_organization as string | null,
    requestTopics: stored.request_topics as string[],
    requestSource: stored.request_source as ParticipantInput['requestSource'],
  };
}

/**
 * Imports the school's list of participants into its organisation: all rows are checked by the
 * rules of createParticipant and recordConsent, and written only when none has a problem, in a
 * constant number of statements. Participants are matched by their number (external key).
 */
export async function importParticipants(
  em: EntityManager,
  caller: Caller,
  path: OrganizationPath,
  content: Buffer,
  options: { dryRun: boolean; today: string },
): Promise<ParticipantImportReport> {
  const sheets = await readSpreadsheet(content, participantHeaderScore);
  if (typeof sheets === 'string') return report(options.dryRun, [{ row: 0, message: sheets }]);
  const parsed = parseParticipantSheets(sheets);
  const problems = parsed.problems;
  const { titles } = parsed;

  const firstRowOfKey = new Map<string, number>();
  const rows = parsed.rows.filter((row) => {
    const key = row.participant.externalKey!;
    const first = firstRowOfKey.get(key);
    if (first === undefined) {
      firstRowOfKey.set(key, row.row);
      return true;
    }
    problems.push({
      sheet: row.sheet,
      row: row.row,
      column: titles.externalKey,
      message: `Номер «${key}» уже встречается в строке ${first}: у каждого участника свой номер`,
    });
    return false;
  });
  const rowCount = parsed.rows.length;

  return em.transactional(async (tx) => {
    const keys = rows.map((row) => row.participant.externalKey!);
    const stored = keys.length
      ? await tx.execute<Existing[]>(
          `select p.id, ${ROW_COLUMNS.map((c) => (ROW_TYPES[c] === 'date' ? `p.${c}::text as ${c}` : `p.${c}`)).join(', ')},
                  ${PERSONAL_FIELDS.map((f) => `pp.${f}::text as ${f}`).join(', ')},
                  c.signed_by as consent_signed_by, c.signed_on::text as consent_signed_on,
                  c.representative_name as consent_representative_name
           from participant_personal pp
           join participant p on p.id = pp.participant_id
           left join consent c on c.participant_id = p.id and c.revoked_on is null
           where pp.organization_id = ? and pp.external_key in (select jsonb_array_elements_text(?::jsonb))
           for update of p`,
          [path.organizationId, JSON.stringify(keys)],
        )
      : [];
    const byKey = new Map(stored.map((row) => [row.external_key, row]));

    const plans: Planned[] = [];
    for (const row of rows) {
      const before = byKey.get(row.participant.externalKey!) ?? null;
      let values: ParticipantValues;
      let consent: Planned['consent'] = null;
      try {
        values = participantValues(withStoredProfile(row.participant, before), options.today);
        if (row.consent) consent = consentValues(row.consent, values.personal.birth_date, options.today);
      } catch (error) {
        problems.push(problemOfError(error, row, titles));
        continue;
      }
      if (consent && before?.consent_signed_on) {
        const same =
          before.consent_signed_on === consent.signed_on &&
          before.consent_signed_by === consent.signed_by &&
          (before.consent_representative_name ?? null) === consent.representative_name;
        if (!same) {
          problems.push({
            sheet: row.sheet,
            row: row.row,
            column: titles.signedOn,
            message: `У участника уже есть действующее согласие от ${before.consent_signed_on}: новое записывается после отзыва прежнего`,
          });
          continue;
        }
        consent = null;
      }
      const changedPersonal = before
        ? PERSONAL_FIELDS.filter((f) => String(before[f] ?? '') !== String(values.personal[f] ?? ''))
        : PERSONAL_FIELDS.filter((f) => values.personal[f] !== null);
      plans.push({ id: before?.id ?? null, before, values, changedPersonal, consent });
    }

    const rowChanged = (plan: Planned) =>
      ROW_COLUMNS.some((c) => JSON.stringify(plan.before![c] ?? null) !== JSON.stringify(plan.values.row[c]));
    const created = plans.filter((plan) => !plan.before);
    const updated = plans.filter(
      (plan) => plan.before && (rowChanged(plan) || plan.changedPersonal.length > 0 || plan.consent),
    );
    const result: ParticipantImportReport = {
      dryRun: options.dryRun,
      applied: false,
      rows: rowCount,
      created: created.length,
      updated: updated.length,
      unchanged: plans.length - created.length - updated.length,
      consentsRecorded: plans.filter((plan) => plan.consent).length,
      problems,
    };
    problems.sort((a, b) => a.row - b.row);
    if (problems.length > 0) return { ...result, created: 0, updated: 0, unchanged: 0, consentsRecorded: 0 };
    if (options.dryRun) return result;

    if (created.length > 0) {
      const ids = await tx.execute<{ id: number }[]>(
        `select nextval(pg_get_serial_sequence('participant', 'id'))::int as id from generate_series(1, ?)`,
        [created.length],
      );
      created.forEach((plan, index) => (plan.id = ids[index]!.id));
      await tx.execute(
        `insert into participant (id, region_id, municipality_id, organization_id, ${ROW_COLUMNS.join(', ')})
         select r.id, ?, ?, ?, ${ROW_COLUMNS.map((c) => `r.${c}`).join(', ')}
         from jsonb_to_recordset(?::jsonb) as r(id int, ${ROW_RECORD})`,
        [
          path.regionId,
          path.municipalityId,
          path.organizationId,
          JSON.stringify(created.map((plan) => ({ id: plan.id, ...plan.values.row }))),
        ],
      );
    }
    const rowUpdates = updated.filter(rowChanged);
    if (rowUpdates.length > 0) {
      await tx.execute(
        `update participant p set ${ROW_COLUMNS.map((c) => `${c} = r.${c}`).join(', ')}, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as r(id int, ${ROW_RECORD}) where p.id = r.id`,
        [JSON.stringify(rowUpdates.map((plan) => ({ id: plan.id, ...plan.values.row })))],
      );
    }
    const personal = [...created, ...updated.filter((plan) => plan.changedPersonal.length > 0)];
    if (personal.length > 0) {
      await tx.execute(
        `insert into participant_personal (participant_id, organization_id, ${PERSONAL_FIELDS.join(', ')})
         select r.participant_id, ?, ${PERSONAL_FIELDS.map((f) => `r.${f}`).join(', ')}
         from jsonb_to_recordset(?::jsonb) as r(${PERSONAL_RECORD})
         on conflict (participant_id) do update set ${PERSONAL_FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')}`,
        [
          path.organizationId,
          JSON.stringify(personal.map((plan) => ({ participant_id: plan.id, ...plan.values.personal }))),
        ],
      );
    }
    const consents = plans.filter((plan) => plan.consent);
    if (consents.length > 0) {
      await tx.execute(
        `insert into consent (participant_id, signed_by, representative_name, signed_on, document_reference)
         select r.participant_id, r.signed_by, r.representative_name, r.signed_on, r.document_reference
         from jsonb_to_recordset(?::jsonb)
           as r(participant_id int, signed_by text, representative_name text, signed_on date, document_reference text)`,
        [JSON.stringify(consents.map((plan) => ({ participant_id: plan.id, ...plan.consent })))],
      );
    }
    const consentAudit = (plan: Planned) =>
      plan.consent ? { consent: { signedBy: plan.consent.signed_by, signedOn: plan.consent.signed_on } } : {};
    const entries: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>[] = [
      ...created.map((plan) => ({
        operation: 'participant.write',
        action: 'CREATE' as const,
        entity: 'participant',
        entityCode: String(plan.id),
        after: { ...plan.values.row, personalFields: plan.changedPersonal, ...consentAudit(plan) },
      })),
      ...updated.map((plan) => ({
        operation: 'participant.write',
        action: 'UPDATE' as const,
        entity: 'participant',
        entityCode: String(plan.id),
        before: Object.fromEntries(ROW_COLUMNS.map((c) => [c, plan.before![c] ?? null])),
        after: { ...plan.values.row, changedPersonalFields: plan.changedPersonal, ...consentAudit(plan) },
      })),
    ];
    await auditParticipant(tx, caller, pathRow(path), entries);
    await refreshOrganizationSummaries(tx, [path.organizationId]);
    return { ...result, applied: true };
  });
}
