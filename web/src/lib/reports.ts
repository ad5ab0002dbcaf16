import { formatDateTime, formatNumber, formatPercent } from './format';
import type { Column } from './hierarchy';
import { compact, wholeNumber, type FieldErrors } from './mentoring/form-checks';
import { academicYearOf, academicYearOptions, parseAsOf, todayIso } from './roadmap';

/**
 * Statistical reporting (формы статистического наблюдения) as the dashboard shows it: a school's
 * report goes up — the school submits, the municipality accepts or returns it with a comment, the
 * region approves it, which locks the school's year, and may unlock it with a reason. The pages
 * read the API's submission status (expected vs submitted vs on time) and offer only the steps
 * the user's role may take on each report; the API decides in the end.
 */

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED' | 'APPROVED';

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  DRAFT: 'черновик',
  SUBMITTED: 'отправлен',
  RETURNED: 'возвращён на доработку',
  ACCEPTED: 'принят муниципалитетом',
  APPROVED: 'утверждён субъектом РФ',
};

/** A school that has not opened its report for the year has no status at all. */
export function reportStatusLabel(status: string | null): string {
  if (status === null) return 'не начат';
  return REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
}

/** A unit's line of the submission status, as the API counts it (an organisation counts 0 or 1). */
export interface SubmissionRow {
  code: string;
  name: string;
  expected: number;
  submitted: number;
  accepted: number;
  approved: number;
  returned: number;
  onTime: number;
  overdue: number;
  status: ReportStatus | null;
  submittedAt: string | null;
  statusComment: string | null;
}

// ── What a page reads from its URL ─────────────────────────────────────────────────────────────

/** `?year=2025&form=…&asOf=2026-06-21`: the academic year, the form and the day overdue is counted on. */
export interface ReportView {
  year: number;
  /** null: the first form the API offers for the year. */
  form: string | null;
  asOf: string;
  today: string;
  yearOptions: number[];
}

export function parseReportView(url: URL, now: Date = new Date()): ReportView {
  const today = todayIso(now);
  const yearOptions = academicYearOptions(today);
  const requested = Number(url.searchParams.get('year'));
  const form = url.searchParams.get('form')?.trim() || null;
  return {
    year: yearOptions.includes(requested) ? requested : academicYearOf(today),
    form,
    asOf: parseAsOf(url.searchParams, today),
    today,
    yearOptions,
  };
}

/** `year=…&form=…` (and the date when it is not today) for links between reporting pages. */
export function reportQuery(view: ReportView, form: string): string {
  const params = new URLSearchParams({ year: String(view.year), form });
  if (view.asOf !== view.today) params.set('asOf', view.asOf);
  return params.toString();
}

// ── Who may take which step ────────────────────────────────────────────────────────────────────

export type ReportStep = 'submit' | 'accept' | 'return' | 'approve' | 'unlock';

/** The caller as `me` describes them: their level, node codes and permitted operations. */
export interface ReportCaller {
  level: 'FEDERATION' | 'REGION' | 'MUNICIPALITY' | 'ORGANIZATION' | null;
  operations: readonly string[];
  regionCode: string | null;
  municipalityCode: string | null;
  organizationCode: string | null;
}

/** Where a school's report sits: the school and the units above it. */
export interface ReportOwner {
  organizationCode: string;
  municipalityCode: string;
  regionCode: string;
}

/** Statuses each step starts from (the API's workflow). */
const STEP_FROM: Readonly<Record<ReportStep, readonly (ReportStatus | null)[]>> = {
  submit: [null, 'DRAFT', 'RETURNED'],
  accept: ['SUBMITTED'],
  return: ['SUBMITTED', 'ACCEPTED'],
  approve: ['ACCEPTED'],
  unlock: ['APPROVED'],
};

/**
 * The steps the page offers on one school's report: the school's own curator submits, its
 * municipality's coordinator accepts or returns, its region approves and unlocks — each only
 * from the statuses the step starts from.
 */
