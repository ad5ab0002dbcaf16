/**
 * Russian words for the mentoring enums of the API, as the source documents write them (база
 * наставников и наставляемых, формы «ученик – ученик» …, встреча-знакомство …). A value the
 * dashboard does not know yet shows as its code rather than breaking the page.
 */

export type ParticipantCategory =
  'PUPIL' | 'TEACHER' | 'STUDENT' | 'GRADUATE' | 'EMPLOYER_REPRESENTATIVE' | 'OTHER';

export const PARTICIPANT_CATEGORY_LABELS: Record<ParticipantCategory, string> = {
  PUPIL: 'обучающийся',
  TEACHER: 'педагог',
  STUDENT: 'студент СПО или вуза',
  GRADUATE: 'выпускник',
  EMPLOYER_REPRESENTATIVE: 'представитель работодателя',
  OTHER: 'другое',
};

export const PARTICIPANT_CATEGORIES = Object.keys(PARTICIPANT_CATEGORY_LABELS) as ParticipantCategory[];

export type MentoringForm =
  | 'PUPIL_PUPIL'
  | 'TEACHER_TEACHER'
  | 'STUDENT_PUPIL'
  | 'EMPLOYER_PUPIL'
  | 'EMPLOYER_STUDENT'
  | 'TEACHER_PUPIL';

export const MENTORING_FORM_LABELS: Record<MentoringForm, string> = {
  PUPIL_PUPIL: 'ученик – ученик',
  TEACHER_TEACHER: 'учитель – учитель',
  STUDENT_PUPIL: 'студент – ученик',
  EMPLOYER_PUPIL: 'работодатель – ученик',
  EMPLOYER_STUDENT: 'работодатель – студент',
  TEACHER_PUPIL: 'учитель – ученик',
};

export const MENTORING_FORMS = Object.keys(MENTORING_FORM_LABELS) as MentoringForm[];

/** Who may mentor and be mentored in each form — the API's rule, shown before it is asked. */
export const FORM_RULES: Record<MentoringForm, { mentor: ParticipantCategory; mentee: ParticipantCategory }> =
  {
    PUPIL_PUPIL: { mentor: 'PUPIL', mentee: 'PUPIL' },
    TEACHER_TEACHER: { mentor: 'TEACHER', mentee: 'TEACHER' },
    STUDENT_PUPIL: { mentor: 'STUDENT', mentee: 'PUPIL' },
    EMPLOYER_PUPIL: { mentor: 'EMPLOYER_REPRESENTATIVE', mentee: 'PUPIL' },
    EMPLOYER_STUDENT: { mentor: 'EMPLOYER_REPRESENTATIVE', mentee: 'STUDENT' },
    TEACHER_PUPIL: { mentor: 'TEACHER', mentee: 'PUPIL' },
  };

export type GroupStatus = 'FORMING' | 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  FORMING: 'формируется',
  ACTIVE: 'работает',
  COMPLETED: 'завершена',
  TERMINATED: 'прекращена досрочно',
};

export const GROUP_STATUSES = Object.keys(GROUP_STATUS_LABELS) as GroupStatus[];

export type MeetingKind = 'INTRODUCTORY' | 'TRIAL' | 'PLANNING' | 'REGULAR' | 'FINAL';

/** The meetings of seeds 000/002: первая (организационная), пробная рабочая, планирование, регулярные, заключительная. */
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  INTRODUCTORY: 'встреча-знакомство',
  TRIAL: 'пробная рабочая встреча',
  PLANNING: 'встреча-планирование',
  REGULAR: 'регулярная встреча',
  FINAL: 'заключительная встреча',
};

export const MEETING_KINDS = Object.keys(MEETING_KIND_LABELS) as MeetingKind[];

export type MeetingFormat = 'IN_PERSON' | 'ONLINE';

export const MEETING_FORMAT_LABELS: Record<MeetingFormat, string> = {
  IN_PERSON: 'очно',
  ONLINE: 'дистанционно',
};

export const MEETING_FORMATS = Object.keys(MEETING_FORMAT_LABELS) as MeetingFormat[];

export type ConsentStatus = 'VALID' | 'REVOKED' | 'NONE';

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  VALID: 'действует',
  REVOKED: 'отозвано, участник обезличен',
  NONE: 'не получено',
};

