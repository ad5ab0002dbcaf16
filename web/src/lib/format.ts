/** Russian number and word formatting shared by pages and exports. */

const numberFormat = new Intl.NumberFormat('ru-RU');
const pluralRules = new Intl.PluralRules('ru-RU');

/** 1234567 → «1 234 567» (no-break spaces between groups, as Russian typography wants). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** The three Russian forms of a noun after a number: 1 субъект, 2 субъекта, 5 субъектов. */
export interface NounForms {
  one: string;
  few: string;
  many: string;
}

export function pluralize(count: number, forms: NounForms): string {
  const category = pluralRules.select(count);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few;
  // 'many' for whole numbers; 'other' only for fractions, which take the genitive singular (1,5 субъекта).
  return category === 'other' ? forms.few : forms.many;
}

/** «1 234 организации»: a formatted number followed by the agreeing noun. */
export function formatCount(count: number, forms: NounForms): string {
  return `${formatNumber(count)}\u00a0${pluralize(count, forms)}`;
}

export const NOUNS = {
  region: { one: 'субъект РФ', few: 'субъекта РФ', many: 'субъектов РФ' },
  municipality: {
    one: 'муниципальное образование',
    few: 'муниципальных образования',
    many: 'муниципальных образований',
  },
  organization: {
    one: 'образовательная организация',
    few: 'образовательные организации',
    many: 'образовательных организаций',
  },
  row: { one: 'строка', few: 'строки', many: 'строк' },
} as const satisfies Record<string, NounForms>;
