import { dayString, isoDate, lastDayOfMonth, monthWindow, yearOf } from './due-wording.calendar.js';
import type { DueContext, DueWindow } from './due-wording.types.js';

/**
 * One moment or stretch a roadmap names without prefixes: a day, a month, a week of a month,
 * a half-year, a quarter or whole years. Its year may be left to the neighbours or the period.
 */
export interface DuePoint {
  /** As written (normalised), for problem messages. */
  text: string;
  /** Absent when the wording leaves the year out («октябрь», «1 неделя ноября»). */
  year?: number;
  /** The first month it covers: orders a yearless point against a later one that has a year. */
  month: number;
  /** Only a single day can follow «до» without doubt whether that day is included. */
  isDay: boolean;
  /** Its window in the given year; undefined when that year has no such day or week. */
  windowIn(year: number): DueWindow | undefined;
  /** When it answers, this replaces year inference from the period (school half-years). */
  windowInPeriod?(context: DueContext): DueWindow | undefined;
}

const MONTH =
  '(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';
/** In calendar order; «март» comes before «ма», so the first stem a month word starts with is its own. */
const MONTH_STEMS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const YEAR = '(?: (\\d{4}))?';
const NUMERIC_DATE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?$/;
const WORDED_DATE = new RegExp(`^(\\d{1,2}) ${MONTH}${YEAR}$`);
const MONTH_OF_YEAR = new RegExp(`^${MONTH}${YEAR}$`);
const WEEK_OF_MONTH = new RegExp(`^(\\S+) недел[яеи] ${MONTH}${YEAR}$`);
const HALF_YEAR = new RegExp(`^(\\S+) полугоди[еия]${YEAR}$`);
const QUARTER = new RegExp(`^(\\S+) квартал[ае]?${YEAR}$`);
const ACADEMIC_YEARS = /^(\d{4})(?:[-/](\d{4}))? учебн\S+ год\S*$/;
const CALENDAR_YEAR = /^(\d{4})$/;
const ORDINAL_STEMS = ['перв', 'втор', 'трет', 'четверт', 'пят'];
const ROMAN_NUMERALS = ['i', 'ii', 'iii', 'iv', 'v'];
const LAST_WEEK = 'last';

/** Reads one point, or undefined when the text is not one. */
export function parsePoint(text: string): DuePoint | undefined {
  return (
    numericDate(text) ??
    wordedDate(text) ??
    monthOfYear(text) ??
    weekOfMonth(text) ??
    halfYear(text) ??
    quarter(text) ??
    academicYears(text) ??
    calendarYear(text)
  );
}

function numericDate(text: string): DuePoint | undefined {
  const match = NUMERIC_DATE.exec(text);
  return match ? dayPoint(text, Number(match[1]), Number(match[2]), optionalYear(match[3])) : undefined;
}

function wordedDate(text: string): DuePoint | undefined {
  const match = WORDED_DATE.exec(text);
  return match ? dayPoint(text, Number(match[1]), monthNumber(match[2]), optionalYear(match[3])) : undefined;
}

function dayPoint(text: string, day: number, month: number, year?: number): DuePoint {
  return {
    text,
    year,
    month,
    isDay: true,
    windowIn: (inYear) => {
      const date = isoDate(inYear, month, day);
      return date === undefined ? undefined : { from: date, to: date };
    },
  };
}

function monthOfYear(text: string): DuePoint | undefined {
  const match = MONTH_OF_YEAR.exec(text);
  if (!match) return undefined;
  const month = monthNumber(match[1]);
  return {
    text,
    year: optionalYear(match[2]),
    month,
    isDay: false,
    windowIn: (inYear) => monthWindow(inYear, month),
  };
}

function weekOfMonth(text: string): DuePoint | undefined {
  const match = WEEK_OF_MONTH.exec(text);
  if (!match) return undefined;
  const week = match[1].startsWith('последн') ? LAST_WEEK : ordinalOf(match[1], 5);
  if (week === undefined) return undefined;
  const month = monthNumber(match[2]);
  return {
    text,
    year: optionalYear(match[3]),
    month,
    isDay: false,
    windowIn: (inYear) => weekWindow(inYear, month, week),
  };
}

