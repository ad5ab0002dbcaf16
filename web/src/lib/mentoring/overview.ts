import {
  MEETING_KINDS,
  MENTORING_FORMS,
  PARTICIPANT_CATEGORIES,
  type GroupStatus,
  type MeetingKind,
  type MentoringForm,
  type ParticipantCategory,
} from './labels';

/**
 * The school's overview (обзор наставничества) from one API answer: the base by category, pairs
 * and groups by form and state, consent coverage and this month's meetings. Shares are a count
 * over a count, never an average of shares.
 */

/** The API's `ParticipantCounts` of the school. */
export interface ParticipantCounts {
  total: number;
  mentors: number;
  mentees: number;
  withValidConsent: number;
  depersonalised: number;
  byCategory: { category: ParticipantCategory; total: number; mentors: number; mentees: number }[];
}

/** A pair or group as the overview needs it: no names. */
export interface OverviewGroup {
  form: MentoringForm;
  status: GroupStatus;
  members: { role: 'MENTOR' | 'MENTEE'; participant: { id: string } }[];
  meetings: { kind: MeetingKind; heldOn: string }[];
}

export interface FormRow {
  form: MentoringForm;
  forming: number;
  active: number;
  finished: number;
  /** Distinct people in this form's forming and working pairs and groups. */
  mentors: number;
  mentees: number;
}

export interface MentoringOverview {
  participants: ParticipantCounts;
  /** People whose data is still held (not depersonalised): the base consent coverage is measured on. */
  consentBase: number;
  /** withValidConsent / consentBase; null when the base is empty. */
  consentShare: number | null;
  categories: ParticipantCounts['byCategory'];
  groups: { forming: number; active: number; completed: number; terminated: number; total: number };
  forms: FormRow[];
  /** Distinct people in forming and working pairs and groups of any form. */
  engaged: { mentors: number; mentees: number };
  month: { label: string; meetings: number; byKind: { kind: MeetingKind; meetings: number }[] };
}

const OPEN: readonly GroupStatus[] = ['FORMING', 'ACTIVE'];

const monthFormat = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** «ноябрь 2026 г.» for ГГГГ-ММ. */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

export function mentoringOverview(
  counts: ParticipantCounts,
  groups: readonly OverviewGroup[] | null,
  /** ГГГГ-ММ: the month whose meetings are counted. */
  month: string,
): MentoringOverview {
  const consentBase = counts.total - counts.depersonalised;
  const all = groups ?? [];
  const status = (wanted: GroupStatus) => all.filter((group) => group.status === wanted).length;
  const people = (rows: readonly OverviewGroup[], role: 'MENTOR' | 'MENTEE') =>
    new Set(
      rows
        .filter((group) => OPEN.includes(group.status))
        .flatMap((group) => group.members.filter((member) => member.role === role))
        .map((member) => member.participant.id),
    ).size;

  const forms = MENTORING_FORMS.map((form): FormRow => {
    const ofForm = all.filter((group) => group.form === form);
    return {
      form,
      forming: ofForm.filter((group) => group.status === 'FORMING').length,
      active: ofForm.filter((group) => group.status === 'ACTIVE').length,
      finished: ofForm.filter((group) => !OPEN.includes(group.status)).length,
      mentors: people(ofForm, 'MENTOR'),
      mentees: people(ofForm, 'MENTEE'),
    };
  }).filter((row) => row.forming + row.active + row.finished > 0);

  const thisMonth = all
    .flatMap((group) => group.meetings)
    .filter((meeting) => meeting.heldOn.startsWith(month));
  const categoryOrder = (category: ParticipantCategory) => PARTICIPANT_CATEGORIES.indexOf(category);

  return {
    participants: counts,
    consentBase,
    consentShare: consentBase > 0 ? counts.withValidConsent / consentBase : null,
    categories: counts.byCategory
      .filter((row) => row.total > 0)
      .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category)),
    groups: {
      forming: status('FORMING'),
      active: status('ACTIVE'),
      completed: status('COMPLETED'),
      terminated: status('TERMINATED'),
      total: all.length,
    },
    forms,
    engaged: { mentors: people(all, 'MENTOR'), mentees: people(all, 'MENTEE') },
    month: {
      label: monthLabel(month),
      meetings: thisMonth.length,
      byKind: MEETING_KINDS.map((kind) => ({
        kind,
        meetings: thisMonth.filter((meeting) => meeting.kind === kind).length,
      })).filter((row) => row.meetings > 0),
    },
  };
}
