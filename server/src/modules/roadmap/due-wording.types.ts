/** A span of calendar days, both ends inclusive, as ISO dates 'YYYY-MM-DD'. */
export interface DueWindow {
  from: string;
  to: string;
}

export type DueWordingKind =
  /** One or more concrete windows. */
  | 'DATES'
  /** «В течение года», «постоянно», «ежегодно»…: the item runs through the roadmap's whole period. */
  | 'WHOLE_PERIOD'
  /** «В соответствии со сроками …», «по мере необходимости»: no deadline of its own, never overdue. */
  | 'EXTERNAL_SCHEDULE'
  /** Not understood: kept as written and flagged for a person, never guessed. */
  | 'UNPARSED';

export interface ParsedDueWording {
  /** The wording exactly as it came in. */
  original: string;
  kind: DueWordingKind;
  /** Sorted, contiguous windows merged; the period for WHOLE_PERIOD; empty otherwise. */
  windows: DueWindow[];
  /** Why the wording is UNPARSED, in Russian for the curator who fixes it. */
  problem?: string;
}

/** The roadmap's period: an academic year ('2020-09-01'..'2021-08-31') or a span of them. */
export interface DueContext {
  periodFrom: string;
  periodTo: string;
}
