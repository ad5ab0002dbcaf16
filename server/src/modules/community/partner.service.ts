import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { isoDay } from '../mentoring/mentoring-program.service.js';
import { ParticipantCategory } from '../mentoring/participant.enums.js';
import {
  assertNotDepersonalised,
  auditParticipant,
  lockParticipant,
} from '../mentoring/participant.service.js';
import { checkDay } from '../mentoring/participant.validation.js';
import { russianDate } from '../roadmap/due-wording.calendar.js';
import type { PartnerAgreementInput, PartnerInput } from './partner.inputs.js';
import { curatorSchool, limited, optionalText, pathRow, requiredText } from './school-writes.js';

const WHAT = 'Организации-партнёры и соглашения о сотрудничестве';
const NAME_MAX = 500;
const CONTACT_ROLE_MAX = 300;
const NUMBER_MAX = 100;
const SUBJECT_MAX = 2000;
const INN = /^(\d{10}|\d{12})$/;
/** A telephone number has at least this many digits; a role («кабинет 12») has fewer. */
const PHONE_DIGITS = 5;

interface PartnerRow {
  id: number;
  region_id: number;
  municipality_id: number;
  organization_id: number;
  name: string;
  kind: string;
  inn: string | null;
  contact_role: string | null;
}

function partnerValues(input: PartnerInput) {
  const name = requiredText('name', input.name, NAME_MAX, 'укажите наименование организации-партнёра');
  // People paste ИНН with spaces from letterheads; only the digits count.
  const inn = optionalText(input.inn)?.replace(/\s+/g, '') ?? null;
  if (inn !== null && !INN.test(inn))
    throw badInput(
      'inn',
      `ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя, передано «${input.inn!.trim()}»`,
    );
  const contactRole = optionalText(input.contactRole);
  if (contactRole !== null) {
    limited('contactRole', contactRole, CONTACT_ROLE_MAX);
    // The partner is an organisation: its contact is a role, never a person's phone or e-mail.
    if (contactRole.includes('@') || (contactRole.match(/\d/g)?.length ?? 0) >= PHONE_DIGITS)
      throw badInput(
        'contactRole',
        'укажите должность или подразделение без персональных данных: телефон и электронная почта здесь не хранятся',
      );
  }
  return { name, kind: input.kind, inn, contact_role: contactRole };
}

async function assertNameFree(em: EntityManager, organizationId: number, name: string, partnerId: number) {
  const [taken] = await em.execute(
    `select 1 from partner_organization where organization_id = ? and lower(btrim(name)) = lower(?) and id <> ?`,
    [organizationId, name, partnerId],
  );
  if (taken) throw badInput('name', `у организации уже есть партнёр «${name}»`);
}

/** A partner of the caller's own school, locked; any other answers like one that does not exist. */
async function lockPartner(em: EntityManager, scope: AccessScope, id: number): Promise<PartnerRow> {
  const school = curatorSchool(scope, WHAT);
  const [partner] = await em.execute<PartnerRow[]>(
    `select id, region_id, municipality_id, organization_id, name, kind, inn, contact_role
     from partner_organization where id = ? and organization_id = ? for update`,
    [id, school.organizationId],
  );
  if (!partner) throw notFound('Организация-партнёр не найдена.');
  return partner;
}

export async function createPartner(em: EntityManager, scope: AccessScope, input: PartnerInput) {
  const school = curatorSchool(scope, WHAT);
  const values = partnerValues(input);
  await assertNameFree(em, school.organizationId, values.name, 0);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into partner_organization (region_id, municipality_id, organization_id, name, kind, inn, contact_role)
     values (?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      school.regionId,
      school.municipalityId,
      school.organizationId,
      values.name,
      values.kind,
      values.inn,
      values.contact_role,
    ],
  );
  await auditParticipant(em, scope.caller, pathRow(school), [
    {
      operation: 'partner.write',
      action: 'CREATE',
      entity: 'partner_organization',
      entityCode: String(created!.id),
      after: values,
    },
  ]);
  return created!.id;
}

