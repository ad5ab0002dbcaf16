import { formatDate, isIsoDay } from '$lib/format';
import type { Column } from '$lib/hierarchy';
import { compact, lengthError, orNull, pastDayError, type FieldErrors } from '$lib/mentoring/form-checks';
import { isOneOf } from '$lib/mentoring/labels';

/**
 * Partner organisations of a school and their agreements (организации-партнёры, соглашения о
 * сотрудничестве) as the pages, their forms and the XLSX export show them. The checks mirror the
 * API's (`partner.service.ts`) in its words; a duplicate name and the like stay with the API.
 */

export type PartnerKind = 'EMPLOYER' | 'EDUCATION' | 'NGO' | 'CULTURE' | 'OTHER';

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  EMPLOYER: 'работодатель, предприятие',
  EDUCATION: 'вуз или колледж',
  NGO: 'некоммерческая организация',
  CULTURE: 'учреждение культуры',
  OTHER: 'другая организация',
};

export const PARTNER_KINDS = Object.keys(PARTNER_KIND_LABELS) as PartnerKind[];

export type AgreementStatus = 'NOT_STARTED' | 'ACTIVE' | 'EXPIRED';

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  NOT_STARTED: 'ещё не вступило в силу',
  ACTIVE: 'действует',
  EXPIRED: 'срок действия истёк',
};

export const partnerKindLabel = (value: string) => PARTNER_KIND_LABELS[value as PartnerKind] ?? value;
export const agreementStatusLabel = (value: string) =>
  AGREEMENT_STATUS_LABELS[value as AgreementStatus] ?? value;

export interface PartnerAgreement {
  id: string;
  number: string;
  signedOn: string;
  validFrom: string;
  validTo: string | null;
  subject: string;
  status: AgreementStatus;
}

export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  inn: string | null;
  contactRole: string | null;
  mentorCount: number;
  providesMentors: boolean;
  agreements: PartnerAgreement[];
}

/** An employer representative mentor of the school, as the partner's page offers to link them. */
export interface EmployerMentor {
  id: string;
  name: string;
  /** The organisation typed in the mentor's profile. */
  partnerOrganization: string | null;
  partner: { id: string; name: string } | null;
}

export interface PartnerCounts {
  partners: number;
  providingMentors: number;
  withActiveAgreement: number;
}

/** «с 01.09.2025 по 31.08.2026», or «с 01.09.2025, бессрочно». */
export function agreementPeriod(agreement: Pick<PartnerAgreement, 'validFrom' | 'validTo'>): string {
  const from = `с ${formatDate(agreement.validFrom)}`;
  return agreement.validTo ? `${from} по ${formatDate(agreement.validTo)}` : `${from}, бессрочно`;
}

/** «№ 12/2025 от 25.08.2025». */
export function agreementTitle(agreement: Pick<PartnerAgreement, 'number' | 'signedOn'>): string {
  return `№ ${agreement.number} от ${formatDate(agreement.signedOn)}`;
}

// ── The table ────────────────────────────────────────────────────────────────────────────────

/** A table row: `code` is the partner's id, as the shared table keys rows by it. */
export interface PartnerRow {
  code: string;
  name: string;
  kind: PartnerKind;
  inn: string | null;
  contactRole: string | null;
  activeAgreements: number;
  agreements: number;
  /** The agreement in force that runs longest, as «№ … от …, с … по …». */
  currentAgreement: string | null;
  mentors: number;
  providesMentors: boolean;
}

