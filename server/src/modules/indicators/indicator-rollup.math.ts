import type { IndicatorUnit } from './indicator-definition.types.js';
import type { IndicatorValue } from './indicator-rollup.types.js';

/** Summed measure columns of one unit and year, by column name (summary-measures.ts). */
export type Measures = Readonly<Record<string, number>>;

export interface TargetEntry {
  academicYear: number;
  /** null: the common target; otherwise a region's own. */
  regionId: number | null;
  value: number;
}

/** What the rollup needs of a definition: the formula and its targets. */
export interface IndicatorFormula {
  code: string;
  name: string;
  unit: IndicatorUnit;
  numerator: string;
  denominator: string;
  scale: number;
  targets: readonly TargetEntry[];
}

/**
 * The target in force for a year: of one owner's targets, the latest whose year is not after
 * it («не менее 70 % … к 2024 году» holds for 2024 and on). A region's own targets, once it has
 * one for the year or earlier, replace the common ones entirely.
 */
export function targetInForce(
  targets: readonly TargetEntry[],
  academicYear: number,
  regionId: number | null,
): number | null {
  let own: TargetEntry | undefined;
  let common: TargetEntry | undefined;
  for (const target of targets) {
    if (target.academicYear > academicYear) continue;
    if (target.regionId === null) {
      if (!common || target.academicYear > common.academicYear) common = target;
    } else if (target.regionId === regionId && (!own || target.academicYear > own.academicYear)) {
      own = target;
    }
  }
  return (own ?? common)?.value ?? null;
}

/** Column sums: national figures are the sum of the regions' rows, and so on down. */
export function addMeasures(rows: readonly Measures[]): Measures {
  const total: Record<string, number> = {};
  for (const row of rows) {
    for (const name in row) total[name] = (total[name] ?? 0) + row[name]!;
  }
  return total;
}

/**
 * The contingent figure a denominator needs, when it is one: such figures are reported by
 * schools and may be missing, and the summary counts who reported them in `<figure>_reported`.
 */
export function reportedColumn(denominator: string, measures: Measures): string | null {
  const column = `${denominator}_reported`;
  return column in measures ? column : null;
}

/**
 * The numerator summed over the organisations that reported the denominator's contingent figure,
 * when the summary keeps it (`<numerator>_where_<figure>_reported`): dividing everyone's mentees
 * by the reporting schools' pupils would overstate the share. Without that column the numerator
 * is every organisation's, an upper bound, and the value still says it is incomplete.
 */
export function reportedPartColumn(numerator: string, reported: string): string {
  return `${numerator}_where_${reported}`;
}

/**
 * One indicator of one unit: Σ numerator / Σ denominator × scale, never an average of shares.
 * When only some organisations reported the contingent figure the denominator needs, the value
 * is over the reporting organisations only (Σ over them of both parts) and marked incomplete;
 * without any report the denominator is null, and so is the value.
 */
export function indicatorValue(
  formula: IndicatorFormula,
  measures: Measures,
  target: number | null,
): IndicatorValue {
  const organizations = measures.organizations ?? 0;
  const available = formula.numerator in measures && formula.denominator in measures;
  const reported = reportedColumn(formula.denominator, measures);
  const reportedOrganizations = reported ? measures[reported]! : organizations;
  const reportedPart = reported ? measures[reportedPartColumn(formula.numerator, reported)] : undefined;
  const numerator = reportedPart ?? measures[formula.numerator] ?? 0;
  const denominator = available && reportedOrganizations > 0 ? measures[formula.denominator]! : null;
  const value = denominator ? (numerator / denominator) * formula.scale : null;
  return {
    code: formula.code,
    name: formula.name,
    unit: formula.unit,
    numerator,
    denominator,
    value,
    target,
    gap: value === null || target === null ? null : value - target,
    complete: available && organizations > 0 && reportedOrganizations === organizations,
    reportedOrganizations,
    organizations,
  };
}
