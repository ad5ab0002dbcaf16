import { formatDate } from '$lib/format';
import { isMentoringStage, MENTORING_STAGE_LABELS, MENTORING_STAGES, type MentoringStage } from '$lib/labels';
import { compact, lengthError, orNull, pastDayError, wholeNumber, type FieldErrors } from './form-checks';
import {
  FORM_RULES,
  formLabel,
  isOneOf,
  MEETING_FORMAT_LABELS,
  MEETING_KIND_LABELS,
  MENTORING_FORM_LABELS,
  categoryLabel,
  groupStatusLabel,
  meetingKindLabel,
  type GroupStatus,
  type MeetingKind,
  type MentoringForm,
  type ParticipantCategory,
} from './labels';

/**
 * The forms of programmes, pairs and groups: a programme, a new pair or group, the order that
 * starts it (приказ о закреплении), its stage, completion or termination, a meeting, feedback and
 * monitoring. Checks mirror the API's rules and wording (`mentoring-group.rules.ts`,
 * `mentoring-meeting.service.ts` …); those that need the whole base (seniority in «ученик – ученик»,
 * a mentor's load, consents) stay with the API, whose refusal the form shows.
 */

/** Multi-valued fields (mentors, mentees, forms) travel in a form's values as comma-joined ids. */
export function idsOf(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

export const joinIds = (ids: readonly string[]) => ids.join(',');

// ── Programme (программа наставничества) ─────────────────────────────────────────────────────

export const PROGRAM_FIELDS = ['title', 'forms', 'periodFrom', 'periodTo', 'goals', 'personalised'] as const;
export type ProgramField = (typeof PROGRAM_FIELDS)[number];
export type ProgramValues = Record<ProgramField, string>;

export function emptyProgram(year: number): ProgramValues {
  return {
    title: '',
    forms: '',
    periodFrom: `${year}-09-01`,
    periodTo: `${year + 1}-05-31`,
    goals: '',
    personalised: '',
  };
}

function dayFormatError(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !pastDayError(value, '9999-12-31')
    ? undefined
    : 'дата в формате ДД.ММ.ГГГГ';
}

export function validateProgram(values: ProgramValues): FieldErrors<ProgramField> {
  const errors: FieldErrors<ProgramField> = {};
  if (!values.title.trim()) errors.title = 'укажите наименование программы';
  const forms = idsOf(values.forms);
  if (forms.length === 0) errors.forms = 'укажите хотя бы одну форму наставничества';
  else if (!forms.every((form) => isOneOf(MENTORING_FORM_LABELS, form))) errors.forms = 'неизвестная форма';
  errors.periodFrom = values.periodFrom ? dayFormatError(values.periodFrom) : 'укажите начало срока';
  errors.periodTo = values.periodTo ? dayFormatError(values.periodTo) : 'укажите окончание срока';
  if (!errors.periodFrom && !errors.periodTo && values.periodTo < values.periodFrom)
    errors.periodTo = `окончание раньше начала (${formatDate(values.periodFrom)})`;
  errors.goals = lengthError(values.goals);
  return compact(errors);
}

export function programInput(values: ProgramValues) {
  return {
    title: values.title.trim(),
    forms: idsOf(values.forms),
    periodFrom: values.periodFrom,
    periodTo: values.periodTo,
    goals: orNull(values.goals),
    personalised: values.personalised === '1',
  };
}

// ── A new pair or group ──────────────────────────────────────────────────────────────────────

export const GROUP_FIELDS = [
  'form',
  'programId',
  'title',
  'mentorIds',
  'menteeIds',
  'orderNumber',
  'orderDate',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];
export type GroupValues = Record<GroupField, string>;

/** Someone the group form may pick, as the base lists them. */
export interface GroupCandidate {
  id: string;
  name: string;
  category: ParticipantCategory;
}

export interface ProgramChoice {
  id: string;
  title: string;
  forms: MentoringForm[];
}

/**
 * The checks of `createMentoringGroup` that the form can make. With the candidates and programmes
 * on screen it also checks categories and the programme's forms; without them (the dashboard's
 * server, which does not read the base again) those are left to the API.
 */
export function validateGroup(
  values: GroupValues,
  candidates: readonly GroupCandidate[] | null,
  programs: readonly ProgramChoice[] | null,
  today: string,
): FieldErrors<GroupField> {
  const errors: FieldErrors<GroupField> = {};
  const form = values.form;
  if (!isOneOf(MENTORING_FORM_LABELS, form)) {
    errors.form = 'выберите форму наставничества';
    return errors;
  }
  const program = programs?.find((candidate) => candidate.id === values.programId);
  if (programs && values.programId && !program) errors.programId = 'выберите программу из списка';
  if (program && !program.forms.includes(form))
    errors.form = `программа «${program.title}» не предусматривает форму «${formLabel(form)}»`;

  const rule = FORM_RULES[form];
  const byId = new Map((candidates ?? []).map((candidate) => [candidate.id, candidate]));
  const mentors = idsOf(values.mentorIds);
  const mentees = idsOf(values.menteeIds);
  if (mentors.length === 0) errors.mentorIds = 'в паре или группе должен быть хотя бы один наставник';
  if (mentees.length === 0) errors.menteeIds = 'в паре или группе должен быть хотя бы один наставляемый';
  const both = mentors.find((id) => mentees.includes(id));
  if (both)
    errors.menteeIds = `участник «${byId.get(both)?.name ?? both}» не может быть в одной группе и наставником, и наставляемым`;
  const wrongMentor = mentors
    .map((id) => byId.get(id))
    .find((mentor) => mentor && mentor.category !== rule.mentor);
  if (wrongMentor)
    errors.mentorIds = `в форме «${formLabel(form)}» наставник — «${categoryLabel(rule.mentor)}», а участник «${wrongMentor.name}» — «${categoryLabel(wrongMentor.category)}»`;
  const wrongMentee = mentees
    .map((id) => byId.get(id))
    .find((mentee) => mentee && mentee.category !== rule.mentee);
  if (wrongMentee && !errors.menteeIds)
    errors.menteeIds = `в форме «${formLabel(form)}» наставляемый — «${categoryLabel(rule.mentee)}», а участник «${wrongMentee.name}» — «${categoryLabel(wrongMentee.category)}»`;

  if (values.orderDate) errors.orderDate = pastDayError(values.orderDate, today);
  errors.title = lengthError(values.title, 200);
  return compact(errors);
}

export function groupInput(values: GroupValues) {
  return {
    form: values.form,
    programId: orNull(values.programId),
    title: orNull(values.title),
    mentorIds: idsOf(values.mentorIds),
    menteeIds: idsOf(values.menteeIds),
    orderNumber: orNull(values.orderNumber),
    orderDate: orNull(values.orderDate),
  };
}

// ── Starting work under an order (приказ о закреплении) ──────────────────────────────────────

export const ACTIVATION_FIELDS = ['orderNumber', 'orderDate', 'startedOn'] as const;
export type ActivationField = (typeof ACTIVATION_FIELDS)[number];
export type ActivationValues = Record<ActivationField, string>;

export function validateActivation(values: ActivationValues, today: string): FieldErrors<ActivationField> {
  const errors: FieldErrors<ActivationField> = {};
  if (!values.orderNumber.trim()) errors.orderNumber = 'укажите номер приказа о закреплении';
  errors.orderDate = values.orderDate ? pastDayError(values.orderDate, today) : 'укажите дату приказа';
  if (values.startedOn) errors.startedOn = dayFormatError(values.startedOn);
  return compact(errors);
}

export function activationInput(values: ActivationValues) {
  return {
    orderNumber: values.orderNumber.trim(),
    orderDate: values.orderDate,
    startedOn: orNull(values.startedOn),
  };
}

// ── Stage, completion, termination ───────────────────────────────────────────────────────────

/** The stage a group may move to: the next one (stages are not skipped nor returned to). */
export function nextStage(stage: string): MentoringStage | null {
  if (!isMentoringStage(stage)) return null;
  return MENTORING_STAGES[MENTORING_STAGES.indexOf(stage) + 1] ?? null;
}

export function stageNumber(stage: string): number {
  return isMentoringStage(stage) ? MENTORING_STAGES.indexOf(stage) + 1 : 0;
}

/** «5. Формирование наставнических пар или групп». */
export function stageTitle(stage: string): string {
  return isMentoringStage(stage) ? `${stageNumber(stage)}. ${MENTORING_STAGE_LABELS[stage]}` : stage;
}

/** Which changes of state the group's card offers (the API allows the same ones). */
export function groupActions(status: GroupStatus) {
  return {
    activate: status === 'FORMING',
    complete: status === 'ACTIVE',
    terminate: status === 'FORMING' || status === 'ACTIVE',
    changeStage: status === 'FORMING' || status === 'ACTIVE',
    recordMeeting: status === 'FORMING' || status === 'ACTIVE',
  };
}

export const END_FIELDS = ['endedOn', 'reason'] as const;
export type EndField = (typeof END_FIELDS)[number];
export type EndValues = Record<EndField, string>;

/** Completion (no reason) or early termination (a reason is required). */
export function validateEnd(
  values: EndValues,
  startedOn: string | null,
  today: string,
  terminate: boolean,
): FieldErrors<EndField> {
  const errors: FieldErrors<EndField> = {};
  errors.endedOn = values.endedOn ? pastDayError(values.endedOn, today) : 'укажите дату';
  if (!errors.endedOn && startedOn && values.endedOn < startedOn)
    errors.endedOn = `дата окончания раньше начала работы (${formatDate(startedOn)})`;
  if (terminate && !values.reason.trim()) errors.reason = 'укажите причину досрочного прекращения';
  errors.reason = errors.reason ?? lengthError(values.reason);
  return compact(errors);
}

// ── Meetings (встречи) ────────────────────────────────────────────────────────────────────────

export const MEETING_FIELDS = ['kind', 'heldOn', 'format', 'notes'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];
export type MeetingValues = Record<MeetingField, string>;

export interface HeldMeeting {
  kind: MeetingKind;
  heldOn: string;
}

/** The kind a curator most likely records next: the introduction first, then the trial, planning, regular. */
export function suggestedMeetingKind(held: readonly HeldMeeting[]): MeetingKind {
  const kinds = new Set(held.map((meeting) => meeting.kind));
  if (!kinds.has('INTRODUCTORY') && held.length === 0) return 'INTRODUCTORY';
  if (!kinds.has('TRIAL')) return 'TRIAL';
  if (!kinds.has('PLANNING')) return 'PLANNING';
  return 'REGULAR';
}

/**
 * The checks of `recordMeeting`: a working group meets (a forming one only for the introduction);
 * the introduction is once and first, the final meeting once and last; no dates ahead.
 */
export function validateMeeting(
  values: MeetingValues,
  group: { status: GroupStatus; meetings: readonly HeldMeeting[] },
  today: string,
): FieldErrors<MeetingField> {
  const errors: FieldErrors<MeetingField> = {};
  const kind = values.kind;
  if (!isOneOf(MEETING_KIND_LABELS, kind)) errors.kind = 'выберите вид встречи';
  if (!isOneOf(MEETING_FORMAT_LABELS, values.format)) errors.format = 'выберите формат встречи';
  errors.heldOn = values.heldOn ? pastDayError(values.heldOn, today) : 'укажите дату встречи';
  errors.notes = lengthError(values.notes);
  if (errors.kind) return compact(errors);

  const label = `«${meetingKindLabel(kind)}»`;
  const allowed = group.status === 'ACTIVE' || (group.status === 'FORMING' && kind === 'INTRODUCTORY');
  if (!allowed) {
    errors.kind =
      `нельзя записать ${label}: группа сейчас «${groupStatusLabel(group.status)}»; ` +
      'встречи проводит работающая группа, а формирующаяся — только встречу-знакомство';
    return compact(errors);
  }
  const held = [...group.meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const introduction = held.find((meeting) => meeting.kind === 'INTRODUCTORY');
  const final = held.find((meeting) => meeting.kind === 'FINAL');
  const heldOn = errors.heldOn ? null : values.heldOn;
  if (kind === 'INTRODUCTORY') {
    if (introduction)
      errors.kind = `встреча-знакомство уже проведена ${formatDate(introduction.heldOn)}; она бывает один раз`;
    else if (held[0])
      errors.kind = `встреча-знакомство проводится первой, а у группы уже есть «${meetingKindLabel(held[0].kind)}» ${formatDate(held[0].heldOn)}`;
  } else if (final) {
    errors.kind =
      kind === 'FINAL'
        ? `заключительная встреча уже проведена ${formatDate(final.heldOn)}; она бывает один раз`
        : `после заключительной встречи (${formatDate(final.heldOn)}) других встреч не бывает`;
  } else if (heldOn && introduction && heldOn < introduction.heldOn) {
    errors.heldOn = `не раньше встречи-знакомства (${formatDate(introduction.heldOn)})`;
  } else if (heldOn && kind === 'FINAL') {
    const later = held.find((meeting) => meeting.heldOn > heldOn);
    if (later)
      errors.heldOn = `заключительная встреча должна быть последней, а «${meetingKindLabel(later.kind)}» проведена позже — ${formatDate(later.heldOn)}`;
  }
  return compact(errors);
}

export function meetingInput(values: MeetingValues) {
  return { kind: values.kind, heldOn: values.heldOn, format: values.format, notes: orNull(values.notes) };
}

// ── Feedback and monitoring (обратная связь, мониторинг) ─────────────────────────────────────

export const FEEDBACK_FIELDS = ['participantId', 'score', 'text'] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];
export type FeedbackValues = Record<FeedbackField, string>;

export function validateFeedback(
  values: FeedbackValues,
  memberIds: readonly string[],
): FieldErrors<FeedbackField> {
  const errors: FieldErrors<FeedbackField> = {};
  if (!memberIds.includes(values.participantId)) errors.participantId = 'выберите участника пары или группы';
  const score = wholeNumber(values.score);
  if (score === null || !Number.isInteger(score) || score < 1 || score > 5)
    errors.score = values.score ? `оценка от 1 до 5, передано ${values.score}` : 'поставьте оценку от 1 до 5';
  errors.text = lengthError(values.text);
  return compact(errors);
}

export function feedbackInput(values: FeedbackValues) {
  return { score: Number(values.score), text: orNull(values.text) };
}

/** A monitoring scale (шкала мониторинга): motivation, competences, results… */
export interface MonitoringScale {
  code: string;
  name: string;
  minValue: number;
  maxValue: number;
}

/** Assessment form fields: the participant, phase, date and one `scale:<code>` per scale. */
export type AssessmentValues = Record<string, string>;

export const scaleField = (code: string) => `scale:${code}`;

export function assessmentFields(scales: readonly MonitoringScale[]): string[] {
  return ['participantId', 'phase', 'assessedOn', ...scales.map((scale) => scaleField(scale.code))];
}

export function validateAssessment(
  values: AssessmentValues,
  scales: readonly MonitoringScale[],
  memberIds: readonly string[],
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!memberIds.includes(values.participantId ?? ''))
    errors.participantId = 'выберите участника пары или группы';
  if (values.phase !== 'START' && values.phase !== 'END')
    errors.phase = 'выберите, в начале или в конце работы';
  errors.assessedOn = values.assessedOn ? pastDayError(values.assessedOn, today) : 'укажите дату оценки';
  for (const scale of scales) {
    const field = scaleField(scale.code);
    const value = wholeNumber(values[field] ?? '');
    if (value === null) errors[field] = `укажите значение от ${scale.minValue} до ${scale.maxValue}`;
    else if (!Number.isInteger(value) || value < scale.minValue || value > scale.maxValue)
      errors[field] = `от ${scale.minValue} до ${scale.maxValue}, передано ${values[field]}`;
  }
  return compact(errors);
}

export function assessmentInput(values: AssessmentValues, scales: readonly MonitoringScale[]) {
  return {
    phase: values.phase,
    assessedOn: values.assessedOn,
    scores: scales.map((scale) => ({ scale: scale.code, value: Number(values[scaleField(scale.code)]) })),
  };
}
