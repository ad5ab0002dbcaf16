import { badInput, refused } from '../../graphql/errors.js';
import {
  MENTORING_FORM_LABELS,
  MENTORING_GROUP_STATUS_LABELS,
  MentoringForm,
  MentoringGroupStatus,
} from './mentoring-group.enums.js';
import { MENTORING_STAGE_LABELS, MentoringStage } from './mentoring-stage.js';
import { PARTICIPANT_CATEGORY_LABELS, ParticipantCategory } from './participant.enums.js';
import { checkDay } from './participant.validation.js';

/** A participant as the composition rules see them; `name` comes from the school's own records. */
export interface Candidate {
  id: number;
  category: ParticipantCategory;
  is_mentor: boolean;
  is_mentee: boolean;
  birth_year: number | null;
  birth_month: number | null;
  grade_or_course: string | null;
  max_load: number | null;
  name: string | null;
}

export function who(candidate: Candidate): string {
  return candidate.name ? `«${candidate.name}» (№ ${candidate.id})` : `№ ${candidate.id}`;
}

const { PUPIL, TEACHER, STUDENT, EMPLOYER_REPRESENTATIVE } = ParticipantCategory;

/** Who may mentor and be mentored in each form (seeds/004: the five forms; DESIGN adds «учитель – ученик»). */
export const FORM_RULES: Record<MentoringForm, { mentor: ParticipantCategory; mentee: ParticipantCategory }> =
  {
    [MentoringForm.PUPIL_PUPIL]: { mentor: PUPIL, mentee: PUPIL },
    [MentoringForm.TEACHER_TEACHER]: { mentor: TEACHER, mentee: TEACHER },
    [MentoringForm.STUDENT_PUPIL]: { mentor: STUDENT, mentee: PUPIL },
    [MentoringForm.EMPLOYER_PUPIL]: { mentor: EMPLOYER_REPRESENTATIVE, mentee: PUPIL },
    [MentoringForm.EMPLOYER_STUDENT]: { mentor: EMPLOYER_REPRESENTATIVE, mentee: STUDENT },
    [MentoringForm.TEACHER_PUPIL]: { mentor: TEACHER, mentee: PUPIL },
  };

function category(value: ParticipantCategory): string {
  return `«${PARTICIPANT_CATEGORY_LABELS[value].toLowerCase()}»`;
}

/** The class number of «7Б» or the course of «2 курс»; null when the text does not start with one. */
export function gradeNumber(gradeOrCourse: string | null): number | null {
  const match = /^\s*(\d{1,2})/.exec(gradeOrCourse ?? '');
  return match ? Number(match[1]) : null;
}

function birthMonths(candidate: Candidate): number | null {
  if (!candidate.birth_year || !candidate.birth_month) return null;
  return candidate.birth_year * 12 + candidate.birth_month - 1;
}

/** Whether the mentor is older than the mentee and whether they study in a higher grade. */
export function seniority(mentor: Candidate, mentee: Candidate): { older: boolean; higher: boolean } {
  const mentorBirth = birthMonths(mentor);
  const menteeBirth = birthMonths(mentee);
  const older = mentorBirth !== null && menteeBirth !== null && mentorBirth < menteeBirth;
  const mentorGrade = gradeNumber(mentor.grade_or_course);
  const menteeGrade = gradeNumber(mentee.grade_or_course);
  const higher = mentorGrade !== null && menteeGrade !== null && mentorGrade > menteeGrade;
  return { older, higher };
}

/** «ученик – ученик»: the mentor is older than the mentee or studies in a higher grade. */
function assertSeniority(mentor: Candidate, mentee: Candidate) {
  const { older, higher } = seniority(mentor, mentee);
  if (older || higher) return;
  const born = (c: Candidate) =>
    c.birth_year && c.birth_month
      ? `${String(c.birth_month).padStart(2, '0')}.${c.birth_year}`
      : 'не указано';
  throw badInput(
    'mentorIds',
    `в форме «ученик – ученик» наставник ${who(mentor)} должен быть старше наставляемого ${who(mentee)} ` +
      `или учиться в более старшем классе (рождение: ${born(mentor)} и ${born(mentee)}; ` +
      `класс: «${mentor.grade_or_course ?? '—'}» и «${mentee.grade_or_course ?? '—'}»)`,
  );
}

/**
 * The composition rules of a pair or group, on its full membership: someone on both sides, nobody
 * twice, mentors from the base of mentors and mentees from the base of mentees, the categories
 * of the form, and for «ученик – ученик» the mentor's seniority over every mentee.
 */
export function assertComposition(form: MentoringForm, mentors: Candidate[], mentees: Candidate[]): void {
  if (mentors.length === 0)
    throw badInput('mentorIds', 'в паре или группе должен быть хотя бы один наставник');
  if (mentees.length === 0)
    throw badInput('menteeIds', 'в паре или группе должен быть хотя бы один наставляемый');
  const menteeIds = new Set(mentees.map((m) => m.id));
  const both = mentors.find((m) => menteeIds.has(m.id));
  if (both)
    throw badInput(
      'menteeIds',
      `участник ${who(both)} не может быть в одной группе и наставником, и наставляемым`,
    );
  const rule = FORM_RULES[form];
  const label = MENTORING_FORM_LABELS[form];
  for (const mentor of mentors) {
    if (!mentor.is_mentor)
      throw badInput('mentorIds', `участник ${who(mentor)} не входит в базу наставников`);
    if (mentor.category !== rule.mentor)
      throw badInput(
        'mentorIds',
        `в форме «${label}» наставник — ${category(rule.mentor)}, а участник ${who(mentor)} — ${category(mentor.category)}`,
      );
  }
  for (const mentee of mentees) {
    if (!mentee.is_mentee)
      throw badInput('menteeIds', `участник ${who(mentee)} не входит в базу наставляемых`);
    if (mentee.category !== rule.mentee)
      throw badInput(
        'menteeIds',
        `в форме «${label}» наставляемый — ${category(rule.mentee)}, а участник ${who(mentee)} — ${category(mentee.category)}`,
      );
  }
  if (form === MentoringForm.PUPIL_PUPIL)
    for (const mentor of mentors) for (const mentee of mentees) assertSeniority(mentor, mentee);
}

