import { formatDate } from '$lib/format';
import type { Column } from '$lib/hierarchy';
import { ageOn, compact, pastDayError, type FieldErrors } from '$lib/mentoring/form-checks';
import { categoryLabel, isOneOf, type ConsentSigner, type ParticipantCategory } from '$lib/mentoring/labels';

/**
 * The municipal mentor registry (муниципальный реестр наставников): only mentors who agreed to be
 * published, only the fields they agreed to. The API sends nothing else, so a cell it leaves
 * empty reads «не публикуется» rather than looking like missing data.
 */

export type PublicationField = 'FULL_NAME' | 'COMPETENCIES' | 'POSITION_AND_ORGANIZATION' | 'CONTACT';

export const PUBLICATION_FIELD_LABELS: Record<PublicationField, string> = {
  FULL_NAME: 'ФИО',
  COMPETENCIES: 'компетенции',
  POSITION_AND_ORGANIZATION: 'категория и организация',
  CONTACT: 'контакт',
};

export const PUBLICATION_FIELDS = Object.keys(PUBLICATION_FIELD_LABELS) as PublicationField[];

export const NOT_PUBLISHED = 'не публикуется';

export interface RegistryEntry {
  id: string;
  fullName: string | null;
  competencies: string[] | null;
  category: ParticipantCategory | null;
  organizationName: string | null;
  partnerOrganizationName: string | null;
  contact: string | null;
  publishedFields: PublicationField[];
  publishedSince: string;
}

/** A table row: `code` is the registry entry's id, as the shared table keys rows by it. */
export interface RegistryRow {
  code: string;
  /** ФИО, or that it is not published. */
  name: string;
  competencies: string;
  category: string;
  organization: string;
  partner: string;
  contact: string;
  publishedSince: string;
}

function published(entry: RegistryEntry, field: PublicationField, value: string | null): string {
  if (!entry.publishedFields.includes(field)) return NOT_PUBLISHED;
  return value || '—';
}

export function registryRow(entry: RegistryEntry): RegistryRow {
  return {
    code: entry.id,
    name: published(entry, 'FULL_NAME', entry.fullName),
    competencies: published(entry, 'COMPETENCIES', entry.competencies?.join(', ') ?? null),
    category: published(entry, 'POSITION_AND_ORGANIZATION', entry.category && categoryLabel(entry.category)),
    organization: published(entry, 'POSITION_AND_ORGANIZATION', entry.organizationName),
    partner: published(entry, 'POSITION_AND_ORGANIZATION', entry.partnerOrganizationName),
    contact: published(entry, 'CONTACT', entry.contact),
    publishedSince: entry.publishedSince,
  };
}

export type RegistryColumn =
  'name' | 'competencies' | 'category' | 'organization' | 'partner' | 'contact' | 'publishedSince';

export const REGISTRY_COLUMNS: readonly Column<RegistryRow, RegistryColumn>[] = [
  { key: 'name', header: 'Наставник (ФИО)', value: (row) => row.name },
  { key: 'competencies', header: 'Компетенции', value: (row) => row.competencies },
  { key: 'category', header: 'Категория', value: (row) => row.category },
  { key: 'organization', header: 'ОО', value: (row) => row.organization },
  { key: 'partner', header: 'Организация-партнёр', value: (row) => row.partner },
  { key: 'contact', header: 'Контакт', value: (row) => row.contact },
  {
    key: 'publishedSince',
    header: 'В реестре с',
    value: (row) => row.publishedSince,
    text: (row) => formatDate(row.publishedSince),
  },
];

// ── The publication consent form (curator of the mentor's school) ────────────────────────────

export const PUBLICATION_CONSENT_FIELDS = ['fields', 'signedBy', 'signedOn'] as const;
export type PublicationConsentField = (typeof PUBLICATION_CONSENT_FIELDS)[number];
export type PublicationConsentValues = Record<PublicationConsentField, string>;

const ADULT_AGE = 18;

export function emptyPublicationConsent(today: string): PublicationConsentValues {
  return { fields: '', signedBy: 'SELF', signedOn: today };
}

export const fieldsOf = (value: string) =>
  value.split(',').filter((field): field is PublicationField => isOneOf(PUBLICATION_FIELD_LABELS, field));

/** The API's checks of `recordPublicationConsent`; with the birth date, also the signer's age. */
export function validatePublicationConsent(
  values: PublicationConsentValues,
  today: string,
  birthDate: string | null,
): FieldErrors<PublicationConsentField> {
  const errors: FieldErrors<PublicationConsentField> = {};
  if (fieldsOf(values.fields).length === 0)
    errors.fields = 'отметьте хотя бы одно сведение, которое разрешено опубликовать';
  if (values.signedBy !== 'SELF' && values.signedBy !== 'LEGAL_REPRESENTATIVE')
    errors.signedBy = 'укажите, кто подписал';
  errors.signedOn = values.signedOn ? pastDayError(values.signedOn, today) : 'укажите дату подписания';
  if (!errors.signedOn && birthDate && values.signedBy === 'SELF') {
    const age = ageOn(birthDate, values.signedOn);
    if (age < ADULT_AGE)
      errors.signedBy =
        `наставнику на ${formatDate(values.signedOn)} было ${age} лет: до ${ADULT_AGE} лет согласие на публикацию ` +
        'подписывает законный представитель';
  }
  return compact(errors);
}

export function publicationConsentInput(values: PublicationConsentValues) {
  return {
    fields: fieldsOf(values.fields),
    signedBy: values.signedBy as ConsentSigner,
    signedOn: values.signedOn,
  };
}

/** A mentor of the curator's school, with the publication consent in force if there is one. */
export interface OwnMentor {
  id: string;
  name: string;
  birthDate: string | null;
  consentValid: boolean;
  publication: { id: string; fields: PublicationField[]; signedOn: string } | null;
}
