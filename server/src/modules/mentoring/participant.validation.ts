import { badInput } from '../../graphql/errors.js';
import { ConsentSigner, ParticipantCategory } from './participant.enums.js';
import type { ConsentInput, ParticipantInput } from './participant.inputs.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in ГГГГ-ММ-ДД, not after `today`. */
export function checkDay(field: string, value: string, today: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!ISO_DAY.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw badInput(field, `дата в формате ГГГГ-ММ-ДД, передано «${value}»`);
  if (value > today) throw badInput(field, 'дата не может быть в будущем');
  return value;
}

/** Full years between a birth date and a day, both ГГГГ-ММ-ДД. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const ADULT_AGE = 18;
const MIN_AGE = 5;
const MAX_AGE = 100;
const MAX_LOAD = 30;

const LEARNERS = [ParticipantCategory.PUPIL, ParticipantCategory.STUDENT];

/** Trimmed text, or null for blank. */
function text(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

function list(values: string[] | null | undefined): string[] {
  return (values ?? []).map((value) => value.trim()).filter(Boolean);
}

/** The participant's row values and personal values, checked field by field. */
export function participantValues(input: ParticipantInput, today: string) {
  const lastName = text(input.lastName);
  const firstName = text(input.firstName);
  if (!lastName) throw badInput('lastName', 'укажите фамилию');
  if (!firstName) throw badInput('firstName', 'укажите имя');
  const birthDate = checkDay('birthDate', input.birthDate, today);
  const age = ageOn(birthDate, today);
  if (age < MIN_AGE || age > MAX_AGE)
    throw badInput(
      'birthDate',
      `возраст участника должен быть от ${MIN_AGE} до ${MAX_AGE} лет, получается ${age}`,
    );
  if (!input.isMentor && !input.isMentee)
    throw badInput('isMentor', 'участник должен быть наставником, наставляемым или и тем и другим');

  const gradeOrCourse = text(input.gradeOrCourse);
  if (LEARNERS.includes(input.category) && !gradeOrCourse)
    throw badInput('gradeOrCourse', 'для обучающегося и студента укажите класс или курс');

  const experience = input.teachingExperienceYears ?? null;
  if (experience !== null) {
    if (input.category !== ParticipantCategory.TEACHER)
      throw badInput('teachingExperienceYears', 'педагогический стаж указывается только для педагога');
    if (!Number.isInteger(experience) || experience < 0 || experience > age - 14)
      throw badInput('teachingExperienceYears', `стаж от 0 до ${Math.max(age - 14, 0)} полных лет`);
  }

  const competencies = list(input.competencies);
  const trainingCompletedAt = input.trainingCompletedAt
    ? checkDay('trainingCompletedAt', input.trainingCompletedAt, today)
    : null;
  const maxLoad = input.maxLoad ?? null;
  const partnerOrganization = text(input.partnerOrganization);
  const mentorOnly = {
    competencies: competencies.length > 0,
    trainingCompletedAt,
    maxLoad,
    partnerOrganization,
  };
  if (!input.isMentor) {
    const given = Object.entries(mentorOnly).find(([, value]) => value !== null && value !== false);
    if (given) throw badInput(given[0], 'профиль наставника заполняется только для наставника');
  }
  if (maxLoad !== null && (!Number.isInteger(maxLoad) || maxLoad < 1 || maxLoad > MAX_LOAD))
    throw badInput('maxLoad', `наставник ведёт от 1 до ${MAX_LOAD} наставляемых, передано ${maxLoad}`);
  if (partnerOrganization && input.category !== ParticipantCategory.EMPLOYER_REPRESENTATIVE)
    throw badInput(
      'partnerOrganization',
      'организация-партнёр указывается только для представителя работодателя',
    );
  if (
    input.isMentor &&
    input.category === ParticipantCategory.EMPLOYER_REPRESENTATIVE &&
    !partnerOrganization
  )
    throw badInput('partnerOrganization', 'для наставника от работодателя укажите организацию-партнёра');

  const requestTopics = list(input.requestTopics);
  const requestSource = input.requestSource ?? null;
  if (!input.isMentee && (requestTopics.length > 0 || requestSource))
    throw badInput(
      requestTopics.length ? 'requestTopics' : 'requestSource',
      'запрос заполняется только для наставляемого',
    );

  return {
    row: {
      category: input.category,
      is_mentor: input.isMentor,
      is_mentee: input.isMentee,
      birth_year: Number(birthDate.slice(0, 4)),
      birth_month: Number(birthDate.slice(5, 7)),
      grade_or_course: gradeOrCourse,
      teaching_experience_years: experience,
      ovz: input.ovz,
      gifted: input.gifted,
      difficult_situation: input.difficultSituation,
      low_income: input.lowIncome,
      orphan: input.orphan,
      competencies,
      training_completed_at: trainingCompletedAt,
      max_load: maxLoad,
      partner_organization: partnerOrganization,
      request_topics: requestTopics,
      request_source: requestSource,
    },
    personal: {
      external_key: text(input.externalKey),
      last_name: lastName,
      first_name: firstName,
      middle_name: text(input.middleName),
      birth_date: birthDate,
      contact: text(input.contact),
    },
  };
}

export type ParticipantValues = ReturnType<typeof participantValues>;

/** A consent checked against the person's age on the day it was signed. */
export function consentValues(input: ConsentInput, birthDate: string, today: string) {
  const signedOn = checkDay('signedOn', input.signedOn, today);
  if (signedOn < birthDate) throw badInput('signedOn', 'дата подписания раньше даты рождения');
  const representativeName = text(input.representativeName);
  const age = ageOn(birthDate, signedOn);
  if (age < ADULT_AGE && input.signedBy !== ConsentSigner.LEGAL_REPRESENTATIVE)
    throw badInput(
      'signedBy',
      `участнику на ${signedOn} было ${age} лет: до ${ADULT_AGE} лет согласие подписывает законный представитель`,
    );
  if (input.signedBy === ConsentSigner.LEGAL_REPRESENTATIVE && !representativeName)
    throw badInput('representativeName', 'укажите ФИО законного представителя, подписавшего согласие');
  if (input.signedBy === ConsentSigner.SELF && representativeName)
    throw badInput('representativeName', 'представитель указывается, только если согласие подписал он');
  return {
    signed_by: input.signedBy,
    representative_name: representativeName,
    signed_on: signedOn,
    document_reference: text(input.documentReference),
  };
}
