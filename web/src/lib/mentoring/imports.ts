import { formatCount, formatNumber, type NounForms } from '$lib/format';

/**
 * Loading the school's base from a spreadsheet (XLSX or CSV, as schools keep them): what kinds of
 * file the import page takes, the API's report, and the steps the page shows while a file travels
 * (upload with a progress bar, then the check or the write, then the result).
 */

/** One kind of file the page loads; adding a kind is one entry here and one mutation on the server. */
export interface ImportKind {
  key: string;
  /** «Участники и согласия» — the choice on the page. */
  label: string;
  /** The columns as the school's table names them, shown before the file is chosen. */
  columns: string;
  /** What one row of the file is. */
  noun: NounForms;
}

export const PARTICIPANTS_IMPORT: ImportKind = {
  key: 'participants',
  label: 'Наставники и наставляемые с согласиями',
  columns:
    '«№» (номер в учёте ОО), «Фамилия», «Имя», «Отчество», «Дата рождения», «Категория», «Наставник» и ' +
    '«Наставляемый» (да / нет), «Класс» или «Курс», «Стаж», «Контакт», «Согласие: дата», «Согласие: кто ' +
    'подписал» (сам / законный представитель), «Представитель»',
  noun: { one: 'участник', few: 'участника', many: 'участников' },
};

export const GROUPS_IMPORT: ImportKind = {
  key: 'groups',
  label: 'Наставнические пары и группы',
  columns:
    '«№ группы» (номер в учёте ОО), «Форма наставничества», «Наставник» и «Наставляемый» — номера участников из ' +
    'базы ОО (несколько через запятую или по одному в строке с тем же номером группы), «Программа», «Номер ' +
    'приказа», «Дата приказа», «Этап», «Статус», «Дата начала», «Дата окончания», «Причина прекращения»',
  noun: { one: 'пара или группа', few: 'пары или группы', many: 'пар и групп' },
};

/** The kinds the page offers, in this order; the first is chosen when the URL names none. */
export const IMPORT_KINDS: readonly ImportKind[] = [PARTICIPANTS_IMPORT, GROUPS_IMPORT];

export function importKindOf(key: string | null): ImportKind {
  return IMPORT_KINDS.find((kind) => kind.key === key) ?? IMPORT_KINDS[0]!;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))}\u00a0КБ`;
  return `${(bytes / (1024 * 1024)).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}\u00a0МБ`;
}

/** A problem of the file, by sheet, row and column as the spreadsheet editor numbers them. */
export interface ImportProblem {
  sheet: string | null;
  row: number;
  column: string | null;
  message: string;
}

/** The API's report of a check (dryRun) or a load, the same shape for every kind. */
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  /** Further figures of a kind, in words: «согласий записано — 12». */
  details: { label: string; value: number }[];
}

/** What the page gets back from «Проверить» or «Загрузить». */
export interface ImportResult {
  kind: string;
  fileName: string;
  report: ImportReport;
  /** The checked file, handed back for the «Загрузить» step; null when there is nothing to load. */
  contentBase64: string | null;
}

/** A refused upload: no report, a sentence about the file or the request. */
export interface ImportFailure {
  kind: string;
  message: string;
}

/** Whether a checked file may be loaded: no problems and something would change. */
export function isLoadable(report: ImportReport): boolean {
  return report.dryRun && report.problems.length === 0 && report.created + report.updated > 0;
}

/** «будет добавлено 12 участников, изменено 3, без изменений 40» — or what was done. */
export function reportSummary(report: ImportReport, noun: NounForms): string {
  const future = report.dryRun;
  const parts = [
    `${future ? 'будет добавлено' : 'добавлено'} ${formatCount(report.created, noun)}`,
    `${future ? 'будет изменено' : 'изменено'} ${formatNumber(report.updated)}`,
    `без изменений ${formatNumber(report.unchanged)}`,
  ];
  return parts.join(', ');
}

// ── The steps of an upload as the page shows them ─────────────────────────────────────────────

/**
 * idle → uploading (bytes sent of the total) → processing (the file is on the server: the API
 * checks or writes it) → done (the report is on the page) or failed (a sentence why).
 */
export type UploadStep =
  | { phase: 'idle' }
  | { phase: 'uploading'; stage: 'check' | 'load'; loaded: number; total: number }
  | { phase: 'processing'; stage: 'check' | 'load'; total: number }
  | { phase: 'done'; stage: 'check' | 'load'; total: number }
  | { phase: 'failed'; message: string };

/** Share of the file sent, 0–1; unknown totals count as not started. */
export function uploadShare(step: UploadStep): number {
  if (step.phase === 'processing' || step.phase === 'done') return 1;
  if (step.phase !== 'uploading' || step.total <= 0) return 0;
  return Math.min(1, step.loaded / step.total);
}

/** The sentence beside the progress bar or the spinner. */
export function uploadStepText(step: UploadStep): string {
  switch (step.phase) {
    case 'idle':
      return '';
    case 'uploading':
      return `Файл отправляется: ${formatFileSize(step.loaded)} из ${formatFileSize(step.total)} (${Math.round(uploadShare(step) * 100)}\u00a0%)`;
    case 'processing':
      return step.stage === 'check'
        ? 'Файл получен, идёт проверка строк — ничего не записывается…'
        : 'Файл получен, идёт запись в базу…';
    case 'done':
      return step.stage === 'check'
        ? `Отправлено ${formatFileSize(step.total)}, проверка завершена.`
        : `Отправлено ${formatFileSize(step.total)}, загрузка завершена.`;
    case 'failed':
      return step.message;
  }
}

/** The dashboard's answer to an upload it could not take: a Russian sentence for each HTTP status. */
export function uploadFailureMessage(status: number, maxBytes: number): string {
  if (status === 413)
    return `Сервер не принял файл: он больше допустимых ${formatFileSize(maxBytes)}. Разделите таблицу на части.`;
  if (status === 0) return 'Нет связи с сервером: файл не отправлен. Проверьте подключение и повторите.';
  if (status === 401 || status === 403)
    return 'Сеанс истёк или недостаточно прав. Войдите снова и повторите загрузку.';
  return 'Сервер не принял файл. Повторите попытку позже.';
}
