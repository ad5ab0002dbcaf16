import { cleanText, type RawCell } from './spreadsheet-reader.js';

/** A date as the ISO day (ГГГГ-ММ-ДД) it falls on in UTC, where exceljs puts a date cell's day. */
export function isoDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A cell's text for a column that may hold dates: a date cell as its ISO day, anything else as
 * written, cleaned of stray spaces. A typed date and the same date as text then compare equal.
 */
export function textOfCell(cell: RawCell): string {
  return cell instanceof Date ? isoDayOf(cell) : cleanText(String(cell));
}

/** ДД.ММ.ГГГГ, ГГГГ-ММ-ДД or a date cell, as an ISO day; undefined when the text is no date. */
export function dayOfCell(cell: RawCell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : isoDayOf(cell);
  const text = cleanText(String(cell));
  const russian = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s*г\.?)?$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = russian
    ? [russian[3]!, russian[2]!, russian[1]!]
    : iso
      ? [iso[1]!, iso[2]!, iso[3]!]
      : [];
  if (!year) return undefined;
  const value = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  // «31.02.2025» makes a valid Date of 3 March: only a day that reads back the same is one.
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || isoDayOf(parsed) !== value ? undefined : value;
}
