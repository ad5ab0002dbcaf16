import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportProblem } from '../../imports/import-problem.js';
import type { Caller } from '../access/access-scope.js';
import type { ImportPeriod } from './roadmap-import.inputs.js';
import { readCompletionMark } from './roadmap-import.marks.js';
import { parseRoadmapFile, type FileItem, type RoadmapFile } from './roadmap-import.parser.js';
import {
  RoadmapImportOutcome,
  type RoadmapImportReport,
  type UnparsedDeadline,
} from './roadmap-import.report.js';
import { dueFields, type RoadmapItemDraft, type RoadmapOwner, type RoadmapPlan } from './roadmap-plan.js';
import { saveRoadmapPlan, type PlanOutcome } from './roadmap-plan.service.js';
import { DueKind, RoadmapItemStatus } from './roadmap.enums.js';

export interface RoadmapImportOptions {
  period: ImportPeriod;
  /** The caller's title; the document's own or a default one when absent. */
  title: string | null;
  dryRun: boolean;
}

/** Thrown inside the dry run's transaction so that it rolls back with the outcome it found. */
class DryRunRollback extends Error {
  constructor(readonly saved: { roadmapId: number; outcome: PlanOutcome }) {
    super('dry run');
  }
}

/**
 * Loads the owner's roadmap for a period from a CSV or XLSX file in the document's layout. The
 * whole file is read first and saved only when it has no problems, in one transaction; the same
 * file again changes nothing. A dry run goes as far as saving and rolls back, so it also tells
 * whether the file would create, replace or leave the roadmap.
 */
export async function importRoadmap(
  em: EntityManager,
  caller: Caller,
  owner: RoadmapOwner,
  content: Buffer,
  options: RoadmapImportOptions,
): Promise<RoadmapImportReport> {
  const file = await parseRoadmapFile(content);
  const plan = planOfFile(file, options);
  const report = summarize(file, plan, options);
  if (report.problems.length > 0) return report;

  if (options.dryRun) return { ...report, ...(await dryRunOutcome(em, caller, owner, plan)) };
  const { roadmapId, outcome } = await em.transactional((tx) =>
    saveRoadmapPlan(tx, caller, owner, plan, 'roadmap.import'),
  );
  return { ...report, applied: true, outcome: RoadmapImportOutcome[outcome], roadmapId: String(roadmapId) };
}

/** What saving the plan would do, found by saving it in a transaction that is then rolled back. */
async function dryRunOutcome(em: EntityManager, caller: Caller, owner: RoadmapOwner, plan: RoadmapPlan) {
  try {
    await em.transactional(async (tx) => {
      throw new DryRunRollback(await saveRoadmapPlan(tx, caller, owner, plan, 'roadmap.import'));
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    const { roadmapId, outcome } = error.saved;
    // A roadmap the dry run created is gone with the rollback, and so is its id.
    return {
      outcome: RoadmapImportOutcome[outcome],
      roadmapId: outcome === 'CREATED' ? null : String(roadmapId),
    };
  }
  throw new Error('dry run: the transaction was not rolled back');
}

export function planOfFile(file: RoadmapFile, options: RoadmapImportOptions): RoadmapPlan {
  return {
    title: titleOf(file, options),
    periodFrom: options.period.periodFrom,
    periodTo: options.period.periodTo,
    templateCode: null,
    sections: file.sections.map((section) => ({
      title: section.title,
      items: section.items.map((item) => draftOf(item, options.period)),
    })),
  };
}

function draftOf(item: FileItem, period: ImportPeriod): RoadmapItemDraft {
  const mark = readCompletionMark(item.mark, item.markLink);
  return {
    number: item.number,
    title: item.title,
    dueWording: item.due,
    responsible: item.responsible || null,
    expectedResult: item.result || null,
    ...mark,
    completedAt: mark.status === RoadmapItemStatus.DONE ? assumedCompletion(item.due, mark, period) : null,
  };
}

/**
 * Documents mark an event done without saying when. The order that proves it dates it best;
 * otherwise the event is taken as done by its deadline, or by the end of the period when it
 * has none — never by the day of the import, so that the same file always reads the same.
 */
function assumedCompletion(
  due: string,
  mark: { evidenceOrderDate: string | null },
  period: ImportPeriod,
): string {
  return mark.evidenceOrderDate ?? dueFields(due, period).due_to ?? period.periodTo;
}

/** «Анализ реализации «Дорожной карты» внедрения …» is the report on the roadmap «Дорожная карта внедрения …». */
const ANALYSIS_OF_ROADMAP = /^анализ\s+(?:реализации|выполнения|исполнения)\s+[«"„]?дорожной\s+карты[»"“]?/i;

function titleOf(file: RoadmapFile, { title, period }: RoadmapImportOptions): string {
  const given = title?.trim();
  if (given) return given;
  const span =
    period.academicYear === null
      ? `на период с ${russianDate(period.periodFrom)} по ${russianDate(period.periodTo)}`
      : `на ${period.academicYear}/${period.academicYear + 1} учебный год`;
  const start = file.titleLines.findIndex((line) => /дорожн/i.test(line));
  if (start < 0) return `Дорожная карта внедрения целевой модели наставничества ${span}`;
  const fromFile = file.titleLines.slice(start).join(' ').replace(ANALYSIS_OF_ROADMAP, 'Дорожная карта');
  return /\d{4}/.test(fromFile) ? fromFile : `${fromFile} ${span}`;
}

function russianDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}

function summarize(file: RoadmapFile, plan: RoadmapPlan, options: RoadmapImportOptions): RoadmapImportReport {
  const items = file.sections.flatMap((section) => section.items);
  const drafts = plan.sections.flatMap((section) => section.items);
  const unparsedDeadlines: UnparsedDeadline[] = [];
  items.forEach((item) => {
    const due = dueFields(item.due, options.period);
    if (due.due_kind === DueKind.UNPARSED) {
      unparsedDeadlines.push({
        sheet: file.sheet,
        row: item.row,
        wording: item.due,
        problem: due.due_problem,
      });
    }
  });
  const problems: ImportProblem[] = file.problems;
  return {
    dryRun: options.dryRun,
    applied: false,
    outcome: null,
    roadmapId: null,
    title: problems.length > 0 ? null : plan.title,
    periodFrom: options.period.periodFrom,
    periodTo: options.period.periodTo,
    sections: file.sections.filter((section) => section.title !== null).length,
    items: items.length,
    itemsByStatus: Object.values(RoadmapItemStatus).map((status) => ({
      status,
      items: drafts.filter((draft) => draft.status === status).length,
    })),
    unparsedDeadlines,
    problems,
  };
}

/** The answer for content that is not a file at all: nothing read, nothing written. */
export function unreadableRoadmapReport(
  options: RoadmapImportOptions,
  problems: ImportProblem[],
): RoadmapImportReport {
  const nothing: RoadmapFile = { titleLines: [], columnTitles: {}, sections: [], problems };
  return summarize(nothing, planOfFile(nothing, options), options);
}
