import { describe, expect, it } from 'vitest';
import {
  matchesSearch,
  parseParticipantFilters,
  participantFilterInput,
  participantRow,
  personName,
  shortName,
  type ParticipantSummary,
} from './participants';

const PERSON: ParticipantSummary = {
  id: '17',
  category: 'PUPIL',
  isMentor: false,
  isMentee: true,
  gradeOrCourse: '6Б',
  teachingExperienceYears: null,
  consentStatus: 'VALID',
  ovz: true,
  gifted: false,
  difficultSituation: false,
  lowIncome: true,
  orphan: false,
  personal: {
    externalKey: 'У-7',
    lastName: 'Ёлкина',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '2013-06-01',
    contact: null,
  },
};

describe('participants', () => {
  it('names people in full and short, and a depersonalised one by number only', () => {
    expect(personName(PERSON)).toBe('Ёлкина Мария Петровна');
    expect(shortName(PERSON)).toBe('Ёлкина М.\u00a0П.');
    expect(personName({ ...PERSON, personal: null })).toBe('Участник № 17 (обезличен)');
  });

  it('makes a table row with roles and special situations in words', () => {
    expect(participantRow(PERSON)).toMatchObject({
      code: '17',
      externalKey: 'У-7',
      roles: 'наставляемый',
      situations: 'обучающийся с ОВЗ, из малообеспеченной семьи',
    });
  });

  it('reads filters from the URL, ignoring unknown values, and passes them to the API', () => {
    const filters = parseParticipantFilters(new URLSearchParams('category=PUPIL&role=MENTEE&consent=none'));
    expect(participantFilterInput(filters)).toEqual({
      category: 'PUPIL',
      role: 'MENTEE',
      hasValidConsent: false,
    });
    expect(parseParticipantFilters(new URLSearchParams('category=ALIEN&role=x&consent=maybe'))).toEqual({
      category: null,
      role: null,
      consent: null,
    });
  });

  it('searches by name or number, with ё as е and any case', () => {
    const row = participantRow(PERSON);
    expect(matchesSearch(row, 'елкина')).toBe(true);
    expect(matchesSearch(row, 'у-7')).toBe(true);
    expect(matchesSearch(row, 'Иванов')).toBe(false);
    expect(matchesSearch(row, '  ')).toBe(true);
  });
});
