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
  item: { one: 'мероприятие', few: 'мероприятия', many: 'мероприятий' },
  day: { one: 'день', few: 'дня', many: 'дней' },
} as const satisfies Record<string, NounForms>;

const percentFormat = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });

/** A share 0–1 as Russian percent: 1/17 → «5,9 %»; null (nothing to measure yet) → «—». */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return percentFormat.format(share);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written ГГГГ-ММ-ДД (2025-02-30 is not). */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** «2025-06-20» → «20.06.2025», as Russian documents write dates; no date → «—». */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = ISO_DAY.exec(iso.slice(0, 10));
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** A period of days: «01.09.2025 – 31.10.2025», or one date when it is a single day. */
export function formatDateRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)}\u00a0– ${formatDate(to)}`;
}

// Moments (last change, sign-in) are shown in Moscow time, as federal systems do, and say so.
const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Moscow',
});

/** «2026-11-22T10:57:03Z» → «22.11.2026, 13:57 МСК»; no moment → «—». */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? iso : `${dateTimeFormat.format(moment)}\u00a0МСК`;
}

/** An academic year by its first calendar year: 2025 → «2025/2026». */
export function formatAcademicYear(year: number): string {
  return `${year}/${year + 1}`;
}
