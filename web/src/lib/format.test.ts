import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, NOUNS, pluralize } from './format';

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
