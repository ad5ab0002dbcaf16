import { formatCount, formatNumber, NOUNS, type NounForms } from './format';
import type { Column } from './hierarchy';
import { academicYearOf, academicYearOptions, todayIso } from './roadmap';
import type { SortValue } from './sorting';
import type { ScopeLevel } from './viewer';

/**
 * Target indicators (целевые показатели) as the analyst dashboard shows them: the API's rollup of
 * a unit (its own values, its children's, its trend over years), what the page reads from its URL,
 * the table of child units, the chart's bars, the sparklines, and the XLSX columns. Every figure
 * is the API's: a unit's value is Σ numerator / Σ denominator of everything under it, so a totals
 * row is the unit's own value, never a sum or an average of its children's shares.
 */

// ── The API's shapes ───────────────────────────────────────────────────────────────────────────

export type UnitLevel = 'FEDERATION' | 'REGION' | 'MUNICIPALITY' | 'ORGANIZATION';

/** PERCENT: a share shown in percent; AVERAGE: a mean score; RATIO: so many per one (mentor load). */
export type IndicatorUnit = 'PERCENT' | 'AVERAGE' | 'RATIO';

export interface ReportingUnit {
  level: UnitLevel;
  /** Region code, ОКТМО or organisation code; null for the federation. */
  code: string | null;
  name: string;
}

/** One indicator of one unit and year, value already scaled (34.5 for 34,5 %). */
export interface IndicatorValue {
  code: string;
  name: string;
  unit: IndicatorUnit;
  numerator: number;
  denominator: number | null;
  /** null when there is nothing to divide by (no denominator reported, or zero). */
  value: number | null;
  target: number | null;
  /** value − target; null without either. */
  gap: number | null;
  /** Every organisation under the unit reported the contingent figure the denominator needs. */
  complete: boolean;
  reportedOrganizations: number;
  organizations: number;
}

/** What the table, the chart and the export need of a child unit's indicator. */
export type ChildValue = Pick<
  IndicatorValue,
  'code' | 'numerator' | 'denominator' | 'value' | 'target' | 'gap' | 'complete'
>;

export interface UnitIndicators {
  unit: ReportingUnit;
  values: ChildValue[];
}

export interface IndicatorYear {
  academicYear: number;
  values: Pick<IndicatorValue, 'code' | 'value'>[];
}

export interface IndicatorRollup {
  unit: ReportingUnit;
  academicYear: number;
  /** The date ages and «due by» are counted on (ГГГГ-ММ-ДД). */
  on: string;
  values: IndicatorValue[];
  children: UnitIndicators[];
  trend: IndicatorYear[];
}

// ── Levels and addresses ───────────────────────────────────────────────────────────────────────

/** The dashboard's levels (lower case, as in its URLs) and the API's. */
export const UNIT_LEVELS: Readonly<Record<ScopeLevel, UnitLevel>> = {
  federation: 'FEDERATION',
  region: 'REGION',
  municipality: 'MUNICIPALITY',
  organization: 'ORGANIZATION',
};

/** Levels that have a code in the URL: `/indicators/region/28`. */
export type CodedLevel = Exclude<ScopeLevel, 'federation'>;

export function isCodedLevel(value: string): value is CodedLevel {
  return value === 'region' || value === 'municipality' || value === 'organization';
}

/** Where a unit's children sit: regions of the country, municipalities of a region, schools. */
export const CHILD_LEVEL: Readonly<Record<ScopeLevel, CodedLevel | null>> = {
  federation: 'region',
  region: 'municipality',
  municipality: 'organization',
  organization: null,
};

/** How a table of children names them: its code and name headers and the noun of the totals. */
export interface ChildHeaders {
  code: string;
  name: string;
  noun: NounForms;
  /** The heading above the table. */
  title: string;
  /** «по субъектам РФ»: what the chart's caption says it is broken down by. */
  byWhat: string;
}

