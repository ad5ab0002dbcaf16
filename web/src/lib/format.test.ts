import { describe, expect, it } from 'vitest';
import {
  formatAcademicYear,
  formatCount,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatPercent,
  isIsoDay,
  NOUNS,
  pluralize,
} from './format';

describe('formatNumber', () => {
  it('groups thousands with no-break spaces, as Russian documents do', () => {
    expect(formatNumber(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatNumber(43)).toBe('43');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('pluralize', () => {
  it.each([
    [1, 'субъект РФ'],
    [2, 'субъекта РФ'],
    [4, 'субъекта РФ'],
    [5, 'субъектов РФ'],
    [11, 'субъектов РФ'],
    [12, 'субъектов РФ'],
    [21, 'субъект РФ'],
    [22, 'субъекта РФ'],
    [89, 'субъектов РФ'],
    [0, 'субъектов РФ'],
  ])('%i → %s', (count, expected) => {
    expect(pluralize(count, NOUNS.region)).toBe(expected);
  });
});

describe('formatCount', () => {
  it('joins the formatted number and the agreeing noun', () => {
    expect(formatCount(43, NOUNS.organization)).toBe('43\u00a0образовательные организации');
    expect(formatCount(1001, NOUNS.municipality)).toBe('1\u00a0001\u00a0муниципальное образование');
    expect(formatCount(10, NOUNS.municipality)).toBe('10\u00a0муниципальных образований');
  });
});

describe('formatPercent', () => {
  it('writes a share as Russian percent with one decimal at most', () => {
    expect(formatPercent(1 / 17)).toBe('5,9\u00a0%');
    expect(formatPercent(0.5)).toBe('50\u00a0%');
    expect(formatPercent(1)).toBe('100\u00a0%');
    expect(formatPercent(0)).toBe('0\u00a0%');
  });

  it('shows a dash when there is nothing to measure yet', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('Russian dates', () => {
  it('writes a day as ДД.ММ.ГГГГ', () => {
    expect(formatDate('2025-06-20')).toBe('20.06.2025');
    expect(formatDate('2026-01-05T10:00:00Z')).toBe('05.01.2026');
    expect(formatDate(null)).toBe('—');
  });

  it('writes a period with a dash and a single day once', () => {
    expect(formatDateRange('2025-09-01', '2025-10-31')).toBe('01.09.2025\u00a0– 31.10.2025');
    expect(formatDateRange('2025-09-05', '2025-09-05')).toBe('05.09.2025');
  });

  it('writes a moment in Moscow time and says so', () => {
    expect(formatDateTime('2026-11-22T10:57:03.261Z')).toBe('22.11.2026, 13:57\u00a0МСК');
    expect(formatDateTime('2025-12-31T22:30:00Z')).toBe('01.01.2026, 01:30\u00a0МСК');
    expect(formatDateTime(null)).toBe('—');
  });

  it('names an academic year by both its calendar years', () => {
    expect(formatAcademicYear(2025)).toBe('2025/2026');
  });

  it('accepts only real calendar days as ГГГГ-ММ-ДД', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-13-01')).toBe(false);
    expect(isIsoDay('15.01.2026')).toBe(false);
    expect(isIsoDay('')).toBe(false);
  });
});
