import { isIsoDay } from './format';
import { isMentoringStage, isRoadmapItemStatus } from './labels';
import type { RoadmapItem } from './roadmap';

/**
 * The forms of a roadmap page: the completion mark and the plan of an item. The same checks run
 * in the browser as the user types and on the server before the API is asked, and they say what
 * the API would say, so a message never changes its wording between the two.
 */

/** Field name → message; a field without an entry is fine. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;

/** Longest text a free field accepts here; documents' titles and notes are far shorter. */
export const MAX_TEXT_LENGTH = 2000;

// ── Completion mark (отметка о выполнении) ────────────────────────────────────────────────────

export const MARK_FIELDS = [
  'status',
  'completedAt',
  'completionNote',
  'evidenceOrderNumber',
  'evidenceOrderDate',
  'evidenceLink',
  'evidenceFileName',
] as const;

export type MarkField = (typeof MARK_FIELDS)[number];
export type MarkValues = Record<MarkField, string>;

export function markValuesOf(item: RoadmapItem): MarkValues {
  return {
    // Opening the form on a planned item usually means it is being reported done.
    status: item.status === 'PLANNED' ? 'DONE' : item.status,
    completedAt: item.completedAt ?? '',
    completionNote: item.completionNote ?? '',
    evidenceOrderNumber: item.evidenceOrderNumber ?? '',
    evidenceOrderDate: item.evidenceOrderDate ?? '',
    evidenceLink: item.evidenceLink ?? '',
    evidenceFileName: item.evidenceFileName ?? '',
  };
}

const LINK = /^https?:\/\/\S+$/;

function checkDay(value: string, today: string): string | undefined {
  if (!value) return undefined;
  if (!isIsoDay(value)) return 'дата в формате ДД.ММ.ГГГГ';
  if (value > today) return 'дата не может быть в будущем';
  return undefined;
}

function checkLength(errors: FieldErrors, field: string, value: string) {
  if (value.length > MAX_TEXT_LENGTH) errors[field] = `не длиннее ${MAX_TEXT_LENGTH} знаков`;
}

/** The checks of `markRoadmapItem`, with the API's wording. `today` is ГГГГ-ММ-ДД. */
export function validateMark(values: MarkValues, today: string): FieldErrors<MarkField> {
  const errors: FieldErrors<MarkField> = {};
  if (!isRoadmapItemStatus(values.status)) errors.status = 'выберите отметку';
  const completedAt = values.completedAt.trim();
  if (values.status === 'DONE') {
    errors.completedAt = completedAt
      ? checkDay(completedAt, today)
      : 'для отметки «выполнено» укажите дату выполнения';
  }
  const orderDate = checkDay(values.evidenceOrderDate.trim(), today);
  if (orderDate) errors.evidenceOrderDate = orderDate;
  const link = values.evidenceLink.trim();
  if (link && !LINK.test(link)) errors.evidenceLink = 'ссылка должна начинаться с http:// или https://';
  for (const field of [
    'completionNote',
    'evidenceOrderNumber',
    'evidenceLink',
    'evidenceFileName',
  ] as const) {
    checkLength(errors, field, values[field]);
  }
  if (!errors.completedAt) delete errors.completedAt;
  return errors;
}

const orNull = (value: string) => value.trim() || null;

/** The API's `RoadmapItemMarkInput`: a completion date only goes with «выполнено». */
export function markInput(values: MarkValues) {
  return {
    status: values.status,
    completedAt: values.status === 'DONE' ? orNull(values.completedAt) : null,
    completionNote: orNull(values.completionNote),
    evidenceOrderNumber: orNull(values.evidenceOrderNumber),
    evidenceOrderDate: orNull(values.evidenceOrderDate),
    evidenceLink: orNull(values.evidenceLink),
    evidenceFileName: orNull(values.evidenceFileName),
  };
}

// ── Plan of an item (мероприятие, сроки, ответственные, результат) ────────────────────────────

