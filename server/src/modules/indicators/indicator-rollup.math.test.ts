import { describe, expect, it } from 'vitest';
import type { IndicatorUnit } from './indicator-definition.types.js';
import {
  addMeasures,
  indicatorValue,
  targetInForce,
  type IndicatorFormula,
} from './indicator-rollup.math.js';

// A type-only import: the pure math runs without the GraphQL decorators' metadata.
const PERCENT = 'PERCENT' as IndicatorUnit;

const PUPILS: IndicatorFormula = {
  code: 'PUPILS_10_18_MENTEES',
  name: 'Доля обучающихся 10–18 лет',
  unit: PERCENT,
  numerator: 'mentees_pupils_10_18',
  denominator: 'pupils_10_18',
  scale: 100,
  targets: [],
};

const SATISFACTION: IndicatorFormula = {
  code: 'SATISFACTION',
  name: 'Удовлетворённость',
  unit: 'AVERAGE' as IndicatorUnit,
  numerator: 'feedback_score_sum',
  denominator: 'feedback_count',
  scale: 1,
  targets: [],
};

describe('targets in force', () => {
  const targets = [
    { academicYear: 2024, regionId: null, value: 70 },
    { academicYear: 2026, regionId: null, value: 75 },
    { academicYear: 2025, regionId: 28, value: 80 },
  ];

  it('holds a target from its year until a later one replaces it', () => {
    expect(targetInForce(targets, 2023, null)).toBeNull();
    expect(targetInForce(targets, 2024, null)).toBe(70);
    expect(targetInForce(targets, 2025, null)).toBe(70);
    expect(targetInForce(targets, 2026, null)).toBe(75);
    expect(targetInForce(targets, 2030, null)).toBe(75);
  });

  it("takes the region's own target from its year on, and the common one before it", () => {
    expect(targetInForce(targets, 2024, 28)).toBe(70);
    expect(targetInForce(targets, 2025, 28)).toBe(80);
    // The region's own target keeps holding when a later common one appears.
    expect(targetInForce(targets, 2026, 28)).toBe(80);
    expect(targetInForce(targets, 2026, 52)).toBe(75);
  });
});

describe('indicator values', () => {
  it('divides the sums, never averages the shares', () => {
    // School A: 9 of 10 pupils, school B: 1 of 90 → (9 + 1) / (10 + 90) = 10 %, not (90 % + 1.1 %) / 2.
    const a = { organizations: 1, mentees_pupils_10_18: 9, pupils_10_18: 10, pupils_10_18_reported: 1 };
    const b = { organizations: 1, mentees_pupils_10_18: 1, pupils_10_18: 90, pupils_10_18_reported: 1 };
    expect(indicatorValue(PUPILS, addMeasures([a, b]), 70)).toEqual({
      code: 'PUPILS_10_18_MENTEES',
      name: 'Доля обучающихся 10–18 лет',
      unit: PERCENT,
      numerator: 10,
      denominator: 100,
      value: 10,
      target: 70,
      gap: -60,
      complete: true,
      reportedOrganizations: 2,
      organizations: 2,
    });
  });

  it('is incomplete over the reporting schools only when some did not report the contingent', () => {
    const measures = {
      organizations: 3,
      mentees_pupils_10_18: 12,
      mentees_pupils_10_18_where_pupils_10_18_reported: 8,
      pupils_10_18: 40,
      pupils_10_18_reported: 2,
    };
    expect(indicatorValue(PUPILS, measures, null)).toMatchObject({
      numerator: 8,
      denominator: 40,
      value: 20,
      gap: null,
      complete: false,
      reportedOrganizations: 2,
      organizations: 3,
    });
  });

  it('has no denominator and no value when no school reported the contingent', () => {
    const measures = { organizations: 2, mentees_pupils_10_18: 5, pupils_10_18: 0, pupils_10_18_reported: 0 };
    expect(indicatorValue(PUPILS, measures, 70)).toMatchObject({
      numerator: 5,
      denominator: null,
      value: null,
      gap: null,
      complete: false,
      reportedOrganizations: 0,
    });
  });

  it('averages scores as Σ scores / number of scores, complete whenever the unit has schools', () => {
    const measures = { organizations: 2, feedback_score_sum: 23, feedback_count: 5 };
    expect(indicatorValue(SATISFACTION, measures, null)).toMatchObject({
      numerator: 23,
      denominator: 5,
      value: 4.6,
      complete: true,
      reportedOrganizations: 2,
      organizations: 2,
    });
  });

  it('is empty and incomplete for a unit without any data, or a measure the summary does not have', () => {
    expect(indicatorValue(SATISFACTION, {}, 4)).toMatchObject({
      numerator: 0,
      denominator: null,
      value: null,
      complete: false,
      organizations: 0,
    });
    const missing = { ...SATISFACTION, numerator: 'not_a_measure' };
    expect(indicatorValue(missing, { organizations: 1, feedback_count: 3 }, null)).toMatchObject({
      value: null,
      complete: false,
    });
  });
});
