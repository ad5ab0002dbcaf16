import { describe, expect, it } from 'vitest';
import {
  consentInput,
  consentValuesFor,
  effectiveValues,
  participantInput,
  participantValuesOf,
  validateConsent,
  validateParticipant,
  validateRevocation,
  type ConsentValues,
  type ParticipantValues,
} from './participant-forms';

const TODAY = '2026-11-22';

function person(overrides: Partial<ParticipantValues> = {}): ParticipantValues {
  return {
    ...participantValuesOf(null),
    lastName: 'Иванова',
    firstName: 'Мария',
    birthDate: '2012-03-04',
    category: 'PUPIL',
    isMentee: '1',
    gradeOrCourse: '7Б',
    ...overrides,
  };
}

function consent(overrides: Partial<ConsentValues> = {}): ConsentValues {
  return {
    signedOn: '2025-09-01',
    signedBy: 'LEGAL_REPRESENTATIVE',
    representativeName: 'Иванов Пётр',
    documentReference: '',
    ...overrides,
  };
}

describe('validateParticipant', () => {
  it('accepts a pupil mentee with a grade', () => {
    expect(validateParticipant(person(), TODAY)).toEqual({});
  });

  it('asks for the name, birth date, category and a role, in the API’s words', () => {
    const errors = validateParticipant(
      person({ lastName: ' ', firstName: '', birthDate: '', category: '', isMentee: '' }),
      TODAY,
    );
    expect(errors).toEqual({
      lastName: 'укажите фамилию',
      firstName: 'укажите имя',
      birthDate: 'укажите дату рождения',
      category: 'выберите категорию',
      isMentor: 'участник должен быть наставником, наставляемым или и тем и другим',
    });
  });

  it('refuses a birth date in the future and an age outside 5–100', () => {
    expect(validateParticipant(person({ birthDate: '2026-12-01' }), TODAY).birthDate).toBe(
      'дата не может быть в будущем',
    );
    expect(validateParticipant(person({ birthDate: '2023-01-01' }), TODAY).birthDate).toBe(
      'возраст участника должен быть от 5 до 100 лет, получается 3',
    );
    expect(validateParticipant(person({ birthDate: '2012-02-30' }), TODAY).birthDate).toBe(
      'дата в формате ДД.ММ.ГГГГ',
    );
  });

  it('needs a grade or course for pupils and students only', () => {
    expect(validateParticipant(person({ gradeOrCourse: '' }), TODAY).gradeOrCourse).toBe(
      'для обучающегося и студента укажите класс или курс',
    );
    const teacher = person({ category: 'TEACHER', gradeOrCourse: '', birthDate: '1990-01-01' });
    expect(validateParticipant(teacher, TODAY)).toEqual({});
  });

  it('takes teaching experience from teachers only, between 0 and age − 14', () => {
    expect(validateParticipant(person({ teachingExperienceYears: '2' }), TODAY).teachingExperienceYears).toBe(
      'педагогический стаж указывается только для педагога',
    );
    const teacher = person({ category: 'TEACHER', birthDate: '2000-01-01', teachingExperienceYears: '20' });
    expect(validateParticipant(teacher, TODAY).teachingExperienceYears).toBe('стаж от 0 до 12 полных лет');
    expect(
      validateParticipant({ ...teacher, teachingExperienceYears: '2,5' }, TODAY).teachingExperienceYears,
    ).toBe('стаж от 0 до 12 полных лет');
    expect(validateParticipant({ ...teacher, teachingExperienceYears: '3' }, TODAY)).toEqual({});
  });

  it('keeps the mentor profile for mentors and wants a partner organisation of an employer mentor', () => {
    const employer = person({
      category: 'EMPLOYER_REPRESENTATIVE',
      birthDate: '1985-05-05',
      isMentee: '',
      isMentor: '1',
      gradeOrCourse: '',
    });
    expect(validateParticipant(employer, TODAY).partnerOrganization).toBe(
      'для наставника от работодателя укажите организацию-партнёра',
    );
    expect(validateParticipant({ ...employer, partnerOrganization: 'АО «Зейская ГЭС»' }, TODAY)).toEqual({});
    expect(
      validateParticipant({ ...employer, partnerOrganization: 'ГЭС', maxLoad: '31' }, TODAY).maxLoad,
    ).toBe('наставник ведёт от 1 до 30 наставляемых, передано 31');
    expect(validateParticipant(person({ competencies: 'математика' }), TODAY).competencies).toBe(
      'профиль наставника заполняется только для наставника',
    );
    expect(
      validateParticipant(person({ isMentee: '', isMentor: '1', requestTopics: 'химия' }), TODAY)
        .requestTopics,
    ).toBe('запрос заполняется только для наставляемого');
  });

  it('does not hold hidden fields against the form: effectiveValues drops them', () => {
    const typedThenUnchecked = person({
      competencies: 'математика',
      maxLoad: '3',
      teachingExperienceYears: '4',
    });
    expect(validateParticipant(effectiveValues(typedThenUnchecked), TODAY)).toEqual({});
  });
});