export function reportSteps(
  caller: ReportCaller,
  owner: ReportOwner,
  status: ReportStatus | null,
): ReportStep[] {
  const may = (operation: string) => caller.operations.includes(operation);
  const steps: ReportStep[] = [];
  const ownSchool = caller.level === 'ORGANIZATION' && caller.organizationCode === owner.organizationCode;
  const ownMunicipality =
    caller.level === 'MUNICIPALITY' && caller.municipalityCode === owner.municipalityCode;
  const ownRegion = caller.level === 'REGION' && caller.regionCode === owner.regionCode;
  if (ownSchool && may('report.submit')) steps.push('submit');
  if (ownMunicipality && may('report.accept')) steps.push('accept', 'return');
  if (ownRegion && may('report.approve')) steps.push('approve', 'unlock');
  return steps.filter((step) => STEP_FROM[step].includes(status));
}

/** What each step is called on its button, and what the page says after it. */
export const REPORT_STEP_TEXT: Readonly<Record<ReportStep, { button: string; done: string }>> = {
  submit: { button: 'Отправить в муниципалитет', done: 'Отчёт отправлен в муниципалитет.' },
  accept: { button: 'Принять', done: 'Отчёт принят.' },
  return: { button: 'Вернуть на доработку', done: 'Отчёт возвращён на доработку с комментарием.' },
  approve: { button: 'Утвердить', done: 'Отчёт утверждён, учебный год ОО закрыт для изменений.' },
  unlock: { button: 'Снять блокировку', done: 'Блокировка снята, отчёт снова ждёт утверждения.' },
};

/** Steps that need words from the user: what to rework, why the lock is lifted. */
export const EXPLAINED_STEPS: Readonly<
  Partial<Record<ReportStep, { field: string; label: string; missing: string }>>
> = {
  return: { field: 'comment', label: 'Что доработать', missing: 'укажите, что нужно доработать' },
  unlock: {
    field: 'reason',
    label: 'Причина снятия блокировки',
    missing: 'укажите, зачем снимается блокировка',
  },
};

export function isReportStep(value: unknown): value is ReportStep {
  return typeof value === 'string' && Object.hasOwn(STEP_FROM, value);
}

// ── Tables ─────────────────────────────────────────────────────────────────────────────────────

/** «3 из 5 (60 %)»: how many of those expected did something. */
export function outOf(part: number, whole: number): string {
  return whole > 0 ? `${formatNumber(part)} из ${formatNumber(whole)} (${formatPercent(part / whole)})` : '—';
}

/** Whether a school's report came in on time, late, or not yet (and whether that is overdue). */
export function timelinessText(row: Pick<SubmissionRow, 'submitted' | 'onTime' | 'overdue'>): string {
  if (row.submitted > 0) return row.onTime > 0 ? 'в срок' : 'с опозданием';
  return row.overdue > 0 ? 'просрочен' : 'срок не наступил';
}

export type SchoolStatusColumn = 'code' | 'name' | 'status' | 'submittedAt' | 'timeliness' | 'comment';

/** A municipality's schools, one report each. */
export const SCHOOL_STATUS_COLUMNS: readonly Column<SubmissionRow, SchoolStatusColumn>[] = [
  { key: 'code', header: 'Код ОО', value: (row) => row.code, identifier: true },
  { key: 'name', header: 'ОО', value: (row) => row.name },
  { key: 'status', header: 'Состояние', value: (row) => reportStatusLabel(row.status) },
  {
    key: 'submittedAt',
    header: 'Отправлен',
    value: (row) => row.submittedAt,
    text: (row) => formatDateTime(row.submittedAt),
  },
  { key: 'timeliness', header: 'Срок', value: timelinessText },
  { key: 'comment', header: 'Комментарий', value: (row) => row.statusComment },
];

export type UnitStatusColumn =
  | 'code'
  | 'name'
  | 'expected'
  | 'submitted'
  | 'onTime'
  | 'overdue'
  | 'accepted'
  | 'approved'
  | 'returned'
  | 'completeness';

