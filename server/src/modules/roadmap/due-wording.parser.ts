import { daysBetween } from './due-wording.calendar.js';
import { parseDates } from './due-wording.dates.js';
import type { DueContext, ParsedDueWording } from './due-wording.types.js';

export type { DueContext, DueWindow, DueWordingKind, ParsedDueWording } from './due-wording.types.js';

type DueOutcome = Omit<ParsedDueWording, 'original'>;

/** How the wording may go on after a whole-period phrase without changing what it means. */
const QUALIFIER =
  '(?:,? по (?:мере )?необходимости|,? по (?:утвержденному |согласованному )?(?:графику|плану))?';
/**
 * Work that runs through the roadmap's period. «В течение года по необходимости» and «… по
 * утвержденному графику» belong here too: the qualifier says when within the year, and the year
 * still bounds the item, so it can become overdue once the period is over.
 */
const WHOLE_PERIOD = new RegExp(
  '^(?:(?:в течение|на протяжении) (?:всего )?(?:учебного )?(?:года|периода)|весь период|' +
    `постоянно|регулярно|систематически|ежегодно|ежеквартально|ежемесячно|еженедельно)${QUALIFIER}$`,
);
/**
 * Deadlines set by something else — another body's schedule, the programmes' own timing, a need
 * or another event («до начала организации работы наставнических пар»): they are never overdue here.
 */
const EXTERNAL_SCHEDULE = new RegExp(
  '^(?:в соответствии (?:со сроками|с графиком|с планом|с календарным)|согласно (?:срокам|графику|плану)|' +
    'по (?:мере )?необходимости|по (?:утвержденному |согласованному )?(?:графику|плану)|по запросу|' +
    '(?:до|после) (?:начала|окончания|завершения) (?!(?:учебного )?(?:года|периода))\\D+$)',
);
const ALTERNATIVE_SEPARATOR = ' или ';

/** Reads a roadmap item's deadline as people write it («Сентябрь, октябрь 2020», «До 05.09.2020»). */
export function parseDueWording(text: string, context: DueContext): ParsedDueWording {
  return { original: text, ...parseNormalized(normalizeWording(text), context) };
}

/** An unfinished item whose last window ended before `asOf`; due today is not yet overdue. */
export function isOverdue(parsed: ParsedDueWording, asOf: string, completed: boolean): boolean {
  const deadline = deadlineOf(parsed);
  return !completed && deadline !== undefined && deadline < asOf;
}

/** Days from the deadline to `asOf`; 0 when not yet due or when there is no deadline. */
export function daysLate(parsed: ParsedDueWording, asOf: string): number {
  const deadline = deadlineOf(parsed);
  return deadline === undefined ? 0 : Math.max(0, daysBetween(deadline, asOf));
}

/** WHOLE_PERIOD carries the period as its window, so the last window's end serves both kinds. */
function deadlineOf(parsed: ParsedDueWording): string | undefined {
  return parsed.windows.at(-1)?.to;
}

/**
 * One spelling for what people type differently: markup left from web pages, case, «ё», every
 * dash as «-» without spaces, «г.», «гг.», «года» after a year, trailing punctuation.
 */
function normalizeWording(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .replace(/(\d{4}) ?(?:г\. ?г\.?|гг\.?|г\.?|года|год)(?=$|[ ,;-])/g, '$1')
    .replace(/[ .,;:…]+$/, '')
    .trim();
}

function parseNormalized(text: string, context: DueContext): DueOutcome {
  if (text === '') return unparsed('Срок не указан');
  if (text.includes(ALTERNATIVE_SEPARATOR)) {
    const chosen = chooseAlternative(
      text.split(ALTERNATIVE_SEPARATOR).map((part) => parseAlternative(part, context)),
    );
    if (chosen) return chosen;
  }
  return parseAlternative(text, context);
}

/**
 * «В соответствии со сроками реализации программ или май 2021 г.»: the concrete alternative is the
 * latest acceptable date, so it is the deadline. Two concrete alternatives leave the choice open.
 * Anything else is read as one wording («по графику или плану школы»).
 */
function chooseAlternative(outcomes: DueOutcome[]): DueOutcome | undefined {
  const dated = outcomes.filter((outcome) => outcome.kind === 'DATES');
  const external = outcomes.filter((outcome) => outcome.kind === 'EXTERNAL_SCHEDULE');
  if (dated.length > 1) return unparsed('Указано несколько вариантов срока: оставьте один');
  return dated.length === 1 && dated.length + external.length === outcomes.length ? dated[0] : undefined;
}

function parseAlternative(text: string, context: DueContext): DueOutcome {
  if (WHOLE_PERIOD.test(text)) {
    return { kind: 'WHOLE_PERIOD', windows: [{ from: context.periodFrom, to: context.periodTo }] };
  }
  if (EXTERNAL_SCHEDULE.test(text)) return { kind: 'EXTERNAL_SCHEDULE', windows: [] };
  const dates = parseDates(text, context);
  return 'problem' in dates ? unparsed(dates.problem) : { kind: 'DATES', windows: dates.windows };
}

function unparsed(problem: string): DueOutcome {
  return { kind: 'UNPARSED', windows: [], problem };
}