export async function updatePartner(em: EntityManager, scope: AccessScope, id: number, input: PartnerInput) {
  const partner = await lockPartner(em, scope, id);
  const values = partnerValues(input);
  await assertNameFree(em, partner.organization_id, values.name, id);
  await em.execute(
    `update partner_organization set name = ?, kind = ?, inn = ?, contact_role = ?, updated_at = now() where id = ?`,
    [values.name, values.kind, values.inn, values.contact_role, id],
  );
  await auditParticipant(em, scope.caller, partner, [
    {
      operation: 'partner.write',
      action: 'UPDATE',
      entity: 'partner_organization',
      entityCode: String(id),
      before: {
        name: partner.name,
        kind: partner.kind,
        inn: partner.inn,
        contact_role: partner.contact_role,
      },
      after: values,
    },
  ]);
}

/** Removes a partner with its agreements; a partner that still provides mentors stays. */
export async function deletePartner(em: EntityManager, scope: AccessScope, id: number) {
  const partner = await lockPartner(em, scope, id);
  const [linked] = await em.execute<{ mentors: number }[]>(
    `select count(*)::int as mentors from participant where partner_id = ?`,
    [id],
  );
  if (linked!.mentors > 0)
    throw refused(
      `К партнёру «${partner.name}» привязаны наставники (${linked!.mentors}): сначала отвяжите их, ` +
        'иначе показатель «доля организаций-партнёров, предоставляющих наставников» изменится незаметно.',
    );
  const agreements = await em.execute<{ id: number }[]>(
    `delete from partner_agreement where partner_id = ? returning id`,
    [id],
  );
  await em.execute(`delete from partner_organization where id = ?`, [id]);
  await auditParticipant(em, scope.caller, partner, [
    {
      operation: 'partner.write',
      action: 'DELETE',
      entity: 'partner_organization',
      entityCode: String(id),
      before: {
        name: partner.name,
        kind: partner.kind,
        inn: partner.inn,
        agreementIds: agreements.map((agreement) => agreement.id),
      },
    },
  ]);
  await refreshOrganizationSummaries(em, [partner.organization_id]);
}

function agreementValues(input: PartnerAgreementInput, today: string) {
  const number = requiredText('number', input.number, NUMBER_MAX, 'укажите номер соглашения');
  const signedOn = checkDay('signedOn', input.signedOn, today);
  const validFrom = isoDay('validFrom', input.validFrom);
  const validTo = input.validTo ? isoDay('validTo', input.validTo) : null;
  if (validTo !== null && validTo < validFrom)
    throw badInput('validTo', `окончание срока действия раньше его начала (${russianDate(validFrom)})`);
  const subject = requiredText('subject', input.subject, SUBJECT_MAX, 'укажите предмет соглашения');
  return { number, signed_on: signedOn, valid_from: validFrom, valid_to: validTo, subject };
}

export async function addPartnerAgreement(
  em: EntityManager,
  scope: AccessScope,
  partnerId: number,
  input: PartnerAgreementInput,
  today: string,
) {
  const partner = await lockPartner(em, scope, partnerId);
  const values = agreementValues(input, today);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into partner_agreement (region_id, municipality_id, organization_id, partner_id,
                                    number, signed_on, valid_from, valid_to, subject)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      partner.region_id,
      partner.municipality_id,
      partner.organization_id,
      partnerId,
      values.number,
      values.signed_on,
      values.valid_from,
      values.valid_to,
      values.subject,
    ],
  );
  await auditParticipant(em, scope.caller, partner, [
    {
      operation: 'partner.write',
      action: 'CREATE',
      entity: 'partner_agreement',
      entityCode: String(created!.id),
      after: { partnerId, ...values },
    },
  ]);
  await refreshOrganizationSummaries(em, [partner.organization_id]);
  return created!.id;
}

type AgreementRow = PartnerRow & {
  partner_id: number;
  number: string;
  signed_on: string;
  valid_from: string;
  valid_to: string | null;
  subject: string;
};