export function partnerRow(partner: Partner): PartnerRow {
  const active = partner.agreements.filter((agreement) => agreement.status === 'ACTIVE');
  const current = [...active].sort((a, b) => (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'))[0];
  return {
    code: partner.id,
    name: partner.name,
    kind: partner.kind,
    inn: partner.inn,
    contactRole: partner.contactRole,
    activeAgreements: active.length,
    agreements: partner.agreements.length,
    currentAgreement: current ? `${agreementTitle(current)}, ${agreementPeriod(current)}` : null,
    mentors: partner.mentorCount,
    providesMentors: partner.providesMentors,
  };
}

export type PartnerColumn =
  | 'name'
  | 'kind'
  | 'inn'
  | 'contactRole'
  | 'currentAgreement'
  | 'activeAgreements'
  | 'mentors'
  | 'providesMentors';

export const PARTNER_COLUMNS: readonly Column<PartnerRow, PartnerColumn>[] = [
  { key: 'name', header: 'Организация-партнёр', value: (row) => row.name },
  { key: 'kind', header: 'Вид', value: (row) => partnerKindLabel(row.kind) },
  { key: 'inn', header: 'ИНН', value: (row) => row.inn, identifier: true },
  { key: 'contactRole', header: 'Контакт (должность, подразделение)', value: (row) => row.contactRole },
  { key: 'currentAgreement', header: 'Действующее соглашение', value: (row) => row.currentAgreement },
  {
    key: 'activeAgreements',
    header: 'Соглашений действует',
    value: (row) => row.activeAgreements,
    numeric: true,
  },
  { key: 'mentors', header: 'Наставников от партнёра', value: (row) => row.mentors, numeric: true },
  {
    key: 'providesMentors',
    header: 'Наставники работают в парах',
    value: (row) => (row.providesMentors ? 'да' : 'нет'),
  },
];

export function partnerMatches(row: PartnerRow, search: string): boolean {
  const text = search.trim().toLocaleLowerCase('ru');
  if (!text) return true;
  return [row.name, row.inn, row.contactRole, partnerKindLabel(row.kind)].some((value) =>
    value?.toLocaleLowerCase('ru').includes(text),
  );
}

// ── The partner form ─────────────────────────────────────────────────────────────────────────

export const PARTNER_FIELDS = ['name', 'kind', 'inn', 'contactRole'] as const;
export type PartnerField = (typeof PARTNER_FIELDS)[number];
export type PartnerValues = Record<PartnerField, string>;

const NAME_MAX = 500;
const CONTACT_ROLE_MAX = 300;
/** A telephone number has at least this many digits; a role («кабинет 12») has fewer (the API's rule). */
const PHONE_DIGITS = 5;

export function partnerValues(partner: Partner | null): PartnerValues {
  return {
    name: partner?.name ?? '',
    kind: partner?.kind ?? '',
    inn: partner?.inn ?? '',
    contactRole: partner?.contactRole ?? '',
  };
}

export function validatePartner(values: PartnerValues): FieldErrors<PartnerField> {
  const errors: FieldErrors<PartnerField> = {};
  if (!values.name.trim()) errors.name = 'укажите наименование организации-партнёра';
  else errors.name = lengthError(values.name, NAME_MAX);
  if (!isOneOf(PARTNER_KIND_LABELS, values.kind)) errors.kind = 'выберите вид организации-партнёра';
  const inn = values.inn.replace(/\s+/g, '');
  if (inn && !/^(\d{10}|\d{12})$/.test(inn))
    errors.inn = `ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя, передано «${values.inn.trim()}»`;
  const contactRole = values.contactRole.trim();
  if (contactRole.includes('@') || (contactRole.match(/\d/g)?.length ?? 0) >= PHONE_DIGITS)
    errors.contactRole =
      'укажите должность или подразделение без персональных данных: телефон и электронная почта здесь не хранятся';
  else errors.contactRole = lengthError(contactRole, CONTACT_ROLE_MAX);
  return compact(errors);
}

export function partnerInput(values: PartnerValues) {
  return {
    name: values.name.trim(),
    kind: values.kind as PartnerKind,
    inn: orNull(values.inn),
    contactRole: orNull(values.contactRole),
  };
}

// ── The agreement form ───────────────────────────────────────────────────────────────────────

export const AGREEMENT_FIELDS = ['number', 'signedOn', 'validFrom', 'validTo', 'subject'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];
export type AgreementValues = Record<AgreementField, string>;

const SUBJECT_MAX = 2000;

export function agreementValues(agreement: PartnerAgreement | null, today: string): AgreementValues {
  return {
    number: agreement?.number ?? '',
    signedOn: agreement?.signedOn ?? today,
    validFrom: agreement?.validFrom ?? today,
    validTo: agreement?.validTo ?? '',
    subject: agreement?.subject ?? '',
  };
}

const dayError = (value: string) => (isIsoDay(value) ? undefined : 'дата в формате ДД.ММ.ГГГГ');

export function validateAgreement(values: AgreementValues, today: string): FieldErrors<AgreementField> {
  const errors: FieldErrors<AgreementField> = {};
  if (!values.number.trim()) errors.number = 'укажите номер соглашения';
  errors.signedOn = values.signedOn ? pastDayError(values.signedOn, today) : 'укажите дату заключения';
  errors.validFrom = values.validFrom ? dayError(values.validFrom) : 'укажите начало срока действия';
  if (values.validTo) {
    errors.validTo = dayError(values.validTo);
    if (!errors.validTo && !errors.validFrom && values.validTo < values.validFrom)
      errors.validTo = `окончание срока действия раньше его начала (${formatDate(values.validFrom)})`;
  }
  if (!values.subject.trim()) errors.subject = 'укажите предмет соглашения';
  else errors.subject = lengthError(values.subject, SUBJECT_MAX);
  return compact(errors);
}

export function agreementInput(values: AgreementValues) {
  return {
    number: values.number.trim(),
    signedOn: values.signedOn,
    validFrom: values.validFrom,
    validTo: orNull(values.validTo),
    subject: values.subject.trim(),
  };
}
