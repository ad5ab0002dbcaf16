import { isIsoDay } from '$lib/format';

/**
 * Small checks shared by the mentoring forms, worded as the API words its refusals, so a message
 * reads the same whether the browser caught the mistake or the server did.
 */

/** Field name → message; a field without an entry is fine. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;

/** A real calendar day, not after `today` (both ГГГГ-ММ-ДД, as a date input gives them). */
export function pastDayError(value: string, today: string): string | undefined {
  if (!isIsoDay(value)) return 'дата в формате ДД.ММ.ГГГГ';
  if (value > today) return 'дата не может быть в будущем';
  return undefined;
}

/** Full years between a birth date and a day, both ГГГГ-ММ-ДД (the API's `ageOn`). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A whole number typed in a field; null for blank, NaN for anything else. */
export function wholeNumber(value: string): number | null {
  const text = value.trim();
  if (!text) return null;
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** A list typed one item per line or separated by «;» or «,» (компетенции, темы запроса). */
export function listOf(value: string): string[] {
  return value
    .split(/[\n;,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export const orNull = (value: string): string | null => value.trim() || null;

/** A checkbox posted as «1» (or «on» without a value); a missing box is unchecked. */
export const isChecked = (value: string): boolean => value === '1' || value === 'on' || value === 'true';

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Drops the fields whose checks passed, so `{}` means the form is fine. */
export function compact<Field extends string>(errors: FieldErrors<Field>): FieldErrors<Field> {
  return Object.fromEntries(
    Object.entries(errors).filter(([, message]) => Boolean(message)),
  ) as FieldErrors<Field>;
}

/** Longest free text the API takes in notes, feedback and reasons. */
export const MAX_NOTES_LENGTH = 2000;

export function lengthError(value: string, max = MAX_NOTES_LENGTH): string | undefined {
  const length = value.trim().length;
  return length > max ? `не длиннее ${max} знаков, передано ${length}` : undefined;
}