export const PLAN_FIELDS = [
  'sectionId',
  'number',
  'title',
  'stage',
  'dueWording',
  'responsible',
  'expectedResult',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanValues = Record<PlanField, string>;

export function planValuesOf(item: RoadmapItem | null): PlanValues {
  return {
    sectionId: item?.section?.id ?? '',
    number: item?.number ?? '',
    title: item?.title ?? '',
    stage: item?.stage ?? '',
    dueWording: item?.dueWording ?? '',
    responsible: item?.responsible ?? '',
    expectedResult: item?.expectedResult ?? '',
  };
}

export function validatePlan(values: PlanValues): FieldErrors<PlanField> {
  const errors: FieldErrors<PlanField> = {};
  if (!values.title.trim()) errors.title = 'мероприятие не может быть пустым';
  if (!values.dueWording.trim()) errors.dueWording = 'укажите срок так, как он записан в документе';
  if (values.stage && !isMentoringStage(values.stage)) errors.stage = 'выберите этап из списка';
  for (const field of ['number', 'title', 'dueWording', 'responsible', 'expectedResult'] as const) {
    checkLength(errors, field, values[field]);
  }
  return errors;
}

/** The API's `RoadmapItemPlanInput`. */
export function planInput(values: PlanValues) {
  return {
    sectionId: orNull(values.sectionId),
    number: orNull(values.number),
    title: values.title.trim(),
    stage: orNull(values.stage),
    dueWording: values.dueWording.trim(),
    responsible: orNull(values.responsible),
    expectedResult: orNull(values.expectedResult),
  };
}

// ── What a refused change hands back ──────────────────────────────────────────────────────────

export type RoadmapActionName =
  'create' | 'import' | 'mark' | 'saveItem' | 'removeItem' | 'submit' | 'agree' | 'return' | 'reopen';

/** A form action's failure (`form` on the page): the values typed and what to say where. */
export interface RoadmapActionFailure {
  action: RoadmapActionName;
  itemId: string | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** About the change as a whole, shown above the form. */
  message: string | null;
}

// ── Reading a posted form ─────────────────────────────────────────────────────────────────────

/** The named fields of a posted form as strings (a missing field is empty). */
export function readFields<Field extends string>(
  form: FormData,
  fields: readonly Field[],
): Record<Field, string> {
  const values = {} as Record<Field, string>;
  for (const field of fields) {
    const value = form.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

// ── Loading a roadmap from a file (XLSX or CSV in the document's layout) ──────────────────────

/**
 * Largest file the form sends. The check posts the file, the load posts it again as base64
 * (a third larger), and adapter-node refuses bodies over 512 KB unless BODY_SIZE_LIMIT says
 * otherwise; a roadmap in XLSX is usually 20–60 KB.
 */
export const MAX_IMPORT_FILE_BYTES = 350 * 1024;

export interface ImportProblem {
  row: number;
  column: string | null;
  sheet: string | null;
  message: string;
}

export interface RoadmapImportReport {
  applied: boolean;
  dryRun: boolean;
  items: number;
  sections: number;
  /** What the load does (or would do); null — the file has errors. */
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | null;
  periodFrom: string;
  periodTo: string;
  title: string | null;
  itemsByStatus: { status: string; items: number }[];
  problems: ImportProblem[];
  unparsedDeadlines: { row: number; sheet: string | null; wording: string; problem: string | null }[];
}

/** What the check of a file hands back to the page: the API's report and, if it may be loaded, the file. */
export interface RoadmapImportCheck {
  action: 'import';
  fileName: string;
  /** The file as sent, kept for the «Загрузить» step; null when there is nothing to load. */
  contentBase64: string | null;
  report: RoadmapImportReport;
}

export const IMPORT_OUTCOME_LABELS: Record<NonNullable<RoadmapImportReport['outcome']>, string> = {
  CREATED: 'будет создана новая дорожная карта',
  UPDATED: 'план дорожной карты будет заменён планом из файла',
  UNCHANGED: 'дорожная карта уже совпадает с файлом — загружать нечего',
};

/** «12 КБ» for the size limit in messages. */
export function formatKilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)}\u00a0КБ`;
}