export const CONSENT_STATUSES = Object.keys(CONSENT_STATUS_LABELS) as ConsentStatus[];

export type ConsentSigner = 'SELF' | 'LEGAL_REPRESENTATIVE';

export const CONSENT_SIGNER_LABELS: Record<ConsentSigner, string> = {
  SELF: 'сам участник',
  LEGAL_REPRESENTATIVE: 'законный представитель',
};

export const CONSENT_SIGNERS = Object.keys(CONSENT_SIGNER_LABELS) as ConsentSigner[];

export type RequestSource = 'SELF' | 'CLASS_TEACHER' | 'PSYCHOLOGIST' | 'PARENTS';

export const REQUEST_SOURCE_LABELS: Record<RequestSource, string> = {
  SELF: 'сам наставляемый',
  CLASS_TEACHER: 'классный руководитель',
  PSYCHOLOGIST: 'педагог-психолог',
  PARENTS: 'родители (законные представители)',
};

export const REQUEST_SOURCES = Object.keys(REQUEST_SOURCE_LABELS) as RequestSource[];

export type ParticipantRole = 'MENTOR' | 'MENTEE';

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  MENTOR: 'наставник',
  MENTEE: 'наставляемый',
};

export type MatchFactor = 'FORM' | 'REQUEST_TOPICS' | 'FREE_LOAD' | 'ORGANIZATION';

export const MATCH_FACTOR_LABELS: Record<MatchFactor, string> = {
  FORM: 'форма наставничества',
  REQUEST_TOPICS: 'темы запроса и компетенции',
  FREE_LOAD: 'свободная нагрузка',
  ORGANIZATION: 'организация',
};

export type AssessmentPhase = 'START' | 'END';

export const ASSESSMENT_PHASE_LABELS: Record<AssessmentPhase, string> = {
  START: 'в начале работы',
  END: 'в конце работы',
};

/** Special-situation flags of a participant (seed 003), in the order the forms list them. */
export const SITUATION_FLAGS = ['ovz', 'gifted', 'difficultSituation', 'lowIncome', 'orphan'] as const;

export type SituationFlag = (typeof SITUATION_FLAGS)[number];

export const SITUATION_FLAG_LABELS: Record<SituationFlag, string> = {
  ovz: 'обучающийся с ОВЗ',
  gifted: 'одарённый обучающийся',
  difficultSituation: 'в трудной жизненной ситуации',
  lowIncome: 'из малообеспеченной семьи',
  orphan: 'ребёнок-сирота или оставшийся без попечения родителей',
};

function labelOf<Value extends string>(labels: Record<Value, string>, value: string | null): string {
  if (value === null) return '—';
  return labels[value as Value] ?? value;
}

export const categoryLabel = (value: string | null) => labelOf(PARTICIPANT_CATEGORY_LABELS, value);
export const formLabel = (value: string | null) => labelOf(MENTORING_FORM_LABELS, value);
export const groupStatusLabel = (value: string | null) => labelOf(GROUP_STATUS_LABELS, value);
export const meetingKindLabel = (value: string | null) => labelOf(MEETING_KIND_LABELS, value);
export const meetingFormatLabel = (value: string | null) => labelOf(MEETING_FORMAT_LABELS, value);
export const consentStatusLabel = (value: string | null) => labelOf(CONSENT_STATUS_LABELS, value);
export const consentSignerLabel = (value: string | null) => labelOf(CONSENT_SIGNER_LABELS, value);
export const requestSourceLabel = (value: string | null) => labelOf(REQUEST_SOURCE_LABELS, value);
export const roleLabel = (value: string | null) => labelOf(PARTICIPANT_ROLE_LABELS, value);
export const matchFactorLabel = (value: string | null) => labelOf(MATCH_FACTOR_LABELS, value);
export const assessmentPhaseLabel = (value: string | null) => labelOf(ASSESSMENT_PHASE_LABELS, value);

/** «наставник», «наставляемый» or both, as the base lists a person. */
export function participantRolesLabel(participant: { isMentor: boolean; isMentee: boolean }): string {
  if (participant.isMentor && participant.isMentee) return 'наставник и наставляемый';
  return participant.isMentor ? 'наставник' : 'наставляемый';
}

export function isOneOf<Value extends string>(labels: Record<Value, string>, value: unknown): value is Value {
  return typeof value === 'string' && Object.hasOwn(labels, value);
}