export const CHILD_HEADERS: Readonly<Record<CodedLevel, ChildHeaders>> = {
  region: {
    code: 'Код',
    name: 'Субъект РФ',
    noun: NOUNS.region,
    title: 'Субъекты Российской Федерации',
    byWhat: 'по субъектам РФ',
  },
  municipality: {
    code: 'ОКТМО',
    name: 'Муниципальное образование',
    noun: NOUNS.municipality,
    title: 'Муниципальные образования',
    byWhat: 'по муниципальным образованиям',
  },
  organization: {
    code: 'Код ОО',
    name: 'ОО',
    noun: NOUNS.organization,
    title: 'Образовательные организации',
    byWhat: 'по образовательным организациям',
  },
};

// ── Russian formatting ─────────────────────────────────────────────────────────────────────────

const MINUS = '\u2212';
const NBSP = '\u00a0';

const valueFormats: Readonly<Record<IndicatorUnit, Intl.NumberFormat>> = {
  PERCENT: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }),
  AVERAGE: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }),
  RATIO: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }),
};

const gapFormats: Readonly<Record<IndicatorUnit, Intl.NumberFormat>> = {
  PERCENT: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
  AVERAGE: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
  RATIO: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
};

/** Russian typography writes a minus sign, not a hyphen: «−5,5». */
function withMinus(text: string): string {
  return text.replace('-', MINUS);
}

/** 34.5 → «34,5 %», 4.25 → «4,25»; no value → «—». */
export function formatIndicatorValue(value: number | null | undefined, unit: IndicatorUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = withMinus(valueFormats[unit].format(value));
  return unit === 'PERCENT' ? `${text}${NBSP}%` : text;
}

/** A difference from the target: shares in percentage points (п.п.), others as numbers. */
export function formatIndicatorGap(gap: number | null | undefined, unit: IndicatorUnit): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return '—';
  const text = withMinus(gapFormats[unit].format(gap));
  return unit === 'PERCENT' ? `${text}${NBSP}п.п.` : text;
}

/** Whether a value reaches its target: the card and the table colour it by this. */
export type GapTone = 'reached' | 'behind';

export function gapTone(gap: number | null | undefined): GapTone | null {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return null;
  return gap >= 0 ? 'reached' : 'behind';
}

/** «целевое значение достигнуто» / «ниже целевого на 5,5 п.п.»: the gap in words, for the card. */
export function gapText(gap: number | null, unit: IndicatorUnit): string {
  if (gap === null || !Number.isFinite(gap)) return 'целевое значение не задано';
  if (gap === 0) return 'целевое значение достигнуто';
  const amount = valueFormats[unit].format(Math.abs(gap));
  const difference = unit === 'PERCENT' ? `${amount}${NBSP}п.п.` : amount;
  return gap > 0 ? `выше целевого на ${difference}` : `ниже целевого на ${difference}`;
}

/** The figures behind a value: «1 234 из 5 678» for a share, «1 234 / 5 678» otherwise. */
export function fractionText(value: Pick<IndicatorValue, 'numerator' | 'denominator' | 'unit'>): string {
  const numerator = formatNumber(value.numerator);
  const denominator = value.denominator === null ? 'нет данных' : formatNumber(value.denominator);
  return value.unit === 'PERCENT' ? `${numerator} из ${denominator}` : `${numerator} / ${denominator}`;
}

/** The «данные неполные» badge's explanation: how many organisations reported the denominator. */
export function completenessText(
  value: Pick<IndicatorValue, 'reportedOrganizations' | 'organizations'>,
): string {
  return `данные представили ${formatNumber(value.reportedOrganizations)} из ${formatCount(value.organizations, NOUNS.organization)}`;
}

/** The XLSX number format of an indicator's value: one decimal for shares, two for the rest. */
export function valueNumberFormat(unit: IndicatorUnit): string {
  return unit === 'PERCENT' ? '0.0' : '0.00';
}

/** A column header with its unit: «Доля наставляемых, %». */
export function headerWithUnit(name: string, unit: IndicatorUnit): string {
  return unit === 'PERCENT' ? `${name}, %` : name;
}

// ── What the page reads from its URL ───────────────────────────────────────────────────────────

/**
 * The year and date a page asks the API for: `?year=2025` (учебный год 2025/2026; default the
 * current one) and `?on=2026-01-01` (the date ages are counted on; default the API's own, the
 * 1st of January of the year as in form ОО-1).
 */
