/** Russian labels for the API's enums, worded as in the source documents. */

export type MunicipalityKind =
  'MUNICIPAL_DISTRICT' | 'MUNICIPAL_OKRUG' | 'URBAN_OKRUG' | 'INTRA_CITY_TERRITORY';

export type OrganizationKind = 'SCHOOL' | 'ADDITIONAL_EDUCATION' | 'VOCATIONAL' | 'KINDERGARTEN_SCHOOL';

export const MUNICIPALITY_KIND_LABELS: Record<MunicipalityKind, string> = {
  MUNICIPAL_DISTRICT: 'муниципальный район',
  MUNICIPAL_OKRUG: 'муниципальный округ',
  URBAN_OKRUG: 'городской округ',
  INTRA_CITY_TERRITORY: 'внутригородская территория',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  SCHOOL: 'общеобразовательная организация',
  ADDITIONAL_EDUCATION: 'организация дополнительного образования',
  VOCATIONAL: 'профессиональная образовательная организация (СПО)',
  KINDERGARTEN_SCHOOL: 'начальная школа – детский сад',
};

// A kind added to the API before the dashboard learns it shows as its code rather than breaking the page.
export function municipalityKindLabel(kind: string): string {
  return MUNICIPALITY_KIND_LABELS[kind as MunicipalityKind] ?? kind;
}

export function organizationKindLabel(kind: string): string {
  return ORGANIZATION_KIND_LABELS[kind as OrganizationKind] ?? kind;
}
