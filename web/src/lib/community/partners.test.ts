import { describe, expect, it } from 'vitest';
import {
  agreementPeriod,
  partnerMatches,
  partnerRow,
  validateAgreement,
  validatePartner,
  type Partner,
} from './partners';

const TODAY = '2025-11-20';

const PARTNER = {
  name: 'АО «Зейская ГЭС»',
  kind: 'EMPLOYER',
  inn: '2815 0000 14',
  contactRole: 'Отдел кадров',
};

const AGREEMENT = {
  number: '12/2025',
  signedOn: '2025-08-25',
  validFrom: '2025-09-01',
  validTo: '2026-08-31',
  subject: 'Наставничество «работодатель – ученик»',
};

describe('partner form checks', () => {
  it('accepts a partner with ИНН typed with spaces', () => {
    expect(validatePartner(PARTNER)).toEqual({});
  });

  it('says what is wrong with each field in the API’s words', () => {
    expect(
      validatePartner({ name: ' ', kind: '', inn: '12345', contactRole: 'Иванова, 8 914 555-12-34' }),
    ).toEqual({
      name: 'укажите наименование организации-партнёра',
      kind: 'выберите вид организации-партнёра',
      inn: 'ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя, передано «12345»',
      contactRole:
        'укажите должность или подразделение без персональных данных: телефон и электронная почта здесь не хранятся',
    });
    expect(validatePartner({ ...PARTNER, contactRole: 'hr@zges.ru' }).contactRole).toMatch(
      /без персональных данных/,
    );
    expect(validatePartner({ ...PARTNER, contactRole: 'кабинет 12' })).toEqual({});
  });
});

describe('agreement form checks', () => {
  it('accepts an agreement with or without an end', () => {
    expect(validateAgreement(AGREEMENT, TODAY)).toEqual({});
    expect(validateAgreement({ ...AGREEMENT, validTo: '' }, TODAY)).toEqual({});
  });

  it('refuses a period that ends before it starts and a signature in the future', () => {
    expect(validateAgreement({ ...AGREEMENT, validTo: '2025-08-31', signedOn: '2025-12-01' }, TODAY)).toEqual(
      {
        signedOn: 'дата не может быть в будущем',
        validTo: 'окончание срока действия раньше его начала (01.09.2025)',
      },
    );
    expect(validateAgreement({ ...AGREEMENT, number: '', subject: ' ' }, TODAY)).toEqual({
      number: 'укажите номер соглашения',
      subject: 'укажите предмет соглашения',
    });
  });

  it('writes the period as documents do', () => {
    expect(agreementPeriod(AGREEMENT)).toBe('с 01.09.2025 по 31.08.2026');
    expect(agreementPeriod({ ...AGREEMENT, validTo: null })).toBe('с 01.09.2025, бессрочно');
  });
});

describe('partner rows', () => {
  const partner: Partner = {
    id: '7',
    name: 'АО «Зейская ГЭС»',
    kind: 'EMPLOYER',
    inn: '2815000014',
    contactRole: 'Отдел кадров',
    mentorCount: 2,
    providesMentors: true,
    agreements: [
      { id: '1', ...AGREEMENT, validTo: '2025-08-31', validFrom: '2024-09-01', status: 'EXPIRED' },
      { id: '2', ...AGREEMENT, status: 'ACTIVE' },
    ],
  };

  it('shows the agreement in force and counts only active ones', () => {
    expect(partnerRow(partner)).toMatchObject({
      code: '7',
      activeAgreements: 1,
      agreements: 2,
      currentAgreement: '№ 12/2025 от 25.08.2025, с 01.09.2025 по 31.08.2026',
      mentors: 2,
    });
  });

  it('finds a partner by name, ИНН or kind', () => {
    const row = partnerRow(partner);
    expect(partnerMatches(row, 'гэс')).toBe(true);
    expect(partnerMatches(row, '2815')).toBe(true);
    expect(partnerMatches(row, 'работодатель')).toBe(true);
    expect(partnerMatches(row, 'колледж')).toBe(false);
  });
});