export interface IndicatorPeriod {
  year: number;
  on: string | null;
  today: string;
  yearOptions: number[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseIndicatorPeriod(url: URL, now: Date = new Date()): IndicatorPeriod {
  const today = todayIso(now);
  const yearOptions = academicYearOptions(today);
  const requested = Number(url.searchParams.get('year'));
  const on = url.searchParams.get('on') ?? '';
  return {
    year: yearOptions.includes(requested) ? requested : academicYearOf(today),
    on: ISO_DAY.test(on) && !Number.isNaN(Date.parse(on)) ? on : null,
    today,
    yearOptions,
  };
}

/**
 * The indicator columns a table shows unless the user chooses others, the first of them charted:
 * the first common definitions, which ship with the system and every unit has. They are named
 * here, not taken from the rollup, so that a page can ask the API for its table's columns in the
 * same request that brings it the definitions.
 */
export const DEFAULT_COLUMNS = [
  'PUPILS_10_18_MENTEES',
  'YOUTH_15_19_MENTORS',
  'YOUNG_TEACHERS_MENTEES',
  'PARTNERS_PROVIDING_MENTORS',
] as const;

/** The codes of `col=A,B` (or of one `col` per checkbox, as the view form sends them). */
function columnCodes(params: URLSearchParams): string[] {
  return params
    .getAll('col')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
}

/**
 * Which indicator the chart draws (`?indicator=CODE`, default the first default column) and which
 * indicators the table has columns for (`?col=A,B`, in the API's order; default `DEFAULT_COLUMNS`).
 * Unknown codes are dropped; the charted indicator always has a column.
 */
export interface IndicatorChoice {
  indicator: string | null;
  columns: string[];
}

export function parseIndicatorChoice(params: URLSearchParams, codes: readonly string[]): IndicatorChoice {
  const defaults = DEFAULT_COLUMNS.filter((code) => codes.includes(code));
  const requested = params.get('indicator');
  const indicator = requested && codes.includes(requested) ? requested : (defaults[0] ?? null);
  const asked = columnCodes(params);
  let columns = codes.filter((code) => asked.includes(code));
  if (columns.length === 0) columns = defaults;
  if (indicator && !columns.includes(indicator)) {
    columns = codes.filter((code) => code === indicator || columns.includes(code));
  }
  return { indicator, columns };
}

/**
 * The indicators a page asks the API for in its children's rows, before it knows which ones the
 * unit has: the URL's columns and charted indicator, or the defaults — all that
 * `parseIndicatorChoice` can choose once the rollup says every one of them is known.
 */
export function childIndicatorCodes(params: URLSearchParams): string[] {
  const asked = columnCodes(params);
  const indicator = params.get('indicator') || DEFAULT_COLUMNS[0];
  return [...new Set([...(asked.length > 0 ? asked : DEFAULT_COLUMNS), indicator])];
}

/**
 * The view form's checkboxes send one `col` per chosen indicator; the page keeps them as one
 * `col=A,B` so that links, the search form and the export, which carry one value per parameter,
 * keep them all. Returns the URL to redirect to, or null when it is already so.
 */
export function canonicalColumnsHref(url: URL): string | null {
  if (url.searchParams.getAll('col').length < 2) return null;
  const params = new URLSearchParams(url.searchParams);
  params.set('col', columnCodes(url.searchParams).join(','));
  return `${url.pathname}?${params.toString()}`;
}

/** Narrowing the table: search by name or code, below the target, incomplete data. */
export interface IndicatorFilters {
  search: string;
  /** Only units whose charted indicator is below its target. */
  belowTarget: boolean;
  /** Only units whose charted indicator rests on incomplete data. */
  incomplete: boolean;
}

export function parseIndicatorFilters(params: URLSearchParams, search: string): IndicatorFilters {
  return { search, belowTarget: params.get('below') === '1', incomplete: params.get('incomplete') === '1' };
}

/** The URL parameters that carry a view from page to page (drill-down, export, other year). */
export const VIEW_PARAMS = ['year', 'on', 'indicator', 'col'] as const;

/** The parameters of the table as the XLSX export repeats them: the view, the filters and order. */
export const EXPORT_VIEW_PARAMS = [...VIEW_PARAMS, 'q', 'below', 'incomplete', 'sort', 'dir'] as const;

/**
 * `year=…&indicator=…&col=…` for a link from this page to another unit's: drilling down keeps the
 * year (always written out, so the link means the same next year) and the chosen indicators, but
 * not the search, filters or order, which were about the units of this page.
 */
export function viewQuery(params: URLSearchParams, year: number): string {
  const kept = new URLSearchParams({ year: String(year) });
  for (const name of VIEW_PARAMS) {
    const value = params.get(name);
    if (name !== 'year' && value) kept.set(name, value);
  }
  return kept.toString();
}

// ── The table of child units ───────────────────────────────────────────────────────────────────

/** A row of the table: a child unit with its values by indicator code (the totals row: the unit itself). */
export interface IndicatorRow {
  code: string;
  name: string;
  values: Readonly<Record<string, ChildValue>>;
}

export function indicatorRow(unit: ReportingUnit, values: readonly ChildValue[]): IndicatorRow {
  return {
    code: unit.code ?? '',
    name: unit.name,
    values: Object.fromEntries(values.map((value) => [value.code, value])),
  };
}

export function childRows(children: readonly UnitIndicators[]): IndicatorRow[] {
  return children.map((child) => indicatorRow(child.unit, child.values));
}

export function filterIndicatorRows(
  rows: readonly IndicatorRow[],
  filters: IndicatorFilters,
  indicator: string | null,
): IndicatorRow[] {
  const needle = filters.search.trim().toLocaleLowerCase('ru');
  return rows.filter((row) => {
    const value = indicator ? row.values[indicator] : undefined;
    if (filters.belowTarget && gapTone(value?.gap) !== 'behind') return false;
    if (filters.incomplete && (!value || value.complete)) return false;
    return !needle || [row.name, row.code].some((text) => text.toLocaleLowerCase('ru').includes(needle));
  });
}

/** An indicator as a table column needs it: its code, name and unit. */
export type IndicatorHeading = Pick<IndicatorValue, 'code' | 'name' | 'unit'>;

/** The cell of an indicator: its value in Russian, with «*» where the data are incomplete. */
export function indicatorCellText(value: ChildValue | undefined, unit: IndicatorUnit): string {
  if (!value) return '—';
  const text = formatIndicatorValue(value.value, unit);
  return value.complete ? text : `${text}${NBSP}*`;
}

/** The table's columns: the unit's code and name, then one column per chosen indicator. */
export function indicatorColumns(
  headers: ChildHeaders,
  indicators: readonly IndicatorHeading[],
): Column<IndicatorRow>[] {
  return [
    { key: 'code', header: headers.code, value: (row) => row.code, identifier: true },
    { key: 'name', header: headers.name, value: (row) => row.name },
    ...indicators.map((indicator): Column<IndicatorRow> => ({
      key: indicator.code,
      header: headerWithUnit(indicator.name, indicator.unit),
      value: (row): SortValue => row.values[indicator.code]?.value ?? null,
      text: (row) => indicatorCellText(row.values[indicator.code], indicator.unit),
      numeric: true,
      numberFormat: valueNumberFormat(indicator.unit),
    })),
  ];
}

/**
 * The XLSX columns: code and name, then for each indicator its value, numerator and denominator,
 * so that an analyst can check a share or add units up again without asking the system.
 */
export function indicatorExportColumns(
  headers: ChildHeaders,
  indicators: readonly IndicatorHeading[],
): Column<IndicatorRow>[] {
  return [
    { key: 'code', header: headers.code, value: (row) => row.code, identifier: true },
    { key: 'name', header: headers.name, value: (row) => row.name },
    ...indicators.flatMap((indicator): Column<IndicatorRow>[] => [
      {
        key: indicator.code,
        header: headerWithUnit(indicator.name, indicator.unit),
        value: (row) => row.values[indicator.code]?.value ?? null,
        numeric: true,
        numberFormat: valueNumberFormat(indicator.unit),
      },
      {
        key: `${indicator.code}:numerator`,
        header: `${indicator.name}: числитель`,
        value: (row) => row.values[indicator.code]?.numerator ?? null,
        numeric: true,
        numberFormat: indicator.unit === 'AVERAGE' ? '#,##0.00' : '#,##0',
      },
      {
        key: `${indicator.code}:denominator`,
        header: `${indicator.name}: знаменатель`,
        value: (row) => row.values[indicator.code]?.denominator ?? null,
        numeric: true,
      },
    ]),
  ];
}

// ── The chart ──────────────────────────────────────────────────────────────────────────────────

export interface IndicatorBar {
  code: string;
  /** The unit's name, made unique with its code where two units share a name (the chart's axis). */
  label: string;
  value: number;
}

/**
 * Bars of one indicator, largest first; units without a value are not drawn as zero but
 * returned apart, for the line under the chart that names them.
 */
export function indicatorBars(
  rows: readonly IndicatorRow[],
  indicator: string,
): { bars: IndicatorBar[]; withoutValue: IndicatorRow[] } {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.name, (counts.get(row.name) ?? 0) + 1);
  const bars: IndicatorBar[] = [];
  const withoutValue: IndicatorRow[] = [];
  for (const row of rows) {
    const value = row.values[indicator]?.value;
    if (value === null || value === undefined) {
      withoutValue.push(row);
      continue;
    }
    const label = (counts.get(row.name) ?? 0) > 1 ? `${row.name} (${row.code})` : row.name;
    bars.push({ code: row.code, label, value });
  }
  bars.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'ru'));
  return { bars, withoutValue };
}

