import type { MentoringStage } from '../mentoring/mentoring-stage.js';
import { parseDueWording } from './due-wording.parser.js';
import { DueKind, RoadmapItemStatus, RoadmapLevel } from './roadmap.enums.js';

/** The owner node of a roadmap with its path in the hierarchy. */
export interface RoadmapOwner {
  level: RoadmapLevel;
  regionId: number;
  municipalityId: number | null;
  organizationId: number | null;
}

/** The completion mark of an event with its evidence. */
export interface ItemMark {
  status: RoadmapItemStatus;
  completionNote?: string | null;
  evidenceOrderNumber?: string | null;
  evidenceOrderDate?: string | null;
  evidenceLink?: string | null;
  evidenceFileName?: string | null;
  completedAt?: string | null;
}

/** One event as entered, imported or taken from a template; unmarked unless said otherwise. */
export interface RoadmapItemDraft extends Partial<ItemMark> {
  number?: string | null;
  title: string;
  stage?: MentoringStage | null;
  dueWording: string;
  responsible?: string | null;
  expectedResult?: string | null;
}

/** A section and its events; `title: null` holds events that belong to no section. */
export interface RoadmapSectionDraft {
  title: string | null;
  items: RoadmapItemDraft[];
}

export interface RoadmapPlan {
  title: string;
  periodFrom: string;
  periodTo: string;
  templateCode?: string | null;
  sections: RoadmapSectionDraft[];
}

/** An item row ready for the database: the deadline understood once, at write time. */
export interface RoadmapItemRow {
  section_position: number | null;
  position: number;
  number: string | null;
  title: string;
  stage: string | null;
  due_wording: string;
  due_kind: DueKind;
  due_windows: { from: string; to: string }[];
  due_problem: string | null;
  due_to: string | null;
  responsible: string | null;
  expected_result: string | null;
  status: RoadmapItemStatus;
  completion_note: string | null;
  evidence_order_number: string | null;
  evidence_order_date: string | null;
  evidence_link: string | null;
  evidence_file_name: string | null;
  completed_at: string | null;
}

/**
 * The day an item is due by: the end of its last window, the period's end for "throughout the
 * period", and none for items on someone else's schedule or with unreadable wording.
 */
function lastDueDay(kind: DueKind, windows: { to: string }[], periodTo: string): string | null {
  if (kind === DueKind.DATES) return windows.at(-1)?.to ?? null;
  if (kind === DueKind.WHOLE_PERIOD) return periodTo;
  return null;
}

/** What the parser makes of a deadline wording, as stored beside it. */
export function dueFields(wording: string, period: { periodFrom: string; periodTo: string }) {
  const due = parseDueWording(wording, period);
  const kind = due.kind as DueKind;
  return {
    due_kind: kind,
    due_windows: due.windows,
    due_problem: due.problem ?? null,
    due_to: lastDueDay(kind, due.windows, period.periodTo),
  };
}

/** Turns a plan into section titles and item rows, numbering them in document order. */
export function planRows(plan: RoadmapPlan): {
  sections: { position: number; title: string }[];
  items: RoadmapItemRow[];
} {
  const sections: { position: number; title: string }[] = [];
  const items: RoadmapItemRow[] = [];
  for (const section of plan.sections) {
    const sectionPosition =
      section.title === null ? null : sections.push({ position: sections.length + 1, title: section.title });
    for (const item of section.items) {
      items.push({
        section_position: sectionPosition,
        position: items.length + 1,
        number: item.number ?? null,
        title: item.title,
        stage: item.stage ?? null,
        due_wording: item.dueWording,
        ...dueFields(item.dueWording, plan),
        responsible: item.responsible ?? null,
        expected_result: item.expectedResult ?? null,
        status: item.status ?? RoadmapItemStatus.PLANNED,
        completion_note: item.completionNote ?? null,
        evidence_order_number: item.evidenceOrderNumber ?? null,
        evidence_order_date: item.evidenceOrderDate ?? null,
        evidence_link: item.evidenceLink ?? null,
        evidence_file_name: item.evidenceFileName ?? null,
        completed_at: item.completedAt ?? null,
      });
    }
  }
  return { sections, items };
}
