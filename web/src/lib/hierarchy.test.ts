import { describe, expect, it } from 'vitest';
import {
  columnKeys,
  columnTotals,
  displayName,
  MUNICIPALITY_COLUMNS,
  ORGANIZATION_COLUMNS,
  REGION_COLUMNS,
  sortByColumn,
  type MunicipalityRow,
  type OrganizationRow,
  type RegionRow,
} from './hierarchy';
import { municipalityKindLabel, organizationKindLabel } from './labels';

const regions: RegionRow[] = [
  { code: '52', name: 'Нижегородская область', municipalityCount: 4, organizationCount: 20 },
  { code: '28', name: 'Амурская область', municipalityCount: 4, organizationCount: 16 },
  { code: '05', name: 'Республика Дагестан', municipalityCount: 2, organizationCount: 7 },
];

describe('region table', () => {
  it('sums the numeric columns for the totals row', () => {
    expect(columnTotals(regions, REGION_COLUMNS)).toEqual({ municipalities: 10, organizations: 43 });
  });

  it('sorts by a count, ties by name', () => {
    const sorted = sortByColumn(regions, REGION_COLUMNS, { column: 'municipalities', direction: 'desc' });
    expect(sorted.map((region) => region.code)).toEqual(['28', '52', '05']);
  });

  it('sorts by code numerically', () => {
    const sorted = sortByColumn(regions, REGION_COLUMNS, { column: 'code', direction: 'asc' });
    expect(sorted.map((region) => region.code)).toEqual(['05', '28', '52']);
  });

  it('offers every column for sorting', () => {
    expect(columnKeys(REGION_COLUMNS)).toEqual(['code', 'name', 'municipalities', 'organizations']);
  });
});

describe('municipality table', () => {
  const municipalities: MunicipalityRow[] = [
    { code: '10712000', name: 'город Зея', kind: 'URBAN_OKRUG', organizationCount: 5 },
    { code: '10624000', name: 'Зейский муниципальный округ', kind: 'MUNICIPAL_OKRUG', organizationCount: 3 },
    {
      code: '82654000',
      name: 'Чародинский муниципальный район',
      kind: 'MUNICIPAL_DISTRICT',
      organizationCount: 3,
    },
  ];

  it('sorts by the Russian label of the kind, not by the enum name', () => {
    const sorted = sortByColumn(municipalities, MUNICIPALITY_COLUMNS, { column: 'kind', direction: 'asc' });
    expect(sorted.map((row) => municipalityKindLabel(row.kind))).toEqual([
      'городской округ',
      'муниципальный округ',
      'муниципальный район',
    ]);
  });

  it('exports the kind as its label', () => {
    const kind = MUNICIPALITY_COLUMNS.find((column) => column.key === 'kind');
    expect(kind?.value(municipalities[2])).toBe('муниципальный район');
  });
});

describe('organization table', () => {
  const organizations: OrganizationRow[] = [
    {
      code: '280004',
      name: 'Муниципальное бюджетное образовательное учреждение дополнительного образования «Дом детского творчества «Ровесник»',
      shortName: 'МБОУ ДО ДДТ «Ровесник»',
      kind: 'ADDITIONAL_EDUCATION',
      inn: '2807866666',
      address: 'Амурская обл., г. Зея',
    },
    {
      code: '280001',
      name: 'Муниципальное общеобразовательное автономное учреждение «Средняя общеобразовательная школа № 1 г. Зеи»',
      shortName: 'МОАУ СОШ № 1',
      kind: 'SCHOOL',
      inn: null,
      address: null,
    },
    {
      code: '280009',
      name: 'Амурский педагогический колледж',
      shortName: null,
      kind: 'VOCATIONAL',
      inn: '2859571173',
      address: 'Амурская обл., г. Благовещенск',
    },
  ];

  it('shows the full name where the short one is missing', () => {
    expect(displayName(organizations[2])).toBe('Амурский педагогический колледж');
    expect(displayName({ name: 'Полное', shortName: '  ' })).toBe('Полное');
  });

  it('sorts by the name shown in the table', () => {
    const sorted = sortByColumn(organizations, ORGANIZATION_COLUMNS, {
      column: 'shortName',
      direction: 'asc',
    });
    expect(sorted.map((row) => row.code)).toEqual(['280009', '280004', '280001']);
  });

  it('keeps organizations without an ИНН at the end', () => {
    const sorted = sortByColumn(organizations, ORGANIZATION_COLUMNS, { column: 'inn', direction: 'desc' });
    expect(sorted.map((row) => row.code)).toEqual(['280009', '280004', '280001']);
  });

  it('labels every organization kind in Russian', () => {
    expect(organizationKindLabel('VOCATIONAL')).toBe('профессиональная образовательная организация (СПО)');
    expect(organizationKindLabel('KINDERGARTEN_SCHOOL')).toBe('начальная школа – детский сад');
  });

  it('shows an unknown kind as its code rather than nothing', () => {
    expect(organizationKindLabel('NEW_KIND')).toBe('NEW_KIND');
  });
});
