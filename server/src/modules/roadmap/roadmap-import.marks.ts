import { RoadmapItemStatus } from './roadmap.enums.js';

/** What a cell of «Отметка о выполнении» says about an item. */
export interface CompletionMark {
  status: RoadmapItemStatus;
  completionNote: string | null;
  evidenceOrderNumber: string | null;
  evidenceOrderDate: string | null;
  evidenceLink: string | null;
}

/** A dash in the mark column is a cell left empty on purpose. */
const NO_MARK = /^[-–—]*$/;
/** What may separate a leading mark from the note after it, as in «выполнено\nИздан приказ …». */
const SEPARATOR = String.raw`(?:\s*[\n:;,.]\s*|\s+[-–—]\s+|$)`;

/** The marks themselves, alone in the cell or first in it; a done mark may lead a note with evidence. */
const MARK_WORDS: readonly { status: RoadmapItemStatus; words: string }[] = [
  { status: RoadmapItemStatus.NOT_DONE, words: 'не выполнен[оаы]?|не исполнен[оаы]?|нет' },
  { status: RoadmapItemStatus.DONE, words: 'выполнен[оаы]?|исполнен[оаы]?|да' },
  {
    status: RoadmapItemStatus.IN_PROGRESS,
    words: 'выполняется|исполняется|в процессе(?: выполнения)?|в работе',
  },
  { status: RoadmapItemStatus.CANCELLED, words: 'отменен[оаы]?' },
];
const LEADING_MARKS = MARK_WORDS.map(({ status, words }) => ({
  status,
  pattern: new RegExp(`^(?:${words})[.!]?${SEPARATOR}`),
}));

/** One spelling for comparing marks: case, «ё», the no-break spaces word processors leave. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/**
 * Reads a completion mark as the documents write it. «выполнено» (or «исполнено») is done and
 * anything starting with «не » («не выполнено», «Не разработаны», «Не заключено ни одного
 * соглашения …») is not; an empty cell is no mark yet. Any other text is a statement of what was
 * done («Изданы приказы на уровне ОО», a link to an order): done, with the text kept as the note
 * and the order's number, date and link taken out of it as evidence. A mark followed by a note,
 * as an exported analysis writes it («выполнено», then the note below), keeps just the note.
 */
export function readCompletionMark(text: string, link?: string): CompletionMark {
  const trimmed = text.trim();
  const mark = comparable(trimmed);
  if (NO_MARK.test(mark)) return withoutEvidence(RoadmapItemStatus.PLANNED, null);
  for (const { status, pattern } of LEADING_MARKS) {
    const leading = pattern.exec(mark);
    if (!leading) continue;
    const note = trimmed.slice(leading[0].length).trim() || null;
    return status === RoadmapItemStatus.DONE ? withEvidence(note, link) : withoutEvidence(status, note);
  }
  if (mark.startsWith('не ')) return withoutEvidence(RoadmapItemStatus.NOT_DONE, trimmed);
  return withEvidence(trimmed, link);
}

function withoutEvidence(status: RoadmapItemStatus, note: string | null): CompletionMark {
  return {
    status,
    completionNote: note || null,
    evidenceOrderNumber: null,
    evidenceOrderDate: null,
    evidenceLink: null,
  };
}

function withEvidence(note: string | null, link: string | undefined): CompletionMark {
  const evidence = note ? evidenceIn(note) : { number: null, date: null, link: null };
  return {
    status: RoadmapItemStatus.DONE,
    completionNote: note || null,
    evidenceOrderNumber: evidence.number,
    evidenceOrderDate: evidence.date,
    evidenceLink: evidence.link ?? (link && /^https?:\/\//i.test(link) ? link : null),
  };
}

const DATE = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`;
/** «№ 304-од», «№МР-42/02», «№ 12»: up to the next space or punctuation that ends a number. */
const NUMBER = String.raw`№\s*([^\s,;«»"()]+)`;
const DATE_THEN_NUMBER = new RegExp(String.raw`от\s*${DATE}\s*(?:г(?:ода|\.)?\s*)?${NUMBER}`, 'i');
const NUMBER_THEN_DATE = new RegExp(String.raw`${NUMBER}\s*от\s*${DATE}`, 'i');
const DATE_ONLY = new RegExp(String.raw`от\s*${DATE}`, 'i');
/**
 * A number that follows a document word. «МОАУ СОШ № 1» names a school, not an order, so a
 * lone «№» counts only after «приказ», «распоряжение» and the like.
 */
const DOCUMENT_NUMBER = new RegExp(
  String.raw`(?:приказ|распоряжени|постановлени|протокол|решени|письм)\S*\s[^№]{0,80}?${NUMBER}`,
  'i',
);
const LINK = /https?:\/\/[^\s<>"«»]+/i;

/** The order's number and date and a link, as far as the note names them. */
export function evidenceIn(note: string): {
  number: string | null;
  date: string | null;
  link: string | null;
} {
  const link = LINK.exec(note)?.[0].replace(/[.,;:)\]]+$/, '') ?? null;
  const dateThenNumber = DATE_THEN_NUMBER.exec(note);
  if (dateThenNumber) {
    const [, day, month, year, number] = dateThenNumber;
    return { number: orderNumber(number!), date: isoDate(day!, month!, year!), link };
  }
  const numberThenDate = NUMBER_THEN_DATE.exec(note);
  if (numberThenDate) {
    const [, number, day, month, year] = numberThenDate;
    return { number: orderNumber(number!), date: isoDate(day!, month!, year!), link };
  }
  const dateOnly = DATE_ONLY.exec(note);
  const documentNumber = DOCUMENT_NUMBER.exec(note);
  return {
    number: documentNumber ? orderNumber(documentNumber[1]!) : null,
    date: dateOnly ? isoDate(dateOnly[1]!, dateOnly[2]!, dateOnly[3]!) : null,
    link,
  };
}

function orderNumber(text: string): string | null {
  return text.replace(/[.,:]+$/, '') || null;
}

/** A real calendar day as YYYY-MM-DD; «31.02.2021» is a typo, not a date. */
function isoDate(day: string, month: string, year: string): string | null {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? date.toISOString().slice(0, 10) : null;
}