describe('participantInput', () => {
  it('sends lists, numbers and flags as the API takes them, and no mentor profile for a mentee', () => {
    const input = participantInput(
      person({
        requestTopics: 'химия;\nпрофориентация',
        ovz: '1',
        competencies: 'не отправится',
        externalKey: ' 7 ',
      }),
    );
    expect(input).toMatchObject({
      externalKey: '7',
      isMentor: false,
      isMentee: true,
      ovz: true,
      gifted: false,
      requestTopics: ['химия', 'профориентация'],
      competencies: [],
      maxLoad: null,
      teachingExperienceYears: null,
      middleName: null,
    });
  });
});

describe('validateConsent', () => {
  it('accepts a representative’s consent for a minor', () => {
    expect(validateConsent(consent(), '2012-03-04', TODAY)).toEqual({});
  });

  it('refuses a minor’s own signature, as the API does', () => {
    expect(
      validateConsent(consent({ signedBy: 'SELF', representativeName: '' }), '2012-03-04', TODAY),
    ).toEqual({
      signedBy: 'участнику на 2025-09-01 было 13 лет: до 18 лет согласие подписывает законный представитель',
    });
  });

  it('judges age on the day of signing: 18 that day may sign for themselves', () => {
    const values = consent({ signedBy: 'SELF', representativeName: '', signedOn: '2025-09-01' });
    expect(validateConsent(values, '2007-09-01', TODAY)).toEqual({});
    expect(validateConsent(values, '2007-09-02', TODAY).signedBy).toMatch(/было 17 лет/);
  });

  it('wants the representative’s name only when they signed', () => {
    expect(validateConsent(consent({ representativeName: '' }), '2012-03-04', TODAY).representativeName).toBe(
      'укажите ФИО законного представителя, подписавшего согласие',
    );
    expect(validateConsent(consent({ signedBy: 'SELF' }), '1990-01-01', TODAY).representativeName).toBe(
      'представитель указывается, только если согласие подписал он',
    );
  });

  it('refuses a signature before birth or in the future', () => {
    expect(validateConsent(consent({ signedOn: '2011-01-01' }), '2012-03-04', TODAY).signedOn).toBe(
      'дата подписания раньше даты рождения',
    );
    expect(validateConsent(consent({ signedOn: '2027-01-01' }), '2012-03-04', TODAY).signedOn).toBe(
      'дата не может быть в будущем',
    );
  });

  it('starts a minor’s consent form at the legal representative', () => {
    expect(consentValuesFor('2012-03-04', TODAY).signedBy).toBe('LEGAL_REPRESENTATIVE');
    expect(consentValuesFor('1990-03-04', TODAY).signedBy).toBe('SELF');
  });

  it('sends no representative for a consent signed by the person', () => {
    expect(consentInput(consent({ signedBy: 'SELF' }))).toEqual({
      signedOn: '2025-09-01',
      signedBy: 'SELF',
      representativeName: null,
      documentReference: null,
    });
  });
});

describe('validateRevocation', () => {
  it('wants a past day not before the signature', () => {
    expect(validateRevocation('2026-01-10', '2025-09-01', TODAY)).toBeUndefined();
    expect(validateRevocation('2025-08-01', '2025-09-01', TODAY)).toBe(
      'дата отзыва раньше подписания (01.09.2025)',
    );
    expect(validateRevocation('', '2025-09-01', TODAY)).toBe('укажите дату отзыва');
  });
});