export const MUNICIPALITY_STATUS_UNITS = { code: 'ОКТМО', name: 'Муниципальное образование' };

/** A region's municipalities (or the country's regions): how far their schools' reports went. */
export function unitStatusColumns(unit: {
  code: string;
  name: string;
}): Column<SubmissionRow, UnitStatusColumn>[] {
  const count = (key: UnitStatusColumn, header: string, pick: (row: SubmissionRow) => number) => ({
    key,
    header,
    value: pick,
    numeric: true,
  });
  return [
    { key: 'code', header: unit.code, value: (row) => row.code, identifier: true },
    { key: 'name', header: unit.name, value: (row) => row.name },
    count('expected', 'Ожидается', (row) => row.expected),
    count('submitted', 'Отправлено', (row) => row.submitted),
    count('onTime', 'В срок', (row) => row.onTime),
    count('overdue', 'Просрочено', (row) => row.overdue),
    count('accepted', 'Принято', (row) => row.accepted),
    count('approved', 'Утверждено', (row) => row.approved),
    count('returned', 'На доработке', (row) => row.returned),
    {
      key: 'completeness',
      header: 'Полнота, %',
      value: (row) => (row.expected > 0 ? row.submitted / row.expected : null),
      text: (row) => formatPercent(row.expected > 0 ? row.submitted / row.expected : null),
      numeric: true,
      numberFormat: '0.0%',
    },
  ];
}

/** Rows whose name or code contains the search, for the status tables. */
export function filterSubmissionRows(rows: readonly SubmissionRow[], search: string): SubmissionRow[] {
  const needle = search.trim().toLocaleLowerCase('ru');
  if (!needle) return [...rows];
  return rows.filter((row) =>
    [row.name, row.code].some((text) => text.toLocaleLowerCase('ru').includes(needle)),
  );
}

// ── A school's report ──────────────────────────────────────────────────────────────────────────

export interface ReportCell {
  key: string;
  value: number | null;
  computedValue: number | null;
  corrected: boolean;
  correctedOrganizations: number;
  correctionReason: string | null;
}

const cellFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** A cell as the printed form shows it: «1 234», «—» when there is nothing to report. */
export function formatCell(value: number | null): string {
  return value === null ? '—' : cellFormat.format(value);
}

/** The note beside a corrected cell: what the system computed, and why it was changed. */
export function correctionNote(cell: ReportCell): string | null {
  if (!cell.corrected) return null;
  const computed = `вычислено ${formatCell(cell.computedValue)}`;
  if (cell.correctionReason) return `исправлено вручную (${computed}): ${cell.correctionReason}`;
  return cell.correctedOrganizations > 1
    ? `исправлено вручную в ${formatNumber(cell.correctedOrganizations)} ОО (${computed})`
    : `исправлено вручную (${computed})`;
}

/** The form's layout as the report page reads it: sections of rows, each with its filled cells. */
export interface ReportFormLayout {
  code: string;
  title: string;
  version: number;
  note: string | null;
  sections: {
    code: string;
    title: string;
    note: string | null;
    columns: { code: string; title: string }[];
    rows: {
      code: string;
      title: string;
      cells: { key: string; columnCode: string; correctable: boolean }[];
    }[];
  }[];
}

// ── Manual corrections of a school's report ────────────────────────────────────────────────────

/**
 * Why the page offers no corrections, in one line; null when it does. As the API decides: only
 * the school's own curator, only while the school may still submit the report (draft, returned
 * or not yet started), never in an academic year the region has locked.
 */
export function correctionUnavailable(
  report: { status: ReportStatus | null; locked: boolean | null },
  keeper: boolean,
): string | null {
  if (!keeper) return 'Исправлять значения вручную может только куратор ОО.';
  if (report.locked) {
    return 'Учебный год ОО закрыт для изменений: исправить отчёт можно после того, как субъект РФ снимет блокировку.';
  }
  if (!STEP_FROM.submit.includes(report.status)) {
    return `Исправлять можно черновик или возвращённый отчёт, а этот отчёт ${reportStatusLabel(report.status)}.`;
  }
  return null;
}