/** The target line of the chart: drawn only when every drawn unit has the same target. */
export function commonTarget(rows: readonly IndicatorRow[], indicator: string): number | null {
  const targets = new Set(
    rows
      .map((row) => row.values[indicator])
      .filter((value) => value?.value !== null && value?.value !== undefined)
      .map((value) => value?.target ?? null),
  );
  if (targets.size !== 1) return null;
  return [...targets][0];
}

// ── The trend over years ───────────────────────────────────────────────────────────────────────

export interface TrendPoint {
  year: number;
  value: number | null;
}

/** One indicator's values by academic year, oldest first. */
export function trendSeries(trend: readonly IndicatorYear[], code: string): TrendPoint[] {
  return trend
    .map((year) => ({
      year: year.academicYear,
      value: year.values.find((value) => value.code === code)?.value ?? null,
    }))
    .sort((a, b) => a.year - b.year);
}

export interface Sparkline {
  /** An SVG path; a year without a value breaks the line. */
  path: string;
  points: { x: number; y: number; year: number; value: number }[];
  /** Where the target's line runs, when there is one. */
  targetY: number | null;
}

/**
 * A sparkline of a series in a `width` × `height` box: years evenly spaced, values from zero (or
 * the lowest one, if negative) to the highest of the values and the target.
 */