async function lockAgreement(em: EntityManager, scope: AccessScope, id: number): Promise<AgreementRow> {
  const school = curatorSchool(scope, WHAT);
  const [agreement] = await em.execute<AgreementRow[]>(
    `select id, region_id, municipality_id, organization_id, partner_id, number, signed_on::text as signed_on,
            valid_from::text as valid_from, valid_to::text as valid_to, subject
     from partner_agreement where id = ? and organization_id = ? for update`,
    [id, school.organizationId],
  );
  if (!agreement) throw notFound('Соглашение о сотрудничестве не найдено.');
  return agreement;
}

function agreementSnapshot(agreement: AgreementRow) {
  const { number, signed_on, valid_from, valid_to, subject } = agreement;
  return { number, signed_on, valid_from, valid_to, subject };
}

export async function updatePartnerAgreement(
  em: EntityManager,
  scope: AccessScope,
  id: number,
  input: PartnerAgreementInput,
  today: string,
) {
  const agreement = await lockAgreement(em, scope, id);
  const values = agreementValues(input, today);
  await em.execute(
    `update partner_agreement set number = ?, signed_on = ?, valid_from = ?, valid_to = ?, subject = ? where id = ?`,
    [values.number, values.signed_on, values.valid_from, values.valid_to, values.subject, id],
  );
  await auditParticipant(em, scope.caller, agreement, [
    {
      operation: 'partner.write',
      action: 'UPDATE',
      entity: 'partner_agreement',
      entityCode: String(id),
      before: agreementSnapshot(agreement),
      after: values,
    },
  ]);
  await refreshOrganizationSummaries(em, [agreement.organization_id]);
  return agreement.partner_id;
}

export async function deletePartnerAgreement(em: EntityManager, scope: AccessScope, id: number) {
  const agreement = await lockAgreement(em, scope, id);
  await em.execute(`delete from partner_agreement where id = ?`, [id]);
  await auditParticipant(em, scope.caller, agreement, [
    {
      operation: 'partner.write',
      action: 'DELETE',
      entity: 'partner_agreement',
      entityCode: String(id),
      before: { partnerId: agreement.partner_id, ...agreementSnapshot(agreement) },
    },
  ]);
  await refreshOrganizationSummaries(em, [agreement.organization_id]);
}

/**
 * Links an employer representative mentor to a partner of the same school, or unlinks them
 * (partnerId null). The free-text partner organisation of the mentor profile stays as entered.
 */
export async function linkMentorToPartner(
  em: EntityManager,
  scope: AccessScope,
  participantId: number,
  partnerId: number | null,
) {
  const participant = await lockParticipant(em, scope, participantId);
  assertNotDepersonalised(participant);
  const [row] = await em.execute<
    { category: ParticipantCategory; is_mentor: boolean; partner_id: number | null }[]
  >(`select category, is_mentor, partner_id from participant where id = ?`, [participantId]);
  if (partnerId !== null) {
    if (row!.category !== ParticipantCategory.EMPLOYER_REPRESENTATIVE || !row!.is_mentor)
      throw badInput(
        'participantId',
        'к организации-партнёру привязывается только наставник категории «Представитель работодателя»',
      );
    const [partner] = await em.execute(
      `select 1 from partner_organization where id = ? and organization_id = ?`,
      [partnerId, participant.organization_id],
    );
    if (!partner) throw badInput('partnerId', 'организация-партнёр не найдена среди партнёров вашей ОО');
  }
  await em.execute(`update participant set partner_id = ?, updated_at = now() where id = ?`, [
    partnerId,
    participantId,
  ]);
  await auditParticipant(em, scope.caller, participant, [
    {
      operation: 'partner.write',
      action: 'UPDATE',
      entity: 'participant',
      entityCode: String(participantId),
      before: { partnerId: row!.partner_id },
      after: { partnerId },
    },
  ]);
  await refreshOrganizationSummaries(em, [participant.organization_id]);
}