/** A section's cells in the cell picker: «07.3 — Всего (сумма строк 01–06): Наставляемые, чел.». */
export interface CellChoiceGroup {
  section: string;
  cells: { key: string; label: string }[];
}

/** The cells a school may correct, section by section; shares are computed and never corrected. */
export function correctableCells(layout: Pick<ReportFormLayout, 'sections'>): CellChoiceGroup[] {
  return layout.sections
    .map((section) => {
      const columns = new Map(section.columns.map((column) => [column.code, column.title]));
      return {
        section: `Раздел ${section.code}. ${section.title}`,
        cells: section.rows.flatMap((row) =>
          row.cells
            .filter((cell) => cell.correctable)
            .map((cell) => ({
              key: cell.key,
              label: `${cell.key} — ${row.title}: ${columns.get(cell.columnCode) ?? `графа ${cell.columnCode}`}`,
            })),
        ),
      };
    })
    .filter((group) => group.cells.length > 0);
}

/** Under the cell picker: what the report has in the chosen cell now. */
export function cellNowText(cell: ReportCell | undefined): string | undefined {
  if (!cell) return undefined;
  const now = `Сейчас в отчёте: ${formatCell(cell.value)}`;
  return cell.corrected ? `${now}, ${correctionNote(cell)}` : `${now}, вычислено по данным системы`;
}

/** The correction form's fields; removing a correction asks only for the reason. */
export const CORRECTION_FIELDS = ['cell', 'value', 'reason'] as const;
export const RESTORE_FIELDS = ['reason'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export type CorrectionValues = Record<CorrectionField, string>;

/** The largest figure the API takes in a cell. */
export const MAX_CELL_VALUE = 1_000_000_000;

/**
 * A figure typed as the form prints it: «1 234» (spaces between thousands, as Russian figures are
 * written and copied from the table) or «1234». Null when blank, NaN when not a whole number.
 */
export function parseCellValue(text: string): number | null {
  return wholeNumber(text.replace(/[\s\u00a0\u202f]/g, ''));
}

/**
 * The checks of `correctReportCell`, worded as the API words them where it has words: a cell,
 * a whole figure from 0 (only when correcting, not when going back to the computed value) and a
 * reason, which the report shows and the audit log keeps.
 */
export function validateCorrection(values: CorrectionValues, restore: boolean): FieldErrors<CorrectionField> {
  const errors: FieldErrors<CorrectionField> = {};
  if (!values.cell.trim()) errors.cell = 'выберите ячейку';
  if (!restore) {
    const value = parseCellValue(values.value);
    if (value === null) errors.value = 'укажите исправленное значение';
    else if (!Number.isInteger(value) || value < 0) errors.value = 'целое неотрицательное число';
    else if (value > MAX_CELL_VALUE) errors.value = `не больше ${formatNumber(MAX_CELL_VALUE)}`;
  }
  if (!values.reason.trim()) errors.reason = 'укажите причину исправления';
  return compact(errors);
}

/** The cell, value and reason of `ReportCellCorrectionInput`: value null removes the correction. */
export function correctionInput(values: CorrectionValues, restore: boolean) {
  return {
    cell: values.cell.trim(),
    value: restore ? null : parseCellValue(values.value),
    reason: values.reason.trim(),
  };
}

/** What the page says once a correction is saved or removed, with the figures the API now has. */
export function correctionDoneText(
  key: string,
  cell: Pick<ReportCell, 'value' | 'computedValue'> | undefined,
  restore: boolean,
): string {
  if (!cell) return restore ? `Исправление ячейки ${key} убрано.` : `Значение ячейки ${key} исправлено.`;
  return restore
    ? `Исправление ячейки ${key} убрано: в отчёте снова вычисленное значение ${formatCell(cell.computedValue)}.`
    : `Значение ячейки ${key} исправлено: ${formatCell(cell.value)} (вычислено ${formatCell(cell.computedValue)}).`;
}
