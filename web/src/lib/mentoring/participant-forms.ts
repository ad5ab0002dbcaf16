import { formatDate } from '$lib/format';
import {
  ageOn,
  compact,
  isChecked,
  listOf,
  orNull,
  pastDayError,
  wholeNumber,
  type FieldErrors,
} from './form-checks';
import { isOneOf, PARTICIPANT_CATEGORY_LABELS, REQUEST_SOURCE_LABELS, type ConsentSigner } from './labels';
import type { ParticipantPersonal, ParticipantSummary } from './participants';

/**
 * The participant form (база наставников и наставляемых) and the consent form. The checks are the
 * API's (`participant.validation.ts` on the server), run in the browser as the user types and on
 * the dashboard's server before the API is asked; what the API still refuses is shown beside the
 * field it names.
 */

export const PARTICIPANT_FIELDS = [
  'externalKey',
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'contact',
  'category',
  'isMentor',
  'isMentee',
  'gradeOrCourse',
  'teachingExperienceYears',
  'ovz',
  'gifted',
  'difficultSituation',
  'lowIncome',
  'orphan',
  'competencies',
  'trainingCompletedAt',
  'maxLoad',
  'partnerOrganization',
  'requestTopics',
  'requestSource',
] as const;

export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];
export type ParticipantValues = Record<ParticipantField, string>;

/** What the card's edit form starts with: the person as the base holds them. */
export interface ParticipantDetails extends ParticipantSummary {
  competencies: string[];
  trainingCompletedAt: string | null;
  maxLoad: number | null;
  partnerOrganization: string | null;
  requestTopics: string[];
  requestSource: string | null;
  personal: ParticipantPersonal | null;
}

const flag = (value: boolean) => (value ? '1' : '');

export function participantValuesOf(participant: ParticipantDetails | null): ParticipantValues {
  const personal = participant?.personal ?? null;
  return {
    externalKey: personal?.externalKey ?? '',
    lastName: personal?.lastName ?? '',
    firstName: personal?.firstName ?? '',
    middleName: personal?.middleName ?? '',
    birthDate: personal?.birthDate ?? '',
    contact: personal?.contact ?? '',
    category: participant?.category ?? '',
    isMentor: flag(participant?.isMentor ?? false),
    isMentee: flag(participant?.isMentee ?? false),
    gradeOrCourse: participant?.gradeOrCourse ?? '',
    teachingExperienceYears: participant?.teachingExperienceYears?.toString() ?? '',
    ovz: flag(participant?.ovz ?? false),
    gifted: flag(participant?.gifted ?? false),
    difficultSituation: flag(participant?.difficultSituation ?? false),
    lowIncome: flag(participant?.lowIncome ?? false),
    orphan: flag(participant?.orphan ?? false),
    competencies: participant?.competencies.join('\n') ?? '',
    trainingCompletedAt: participant?.trainingCompletedAt ?? '',
    maxLoad: participant?.maxLoad?.toString() ?? '',
    partnerOrganization: participant?.partnerOrganization ?? '',
    requestTopics: participant?.requestTopics.join('\n') ?? '',
    requestSource: participant?.requestSource ?? '',
  };
}

/**
 * The values that count: fields the form hides for this participant (a mentor profile of a
 * non-mentor, teaching experience of a pupil) are not sent, so they are not checked either.
 */
export function effectiveValues<Values extends ParticipantValues>(values: Values): Values {
  const mentor = isChecked(values.isMentor);
  const mentee = isChecked(values.isMentee);
  return {
    ...values,
    teachingExperienceYears: values.category === 'TEACHER' ? values.teachingExperienceYears : '',
    competencies: mentor ? values.competencies : '',
    trainingCompletedAt: mentor ? values.trainingCompletedAt : '',
    maxLoad: mentor ? values.maxLoad : '',
    partnerOrganization:
      mentor && values.category === 'EMPLOYER_REPRESENTATIVE' ? values.partnerOrganization : '',
    requestTopics: mentee ? values.requestTopics : '',
    requestSource: mentee ? values.requestSource : '',
  };
}

const MIN_AGE = 5;
const MAX_AGE = 100;
const MAX_LOAD = 30;
/** Teaching experience cannot have started before 14 (the API's bound). */
const EARLIEST_WORK_AGE = 14;

