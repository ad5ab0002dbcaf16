import { describe, expect, it } from 'vitest';
import { NOT_PUBLISHED, registryRow, validatePublicationConsent, type RegistryEntry } from './registry';

const ENTRY: RegistryEntry = {
  id: '5',
  fullName: null,
  competencies: null,
  category: 'EMPLOYER_REPRESENTATIVE',
  organizationName: 'МОАУ СОШ № 1',
  partnerOrganizationName: 'АО «Зейская ГЭС»',
  contact: null,
  publishedFields: ['POSITION_AND_ORGANIZATION'],
  publishedSince: '2025-10-01',
};

describe('registry rows', () => {
  it('says «не публикуется» for what the mentor did not agree to publish', () => {
    expect(registryRow(ENTRY)).toEqual({
      code: '5',
      name: NOT_PUBLISHED,
      competencies: NOT_PUBLISHED,
      category: 'представитель работодателя',
      organization: 'МОАУ СОШ № 1',
      partner: 'АО «Зейская ГЭС»',
      contact: NOT_PUBLISHED,
      publishedSince: '2025-10-01',
    });
  });

  it('shows a published field that is empty as a dash', () => {
    const row = registryRow({ ...ENTRY, publishedFields: ['CONTACT'], contact: null });
    expect(row.contact).toBe('—');
    expect(row.organization).toBe(NOT_PUBLISHED);
  });
});

describe('publication consent checks', () => {
  const TODAY = '2025-11-20';

  it('needs at least one field and a day not in the future', () => {
    expect(
      validatePublicationConsent({ fields: '', signedBy: 'SELF', signedOn: '2025-12-01' }, TODAY, null),
    ).toEqual({
      fields: 'отметьте хотя бы одно сведение, которое разрешено опубликовать',
      signedOn: 'дата не может быть в будущем',
    });
  });

  it('asks for a legal representative under 18', () => {
    const values = { fields: 'FULL_NAME', signedBy: 'SELF', signedOn: '2025-10-01' };
    expect(validatePublicationConsent(values, TODAY, '2009-03-01')).toEqual({
      signedBy:
        'наставнику на 01.10.2025 было 16 лет: до 18 лет согласие на публикацию подписывает законный представитель',
    });
    expect(
      validatePublicationConsent({ ...values, signedBy: 'LEGAL_REPRESENTATIVE' }, TODAY, '2009-03-01'),
    ).toEqual({});
    expect(validatePublicationConsent(values, TODAY, '1980-01-01')).toEqual({});
  });
});