export function sparkline(
  series: readonly TrendPoint[],
  box: { width: number; height: number; padding?: number },
  target: number | null = null,
): Sparkline {
  const padding = box.padding ?? 3;
  const known = series.flatMap((point) => (point.value === null ? [] : [point.value]));
  const scale = [...known, ...(target === null ? [] : [target])];
  if (known.length === 0) return { path: '', points: [], targetY: null };
  const low = Math.min(0, ...scale);
  const high = Math.max(...scale);
  const span = high - low || 1;
  const step = series.length > 1 ? (box.width - 2 * padding) / (series.length - 1) : 0;
  const round = (coordinate: number) => Math.round(coordinate * 10) / 10;
  const yOf = (value: number) =>
    round(box.height - padding - ((value - low) / span) * (box.height - 2 * padding));
  const points: Sparkline['points'] = [];
  let path = '';
  let drawing = false;
  series.forEach((point, index) => {
    if (point.value === null) {
      drawing = false;
      return;
    }
    const x = round(series.length > 1 ? padding + index * step : box.width / 2);
    const y = yOf(point.value);
    path += `${path ? ' ' : ''}${drawing ? 'L' : 'M'}${x} ${y}`;
    drawing = true;
    points.push({ x, y, year: point.year, value: point.value });
  });
  return { path, points, targetY: target === null ? null : yOf(target) };
}