/** The checks of `createParticipant` / `updateParticipant`, with the API's wording. */
export function validateParticipant(values: ParticipantValues, today: string): FieldErrors<ParticipantField> {
  const errors: FieldErrors<ParticipantField> = {};
  if (!values.lastName.trim()) errors.lastName = 'укажите фамилию';
  if (!values.firstName.trim()) errors.firstName = 'укажите имя';

  const birthDate = values.birthDate.trim();
  let age: number | null = null;
  if (!birthDate) errors.birthDate = 'укажите дату рождения';
  else {
    errors.birthDate = pastDayError(birthDate, today);
    if (!errors.birthDate) {
      age = ageOn(birthDate, today);
      if (age < MIN_AGE || age > MAX_AGE)
        errors.birthDate = `возраст участника должен быть от ${MIN_AGE} до ${MAX_AGE} лет, получается ${age}`;
    }
  }

  const category = values.category;
  if (!isOneOf(PARTICIPANT_CATEGORY_LABELS, category)) errors.category = 'выберите категорию';

  const mentor = isChecked(values.isMentor);
  const mentee = isChecked(values.isMentee);
  if (!mentor && !mentee)
    errors.isMentor = 'участник должен быть наставником, наставляемым или и тем и другим';

  if ((category === 'PUPIL' || category === 'STUDENT') && !values.gradeOrCourse.trim())
    errors.gradeOrCourse = 'для обучающегося и студента укажите класс или курс';

  const experience = wholeNumber(values.teachingExperienceYears);
  if (experience !== null) {
    const most = Math.max((age ?? MAX_AGE) - EARLIEST_WORK_AGE, 0);
    if (category !== 'TEACHER')
      errors.teachingExperienceYears = 'педагогический стаж указывается только для педагога';
    else if (!Number.isInteger(experience) || experience < 0 || experience > most)
      errors.teachingExperienceYears = `стаж от 0 до ${most} полных лет`;
  }

  const trainingCompletedAt = values.trainingCompletedAt.trim();
  if (trainingCompletedAt) errors.trainingCompletedAt = pastDayError(trainingCompletedAt, today);
  const maxLoad = wholeNumber(values.maxLoad);
  if (maxLoad !== null && (!Number.isInteger(maxLoad) || maxLoad < 1 || maxLoad > MAX_LOAD))
    errors.maxLoad = `наставник ведёт от 1 до ${MAX_LOAD} наставляемых, передано ${values.maxLoad.trim()}`;
  const partner = values.partnerOrganization.trim();
  if (partner && category !== 'EMPLOYER_REPRESENTATIVE')
    errors.partnerOrganization = 'организация-партнёр указывается только для представителя работодателя';
  if (mentor && category === 'EMPLOYER_REPRESENTATIVE' && !partner)
    errors.partnerOrganization = 'для наставника от работодателя укажите организацию-партнёра';
  if (!mentor) {
    const profileOnly = 'профиль наставника заполняется только для наставника';
    if (listOf(values.competencies).length > 0) errors.competencies = profileOnly;
    if (trainingCompletedAt) errors.trainingCompletedAt = profileOnly;
    if (maxLoad !== null) errors.maxLoad = profileOnly;
    if (partner && !errors.partnerOrganization) errors.partnerOrganization = profileOnly;
  }

  if (values.requestSource && !isOneOf(REQUEST_SOURCE_LABELS, values.requestSource))
    errors.requestSource = 'выберите, откуда пришёл запрос';
  if (!mentee) {
    const requestOnly = 'запрос заполняется только для наставляемого';
    if (listOf(values.requestTopics).length > 0) errors.requestTopics = requestOnly;
    if (values.requestSource) errors.requestSource = requestOnly;
  }
  return compact(errors);
}

