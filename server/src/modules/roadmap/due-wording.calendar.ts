import type { DueWindow } from './due-wording.types.js';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' without checking that the day exists: for days computed from a month's length. */
export function dayString(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' of a calendar day, or undefined when there is no such day (31.02, month 13). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return dayString(year, month, day);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthWindow(year: number, firstMonth: number, lastMonth = firstMonth): DueWindow {
  return {
    from: dayString(year, firstMonth, 1),
    to: dayString(year, lastMonth, lastDayOfMonth(year, lastMonth)),
  };
}

export function yearOf(isoDay: string): number {
  return Number(isoDay.slice(0, 4));
}

/** Whole days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** '2020-09-05' → '05.09.2020', the way the roadmaps write dates. */
export function russianDate(isoDay: string): string {
  return isoDay.split('-').reverse().join('.');
}

export function overlaps(a: DueWindow, b: DueWindow): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Sorts windows and joins those that overlap or touch («сентябрь, октябрь» is one stretch of work). */
export function mergeWindows(windows: DueWindow[]): DueWindow[] {
  const sorted = [...windows].sort((a, b) => a.from.localeCompare(b.from));
  const merged: DueWindow[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && daysBetween(last.to, window.from) <= 1) {
      if (window.to > last.to) last.to = window.to;
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}
