import { formatDate } from '$lib/format';
import type { Column } from '$lib/hierarchy';
import {
  categoryLabel,
  consentStatusLabel,
  isOneOf,
  PARTICIPANT_CATEGORY_LABELS,
  participantRolesLabel,
  SITUATION_FLAG_LABELS,
  SITUATION_FLAGS,
  type ConsentStatus,
  type ParticipantCategory,
} from './labels';

/** A participant's identity: only the school's curator gets it, and only until consent is revoked. */
export interface ParticipantPersonal {
  externalKey: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  contact: string | null;
}

/** A participant as the base shows them (the API's `Participant` with the fields the pages ask for). */
export interface ParticipantSummary {
  id: string;
  category: ParticipantCategory;
  isMentor: boolean;
  isMentee: boolean;
  gradeOrCourse: string | null;
  teachingExperienceYears: number | null;
  consentStatus: ConsentStatus;
  ovz: boolean;
  gifted: boolean;
  difficultSituation: boolean;
  lowIncome: boolean;
  orphan: boolean;
  personal: ParticipantPersonal | null;
}

/** «Иванова Мария Петровна»; a depersonalised person is named by their number in the base only. */
export function personName(participant: { id: string; personal: ParticipantPersonal | null }): string {
  const personal = participant.personal;
  if (!personal) return `Участник № ${participant.id} (обезличен)`;
  return [personal.lastName, personal.firstName, personal.middleName].filter(Boolean).join(' ');
}

/** «Иванова М. П.» for tight places: member lists, suggestions. */
export function shortName(participant: { id: string; personal: ParticipantPersonal | null }): string {
  const personal = participant.personal;
  if (!personal) return `№ ${participant.id} (обезличен)`;
  const initials = [personal.firstName, personal.middleName]
    .filter((name): name is string => Boolean(name))
    .map((name) => `${name.charAt(0)}.`)
    .join('\u00a0');
  return `${personal.lastName} ${initials}`;
}

/** The special-situation flags set for a person, in words. */
export function situationLabels(participant: Pick<ParticipantSummary, (typeof SITUATION_FLAGS)[number]>) {
  return SITUATION_FLAGS.filter((flag) => participant[flag]).map((flag) => SITUATION_FLAG_LABELS[flag]);
}

// ── The list of the base (база наставников и наставляемых) ─────────────────────────────────────

/** A table row: `code` is the participant's id, as the shared table component keys rows by it. */
export interface ParticipantRow {
  code: string;
  externalKey: string | null;
  name: string;
  category: ParticipantCategory;
  roles: string;
  gradeOrCourse: string | null;
  birthDate: string | null;
  consentStatus: ConsentStatus;
  situations: string;
}

export function participantRow(participant: ParticipantSummary): ParticipantRow {
  return {
    code: participant.id,
    externalKey: participant.personal?.externalKey ?? null,
    name: personName(participant),
    category: participant.category,
    roles: participantRolesLabel(participant),
    gradeOrCourse: participant.gradeOrCourse,
    birthDate: participant.personal?.birthDate ?? null,
    consentStatus: participant.consentStatus,
    situations: situationLabels(participant).join(', '),
  };
}

export type ParticipantColumn =
  'externalKey' | 'name' | 'category' | 'roles' | 'grade' | 'birthDate' | 'consent' | 'situations';

export const PARTICIPANT_COLUMNS: readonly Column<ParticipantRow, ParticipantColumn>[] = [
  { key: 'externalKey', header: '№ в учёте ОО', value: (row) => row.externalKey, identifier: true },
  { key: 'name', header: 'ФИО', value: (row) => row.name },
  { key: 'category', header: 'Категория', value: (row) => categoryLabel(row.category) },
  { key: 'roles', header: 'В базе', value: (row) => row.roles },
  { key: 'grade', header: 'Класс / курс', value: (row) => row.gradeOrCourse },
  {
    key: 'birthDate',
    header: 'Дата рождения',
    value: (row) => row.birthDate,
    text: (row) => formatDate(row.birthDate),
  },
  {
    key: 'consent',
    header: 'Согласие на обработку ПДн',
    value: (row) => consentStatusLabel(row.consentStatus),
  },
  { key: 'situations', header: 'Особая ситуация', value: (row) => row.situations || null },
];

/** What the list is narrowed to, from the URL: `?category=PUPIL&role=MENTEE&consent=none`. */
export interface ParticipantFilters {
  category: ParticipantCategory | null;
  role: 'MENTOR' | 'MENTEE' | null;
  consent: 'valid' | 'none' | null;
}

export const PARTICIPANT_FILTER_PARAMS = ['category', 'role', 'consent'] as const;

export function parseParticipantFilters(params: URLSearchParams): ParticipantFilters {
  const category = params.get('category');
  const role = params.get('role');
  const consent = params.get('consent');
  return {
    category: isOneOf(PARTICIPANT_CATEGORY_LABELS, category) ? category : null,
    role: role === 'MENTOR' || role === 'MENTEE' ? role : null,
    consent: consent === 'valid' || consent === 'none' ? consent : null,
  };
}

export function hasParticipantFilters(filters: ParticipantFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** The API's `ParticipantFilter` for the URL's filters (they are applied in its SQL, not here). */
export function participantFilterInput(filters: ParticipantFilters) {
  return {
    category: filters.category,
    role: filters.role,
    hasValidConsent: filters.consent === null ? null : filters.consent === 'valid',
  };
}

/** The search box: by name or number in the school's records, case and ё ignored. */
export function matchesSearch(row: ParticipantRow, search: string): boolean {
  const needle = normalize(search);
  if (!needle) return true;
  return normalize(`${row.name} ${row.externalKey ?? ''}`).includes(needle);
}

function normalize(text: string): string {
  return text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}