/**
 * «1 неделя ноября» is days 1–7 of the month, not the first Monday-to-Sunday week: roadmaps count
 * weeks within the month, and the two readings never differ by a whole week.
 */
function weekWindow(year: number, month: number, week: number | typeof LAST_WEEK): DueWindow | undefined {
  const lastDay = lastDayOfMonth(year, month);
  const firstDay = week === LAST_WEEK ? lastDay - 6 : (week - 1) * 7 + 1;
  if (firstDay > lastDay) return undefined;
  return {
    from: dayString(year, month, firstDay),
    to: dayString(year, month, Math.min(firstDay + 6, lastDay)),
  };
}

function halfYear(text: string): DuePoint | undefined {
  const match = HALF_YEAR.exec(text);
  const half = match ? ordinalOf(match[1], 2) : undefined;
  if (!match || half === undefined) return undefined;
  return {
    text,
    year: optionalYear(match[2]),
    month: half === 1 ? 1 : 7,
    isDay: false,
    windowIn: (inYear) => (half === 1 ? monthWindow(inYear, 1, 6) : monthWindow(inYear, 7, 12)),
    windowInPeriod: (context) => academicHalfYear(context, half),
  };
}

/**
 * Without a year, a school's «I полугодие» is the autumn half of its academic year, not
 * January–June; the second half ends with lessons in May, not with the period in August.
 */
function academicHalfYear(context: DueContext, half: number): DueWindow | undefined {
  const start = academicYearStart(context);
  if (start === undefined) return undefined;
  return half === 1 ? monthWindow(start, 9, 12) : monthWindow(start + 1, 1, 5);
}

function academicYearStart(context: DueContext): number | undefined {
  const start = yearOf(context.periodFrom);
  const isOneAcademicYear =
    context.periodFrom === dayString(start, 9, 1) && context.periodTo === dayString(start + 1, 8, 31);
  return isOneAcademicYear ? start : undefined;
}

function quarter(text: string): DuePoint | undefined {
  const match = QUARTER.exec(text);
  const number = match ? ordinalOf(match[1], 4) : undefined;
  if (!match || number === undefined) return undefined;
  const firstMonth = number * 3 - 2;
  return {
    text,
    year: optionalYear(match[2]),
    month: firstMonth,
    isDay: false,
    windowIn: (inYear) => monthWindow(inYear, firstMonth, firstMonth + 2),
  };
}

/** «2020-2021 учебный год» runs from 1 September to 31 August; a span of them likewise. */
function academicYears(text: string): DuePoint | undefined {
  const match = ACADEMIC_YEARS.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const length = match[2] === undefined ? 1 : Number(match[2]) - first;
  if (length < 1) return undefined;
  return {
    text,
    year: first,
    month: 9,
    isDay: false,
    windowIn: (inYear) => ({ from: dayString(inYear, 9, 1), to: dayString(inYear + length, 8, 31) }),
  };
}

function calendarYear(text: string): DuePoint | undefined {
  const match = CALENDAR_YEAR.exec(text);
  if (!match) return undefined;
  return {
    text,
    year: Number(match[1]),
    month: 1,
    isDay: false,
    windowIn: (inYear) => monthWindow(inYear, 1, 12),
  };
}

/** «1», «1-я», «i», «первая», «первом» → 1; undefined outside 1..max. */
function ordinalOf(word: string, max: number): number | undefined {
  const digits = /^(\d)(?:-?[а-я]{1,3})?$/.exec(word);
  const roman = ROMAN_NUMERALS.indexOf(word) + 1;
  const stem = ORDINAL_STEMS.findIndex((ordinal) => word.startsWith(ordinal)) + 1;
  const number = digits ? Number(digits[1]) : roman || stem;
  return number >= 1 && number <= max ? number : undefined;
}

function monthNumber(word: string): number {
  return MONTH_STEMS.findIndex((stem) => word.startsWith(stem)) + 1;
}

function optionalYear(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : Number(digits);
}
