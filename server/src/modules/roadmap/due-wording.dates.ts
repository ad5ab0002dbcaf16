import { mergeWindows, overlaps, russianDate, yearOf } from './due-wording.calendar.js';
import { parsePoint, type DuePoint } from './due-wording.points.js';
import type { DueContext, DueWindow } from './due-wording.types.js';

export type DatesOutcome = { windows: DueWindow[] } | { problem: string };

/** One entry of a list: a point, a span of two points, or a deadline («до», «не позднее»). */
interface DueItem {
  text: string;
  start: DuePoint;
  end?: DuePoint;
  deadline: boolean;
}

interface Problem {
  problem: string;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2099;
const LIST_SEPARATOR = / ?[,;] ?| и /;
const FROM_TO = /^с (.+) (?:по|до) (.+)$/;
const PREFIX = /^(до конца|не позднее|в течение|до|в) (.+)$/;
const DEADLINE_PREFIXES = ['до', 'до конца', 'не позднее'];

/** Reads a normalised wording made of dates, months, weeks… into merged windows. */
export function parseDates(text: string, context: DueContext): DatesOutcome {
  const badYear = implausibleYear(text);
  if (badYear !== undefined) {
    return { problem: `Год «${badYear}» вне допустимого диапазона ${MIN_YEAR}–${MAX_YEAR}` };
  }
  const items: DueItem[] = [];
  for (const part of text.split(LIST_SEPARATOR)) {
    const item = parseItem(part);
    if ('problem' in item) return item;
    items.push(item);
  }
  const pointWindows = resolvePoints(
    items.flatMap((item) => (item.end ? [item.start, item.end] : [item.start])),
    context,
  );
  if ('problem' in pointWindows) return pointWindows;
  return itemWindows(items, pointWindows, context);
}

/** A mistyped year («20200», «2202») would otherwise make an item due centuries away. */
function implausibleYear(text: string): string | undefined {
  return text
    .match(/\d{4,}/g)
    ?.find((digits) => digits.length > 4 || Number(digits) < MIN_YEAR || Number(digits) > MAX_YEAR);
}

function parseItem(text: string): DueItem | Problem {
  const fromTo = FROM_TO.exec(text);
  if (fromTo) {
    const [start, end] = [parsePoint(fromTo[1]), parsePoint(fromTo[2])];
    return start && end ? { text, start, end, deadline: false } : unrecognised(text);
  }
  const [, prefix, rest] = PREFIX.exec(text) ?? [undefined, undefined, text];
  const span = parseSpan(rest);
  if (!span) return unrecognised(text);
  const deadline = prefix !== undefined && DEADLINE_PREFIXES.includes(prefix);
  if (deadline && span.end) return unrecognised(text);
  // «до мая» may or may not include May; only «до» a day is unambiguous.
  if (prefix === 'до' && !span.start.isDay) {
    return {
      problem: `Неясно, входит ли конец срока в «${text}»: укажите дату («до 01.05.2021») или «не позднее …»`,
    };
  }
  return { text, ...span, deadline };
}

/** A single point, or two joined by a dash («май-июнь 2021», «сентябрь 2020-май 2021»). */
function parseSpan(text: string): Pick<DueItem, 'start' | 'end'> | undefined {
  const whole = parsePoint(text);
  if (whole) return { start: whole };
  for (let dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
    const [start, end] = [parsePoint(text.slice(0, dash)), parsePoint(text.slice(dash + 1))];
    if (start && end) return { start, end };
  }
  return undefined;
}

/**
 * Windows of the points, in order. A yearless point takes its year from the next point that has
 * one («сентябрь, октябрь 2020», «май-июнь 2021») — the year before when its month comes later,
 * since lists and spans run forward («ноябрь-февраль 2021»); with no such point, from the period.
 */
function resolvePoints(points: DuePoint[], context: DueContext): DueWindow[] | Problem {
  const windows: DueWindow[] = [];
  let anchor: { year: number; month: number } | undefined;
  for (const point of [...points].reverse()) {
    const year = point.year ?? (anchor && (point.month > anchor.month ? anchor.year - 1 : anchor.year));
    const window = year === undefined ? windowInPeriod(point, context) : windowInYear(point, year);
    if ('problem' in window) return window;
    windows.unshift(window);
    if (year !== undefined) anchor = { year, month: point.month };
  }
  return windows;
}

function windowInYear(point: DuePoint, year: number): DueWindow | Problem {
  return point.windowIn(year) ?? noSuchDate(point);
}

/** The only occurrence of the point that falls in the period; none or several is the curator's call. */
function windowInPeriod(point: DuePoint, context: DueContext): DueWindow | Problem {
  const fixed = point.windowInPeriod?.(context);
  if (fixed) return fixed;
  const period = { from: context.periodFrom, to: context.periodTo };
  const years = Array.from(
    { length: yearOf(period.to) - yearOf(period.from) + 3 },
    (_, i) => yearOf(period.from) - 1 + i,
  );
  const existing = years.flatMap((year) => point.windowIn(year) ?? []);
  if (existing.length === 0) return noSuchDate(point);
  const inPeriod = existing.filter((window) => overlaps(window, period));
  if (inPeriod.length === 1) return inPeriod[0];
  const periodText = `${russianDate(period.from)}–${russianDate(period.to)}`;
  return {
    problem:
      inPeriod.length === 0
        ? `Не указан год, а «${point.text}» не попадает в период дорожной карты ${periodText}`
        : `Не указан год, а «${point.text}» встречается в периоде дорожной карты ${periodText} несколько раз: укажите год`,
  };
}

function itemWindows(items: DueItem[], pointWindows: DueWindow[], context: DueContext): DatesOutcome {
  const windows: DueWindow[] = [];
  let cursor = 0;
  for (const item of items) {
    const start = pointWindows[cursor++];
    const end = item.end ? pointWindows[cursor++] : start;
    if (end.to < start.from) return { problem: `Конец срока раньше начала: «${item.text}»` };
    // A deadline leaves the work free to start with the roadmap; a deadline set before the
    // period began (drafting the roadmap itself) is just that day or month.
    const from = item.deadline && context.periodFrom < start.from ? context.periodFrom : start.from;
    windows.push({ from, to: end.to });
  }
  return { windows: mergeWindows(windows) };
}

function noSuchDate(point: DuePoint): Problem {
  return { problem: `Такой даты нет в календаре: «${point.text}»` };
}

function unrecognised(text: string): Problem {
  return { problem: `Не удалось распознать срок: «${text}»` };
}