/** The API's `ParticipantInput`: every field is sent again on a change. */
export function participantInput(values: ParticipantValues) {
  const mentor = isChecked(values.isMentor);
  const mentee = isChecked(values.isMentee);
  return {
    externalKey: orNull(values.externalKey),
    lastName: values.lastName.trim(),
    firstName: values.firstName.trim(),
    middleName: orNull(values.middleName),
    birthDate: values.birthDate.trim(),
    contact: orNull(values.contact),
    category: values.category,
    isMentor: mentor,
    isMentee: mentee,
    gradeOrCourse: orNull(values.gradeOrCourse),
    teachingExperienceYears: wholeNumber(values.teachingExperienceYears),
    ovz: isChecked(values.ovz),
    gifted: isChecked(values.gifted),
    difficultSituation: isChecked(values.difficultSituation),
    lowIncome: isChecked(values.lowIncome),
    orphan: isChecked(values.orphan),
    competencies: mentor ? listOf(values.competencies) : [],
    trainingCompletedAt: mentor ? orNull(values.trainingCompletedAt) : null,
    maxLoad: mentor ? wholeNumber(values.maxLoad) : null,
    partnerOrganization: mentor ? orNull(values.partnerOrganization) : null,
    requestTopics: mentee ? listOf(values.requestTopics) : [],
    requestSource: mentee ? orNull(values.requestSource) : null,
  };
}

// ── Consent (согласие на обработку персональных данных) ───────────────────────────────────────

export const CONSENT_FIELDS = ['signedOn', 'signedBy', 'representativeName', 'documentReference'] as const;

export type ConsentField = (typeof CONSENT_FIELDS)[number];
export type ConsentValues = Record<ConsentField, string>;

export const ADULT_AGE = 18;

/** A minor's consent is signed by a legal representative, so the form starts there for them. */
export function consentValuesFor(birthDate: string | null, today: string): ConsentValues {
  const minor = birthDate !== null && ageOn(birthDate, today) < ADULT_AGE;
  return {
    signedOn: today,
    signedBy: minor ? 'LEGAL_REPRESENTATIVE' : 'SELF',
    representativeName: '',
    documentReference: '',
  };
}

/**
 * The checks of `recordConsent`: under 18 on the day of signing only a legal representative
 * signs, and then their name is required. `birthDate` may be unknown while the participant form
 * is being filled in; the age check then waits for it.
 */
export function validateConsent(
  values: ConsentValues,
  birthDate: string | null,
  today: string,
): FieldErrors<ConsentField> {
  const errors: FieldErrors<ConsentField> = {};
  const signedOn = values.signedOn.trim();
  if (!signedOn) errors.signedOn = 'укажите дату подписания';
  else errors.signedOn = pastDayError(signedOn, today);
  const signer = values.signedBy as ConsentSigner;
  if (signer !== 'SELF' && signer !== 'LEGAL_REPRESENTATIVE')
    errors.signedBy = 'укажите, кто подписал согласие';

  if (!errors.signedOn && birthDate && signedOn) {
    if (signedOn < birthDate) errors.signedOn = 'дата подписания раньше даты рождения';
    else {
      const age = ageOn(birthDate, signedOn);
      if (age < ADULT_AGE && signer === 'SELF')
        errors.signedBy = `участнику на ${signedOn} было ${age} лет: до ${ADULT_AGE} лет согласие подписывает законный представитель`;
    }
  }
  const representative = values.representativeName.trim();
  if (signer === 'LEGAL_REPRESENTATIVE' && !representative)
    errors.representativeName = 'укажите ФИО законного представителя, подписавшего согласие';
  if (signer === 'SELF' && representative)
    errors.representativeName = 'представитель указывается, только если согласие подписал он';
  return compact(errors);
}

/** The API's `ConsentInput`. */
export function consentInput(values: ConsentValues) {
  return {
    signedOn: values.signedOn.trim(),
    signedBy: values.signedBy,
    representativeName: values.signedBy === 'LEGAL_REPRESENTATIVE' ? orNull(values.representativeName) : null,
    documentReference: orNull(values.documentReference),
  };
}

/** Revocation of a consent: the day it was revoked (the API depersonalises the person then). */
export function validateRevocation(revokedOn: string, signedOn: string, today: string): string | undefined {
  if (!revokedOn.trim()) return 'укажите дату отзыва';
  const dayError = pastDayError(revokedOn.trim(), today);
  if (dayError) return dayError;
  if (revokedOn < signedOn) return `дата отзыва раньше подписания (${formatDate(signedOn)})`;
  return undefined;
}