/** A programme lists the forms it runs; a group of another form cannot belong to it. */
export function assertProgramForm(program: { title: string; forms: string[] }, form: MentoringForm): void {
  if (!program.forms.includes(form))
    throw badInput(
      'form',
      `программа «${program.title}» не предусматривает форму «${MENTORING_FORM_LABELS[form]}»`,
    );
}

/** After its members are written no mentor may lead more mentees than their declared load. */
export function assertMentorLoad(mentor: Candidate, load: number): void {
  if (mentor.max_load !== null && load > mentor.max_load)
    throw badInput(
      'mentorIds',
      `у наставника ${who(mentor)} было бы ${load} наставляемых в формирующихся и работающих парах и группах ` +
        `при допустимой нагрузке ${mentor.max_load}`,
    );
}

/** Membership changes and stage moves are possible only while the group is forming or working. */
export const OPEN_STATUSES = [MentoringGroupStatus.FORMING, MentoringGroupStatus.ACTIVE];
export const STAGES = Object.values(MentoringStage);

const statusLabel = (status: MentoringGroupStatus) => `«${MENTORING_GROUP_STATUS_LABELS[status]}»`;

export function assertOpen(status: MentoringGroupStatus, action: string): void {
  if (!OPEN_STATUSES.includes(status))
    throw refused(
      `Нельзя ${action}: группа сейчас ${statusLabel(status)}, ` +
        `это возможно только в состояниях ${OPEN_STATUSES.map(statusLabel).join(', ')}.`,
    );
}

/** Stages go forward one at a time; staying on the current one is allowed (and changes nothing). */
export function assertStageMove(current: MentoringStage, wanted: MentoringStage): void {
  const from = STAGES.indexOf(current);
  const to = STAGES.indexOf(wanted);
  if (to === from || to === from + 1) return;
  const next = STAGES[from + 1];
  throw refused(
    `Этап меняется только на следующий: сейчас «${MENTORING_STAGE_LABELS[current]}», ` +
      (next ? `можно перейти к «${MENTORING_STAGE_LABELS[next]}»` : 'это последний этап') +
      ` или остаться; запрошен «${MENTORING_STAGE_LABELS[wanted]}».`,
  );
}

export const STATUS_TRANSITIONS = {
  activate: {
    from: [MentoringGroupStatus.FORMING],
    to: MentoringGroupStatus.ACTIVE,
    verb: 'начать работу группы',
  },
  complete: {
    from: [MentoringGroupStatus.ACTIVE],
    to: MentoringGroupStatus.COMPLETED,
    verb: 'завершить группу',
  },
  terminate: { from: OPEN_STATUSES, to: MentoringGroupStatus.TERMINATED, verb: 'прекратить группу' },
} as const;

export type StatusTransition = keyof typeof STATUS_TRANSITIONS;

/** The status a transition leads to, if the group's status allows it. */
export function assertTransition(
  status: MentoringGroupStatus,
  transition: StatusTransition,
): MentoringGroupStatus {
  const step = STATUS_TRANSITIONS[transition];
  if (!(step.from as readonly MentoringGroupStatus[]).includes(status))
    throw refused(
      `Нельзя ${step.verb}: она сейчас ${statusLabel(status)}, а это возможно только из ` +
        `${step.from.map(statusLabel).join(' или ')}.`,
    );
  return step.to;
}

/**
 * The transitions that take a group from one status to another, each allowed by
 * {@link assertTransition}: a forming group is completed by starting and then completing it.
 */
export function statusTransitions(from: MentoringGroupStatus, to: MentoringGroupStatus): StatusTransition[] {
  if (from === to) return [];
  if (to === MentoringGroupStatus.FORMING)
    throw refused(`Нельзя вернуть группу в состояние ${statusLabel(to)}: она сейчас ${statusLabel(from)}.`);
  const path: StatusTransition[] =
    to === MentoringGroupStatus.ACTIVE
      ? ['activate']
      : to === MentoringGroupStatus.TERMINATED
        ? ['terminate']
        : from === MentoringGroupStatus.FORMING
          ? ['activate', 'complete']
          : ['complete'];
  let status = from;
  for (const transition of path) status = assertTransition(status, transition);
  return path;
}

/** A group starts working under an order (приказ о закреплении): its number and date are required. */
export function assertOrder(orderNumber: string | null, orderDate: string | null): void {
  if (!orderNumber || !orderDate)
    throw refused(
      'Пара или группа начинает работу по приказу о закреплении: укажите номер и дату приказа ' +
        `(сейчас: номер ${orderNumber ? `«${orderNumber}»` : 'не указан'}, дата ${orderDate ?? 'не указана'}).`,
    );
}

/** The day a group is completed or terminated: a real past day, not before it started working. */
export function checkEndDay(endedOn: string, startedOn: string | null, today: string): string {
  checkDay('endedOn', endedOn, today);
  if (startedOn && endedOn < startedOn)
    throw badInput('endedOn', `дата окончания раньше начала работы (${startedOn})`);
  return endedOn;
}

/** A group is terminated early only with a reason. */
export function terminationReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw badInput('reason', 'укажите причину досрочного прекращения');
  return text;
}
