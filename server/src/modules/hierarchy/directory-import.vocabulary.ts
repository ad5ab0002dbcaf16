import { normalizeTerm } from '../../imports/column-title.js';
import { MUNICIPALITY_KIND_LABELS, MunicipalityKind } from './municipality.entity.js';
import { ORGANIZATION_KIND_LABELS, OrganizationKind } from './organization.entity.js';

/**
 * The words the directory import understands: column titles and kind values as people write
 * them in their spreadsheets.
 */

export type DirectoryField =
  | 'regionCode'
  | 'regionName'
  | 'municipalityCode'
  | 'municipalityName'
  | 'municipalityKind'
  | 'organizationCode'
  | 'organizationName'
  | 'organizationShortName'
  | 'organizationKind'
  | 'address'
  | 'inn';

export interface DirectoryColumn {
  field: DirectoryField;
  /** The title of the canonical layout (demo-directory.csv), used in messages. */
  title: string;
  synonyms: readonly string[];
  required: boolean;
}

export const DIRECTORY_COLUMNS: readonly DirectoryColumn[] = [
  {
    field: 'regionCode',
    title: 'Код субъекта',
    synonyms: ['Код региона', 'Код субъекта РФ'],
    required: true,
  },
  {
    field: 'regionName',
    title: 'Субъект РФ',
    synonyms: ['Регион', 'Субъект', 'Субъект Российской Федерации', 'Наименование субъекта'],
    required: true,
  },
  {
    field: 'municipalityCode',
    title: 'ОКТМО',
    synonyms: ['Код ОКТМО', 'Код муниципалитета', 'Код МО'],
    required: true,
  },
  {
    field: 'municipalityName',
    title: 'Муниципальное образование',
    synonyms: ['Муниципалитет', 'МО', 'Наименование муниципального образования', 'Наименование МО'],
    required: true,
  },
  {
    field: 'municipalityKind',
    title: 'Вид МО',
    synonyms: ['Вид муниципального образования', 'Тип МО', 'Вид муниципалитета'],
    required: true,
  },
  { field: 'organizationCode', title: 'Код ОО', synonyms: ['Код организации'], required: true },
  {
    field: 'organizationName',
    title: 'Полное наименование ОО',
    synonyms: [
      'Наименование ОО',
      'Наименование организации',
      'Полное наименование',
      'Полное наименование организации',
    ],
    required: true,
  },
  {
    field: 'organizationShortName',
    title: 'Краткое наименование',
    synonyms: ['Краткое наименование ОО', 'Сокращённое наименование', 'Сокращённое наименование ОО'],
    required: false,
  },
  {
    field: 'organizationKind',
    title: 'Тип ОО',
    synonyms: ['Тип организации', 'Вид ОО', 'Тип образовательной организации'],
    required: true,
  },
  { field: 'address', title: 'Адрес', synonyms: ['Адрес ОО', 'Юридический адрес'], required: false },
  { field: 'inn', title: 'ИНН', synonyms: ['ИНН ОО', 'ИНН организации'], required: false },
];

const FIELD_BY_TITLE = new Map<string, DirectoryField>(
  DIRECTORY_COLUMNS.flatMap((column) =>
    [column.title, ...column.synonyms].map((title) => [normalizeTerm(title), column.field] as const),
  ),
);

export function fieldOfTitle(title: string): DirectoryField | undefined {
  return FIELD_BY_TITLE.get(normalizeTerm(title));
}

export function columnOf(field: DirectoryField): DirectoryColumn {
  return DIRECTORY_COLUMNS.find((column) => column.field === field)!;
}

interface KindVocabulary<K extends string> {
  parse(value: string): K | undefined;
  /** For «unknown value» messages: every kind with the short forms people use most. */
  accepted: string;
}

function kindVocabulary<K extends string>(
  labels: Record<K, string>,
  shortForms: Record<K, readonly string[]>,
): KindVocabulary<K> {
  const kinds = Object.keys(labels) as K[];
  const byTerm = new Map<string, K>(
    kinds.flatMap((kind) =>
      [kind, labels[kind], ...shortForms[kind]].map((term) => [normalizeTerm(term), kind] as const),
    ),
  );
  return {
    parse: (value) => byTerm.get(normalizeTerm(value)),
    accepted: kinds
      .map((kind) =>
        shortForms[kind].length > 0 ? `${labels[kind]} (${shortForms[kind].join(', ')})` : labels[kind],
      )
      .join('; '),
  };
}

export const MUNICIPALITY_KINDS = kindVocabulary(MUNICIPALITY_KIND_LABELS, {
  [MunicipalityKind.MUNICIPAL_DISTRICT]: ['МР', 'район'],
  [MunicipalityKind.MUNICIPAL_OKRUG]: [],
  [MunicipalityKind.URBAN_OKRUG]: ['ГО'],
  [MunicipalityKind.INTRA_CITY_TERRITORY]: ['внутригородская территория города федерального значения'],
});

export const ORGANIZATION_KINDS = kindVocabulary(ORGANIZATION_KIND_LABELS, {
  [OrganizationKind.SCHOOL]: ['школа', 'ОО', 'СОШ', 'ООШ', 'НОШ', 'гимназия', 'лицей'],
  [OrganizationKind.ADDITIONAL_EDUCATION]: [
    'ОДО',
    'УДО',
    'дополнительное образование',
    'учреждение дополнительного образования',
  ],
  [OrganizationKind.VOCATIONAL]: [
    'СПО',
    'ПОО',
    'колледж',
    'техникум',
    'профессиональная образовательная организация',
  ],
  [OrganizationKind.KINDERGARTEN_SCHOOL]: ['НШ-ДС', 'школа – детский сад'],
});
