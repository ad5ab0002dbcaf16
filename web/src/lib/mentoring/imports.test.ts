import { describe, expect, it } from 'vitest';
import {
  formatFileSize,
  importKindOf,
  isLoadable,
  PARTICIPANTS_IMPORT,
  reportSummary,
  uploadFailureMessage,
  uploadShare,
  uploadStepText,
  type ImportReport,
} from './imports';

const REPORT: ImportReport = {
  dryRun: true,
  applied: false,
  rows: 12,
  created: 10,
  updated: 1,
  unchanged: 1,
  problems: [],
  details: [],
};

describe('imports', () => {
  it('loads a clean check that would change something, and nothing else', () => {
    expect(isLoadable(REPORT)).toBe(true);
    expect(isLoadable({ ...REPORT, created: 0, updated: 0 })).toBe(false);
    expect(
      isLoadable({ ...REPORT, problems: [{ sheet: null, row: 3, column: 'Имя', message: 'Укажите имя' }] }),
    ).toBe(false);
    expect(isLoadable({ ...REPORT, dryRun: false, applied: true })).toBe(false);
  });

  it('sums up a check in the future tense and a load in the past', () => {
    expect(reportSummary(REPORT, PARTICIPANTS_IMPORT.noun)).toBe(
      'будет добавлено 10\u00a0участников, будет изменено 1, без изменений 1',
    );
    expect(reportSummary({ ...REPORT, dryRun: false, created: 2 }, PARTICIPANTS_IMPORT.noun)).toBe(
      'добавлено 2\u00a0участника, изменено 1, без изменений 1',
    );
  });

  it('tells each step of an upload', () => {
    const uploading = {
      phase: 'uploading',
      stage: 'check',
      loaded: 512 * 1024,
      total: 2 * 1024 * 1024,
    } as const;
    expect(uploadShare(uploading)).toBe(0.25);
    expect(uploadStepText(uploading)).toBe('Файл отправляется: 512\u00a0КБ из 2\u00a0МБ (25\u00a0%)');
    expect(uploadStepText({ phase: 'processing', stage: 'check', total: 1 })).toMatch(/идёт проверка строк/);
    expect(uploadStepText({ phase: 'processing', stage: 'load', total: 1 })).toBe(
      'Файл получен, идёт запись в базу…',
    );
    expect(uploadShare({ phase: 'done', stage: 'load', total: 10 })).toBe(1);
    expect(uploadStepText({ phase: 'done', stage: 'load', total: 3000 })).toBe(
      'Отправлено 3\u00a0КБ, загрузка завершена.',
    );
  });

  it('words what the server in front refused', () => {
    expect(uploadFailureMessage(413, 384 * 1024)).toBe(
      'Сервер не принял файл: он больше допустимых 384\u00a0КБ. Разделите таблицу на части.',
    );
    expect(uploadFailureMessage(0, 1)).toMatch(/Нет связи с сервером/);
  });

  it('formats sizes and falls back to the first kind', () => {
    expect(formatFileSize(1536 * 1024)).toBe('1,5\u00a0МБ');
    expect(importKindOf('groups').key).toBe('groups');
    expect(importKindOf('нечто').key).toBe('participants');
  });
});
