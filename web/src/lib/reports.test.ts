import { describe, expect, it } from 'vitest';
import {
  cellNowText,
  correctableCells,
  correctionDoneText,
  correctionInput,
  correctionNote,
  correctionUnavailable,
  filterSubmissionRows,
  formatCell,
  outOf,
  parseCellValue,
  parseReportView,
  reportQuery,
  reportStatusLabel,
  reportSteps,
  SCHOOL_STATUS_COLUMNS,
  timelinessText,
  unitStatusColumns,
  validateCorrection,
  type ReportCaller,
  type SubmissionRow,
} from './reports';

const OWNER = { organizationCode: '280001', municipalityCode: '10712000', regionCode: '28' };

function caller(overrides: Partial<ReportCaller>): ReportCaller {
  return {
    level: null,
    operations: ['report.read'],
    regionCode: null,
    municipalityCode: null,
    organizationCode: null,
    ...overrides,
  };
}

const curator = caller({
  level: 'ORGANIZATION',
  operations: ['report.read', 'report.submit'],
  regionCode: '28',
  municipalityCode: '10712000',
  organizationCode: '280001',
});
const coordinator = caller({
  level: 'MUNICIPALITY',
  operations: ['report.read', 'report.accept'],
  regionCode: '28',
  municipalityCode: '10712000',
});
const regionalAdmin = caller({
  level: 'REGION',
  operations: ['report.read', 'report.approve'],
  regionCode: '28',
});
const analyst = caller({ level: 'REGION', regionCode: '28' });

function row(overrides: Partial<SubmissionRow>): SubmissionRow {
  return {
    code: '280001',
    name: 'МОАУ СОШ № 1',
    expected: 1,
    submitted: 0,
    accepted: 0,
    approved: 0,
    returned: 0,
    onTime: 0,
    overdue: 0,
    status: null,
    submittedAt: null,
    statusComment: null,
    ...overrides,
  };
}

describe('the steps a page offers on a school’s report', () => {
  it('lets the school submit a draft, a returned report or one not yet started', () => {
    expect(reportSteps(curator, OWNER, null)).toEqual(['submit']);
    expect(reportSteps(curator, OWNER, 'RETURNED')).toEqual(['submit']);
    expect(reportSteps(curator, OWNER, 'SUBMITTED')).toEqual([]);
    expect(reportSteps(curator, { ...OWNER, organizationCode: '280002' }, 'DRAFT')).toEqual([]);
  });

  it('lets the municipality accept a submitted report and return it until the region approves', () => {
    expect(reportSteps(coordinator, OWNER, 'SUBMITTED')).toEqual(['accept', 'return']);
    expect(reportSteps(coordinator, OWNER, 'ACCEPTED')).toEqual(['return']);
    expect(reportSteps(coordinator, OWNER, 'APPROVED')).toEqual([]);
    expect(reportSteps(coordinator, { ...OWNER, municipalityCode: '10701000' }, 'SUBMITTED')).toEqual([]);
  });

  it('lets the region approve an accepted report and unlock an approved one; analysts only look', () => {
    expect(reportSteps(regionalAdmin, OWNER, 'ACCEPTED')).toEqual(['approve']);
    expect(reportSteps(regionalAdmin, OWNER, 'APPROVED')).toEqual(['unlock']);
    expect(reportSteps(regionalAdmin, { ...OWNER, regionCode: '52' }, 'ACCEPTED')).toEqual([]);
    expect(reportSteps(analyst, OWNER, 'ACCEPTED')).toEqual([]);
  });
});

describe('the status tables', () => {
  it('names statuses as the workflow does, a report not started included', () => {
    expect(reportStatusLabel('RETURNED')).toBe('возвращён на доработку');
    expect(reportStatusLabel(null)).toBe('не начат');
    expect(reportStatusLabel('LATER')).toBe('LATER');
  });

  it('says whether a report came in on time, late, is overdue or not yet due', () => {
    expect(timelinessText(row({ submitted: 1, onTime: 1 }))).toBe('в срок');
    expect(timelinessText(row({ submitted: 1, onTime: 0 }))).toBe('с опозданием');
    expect(timelinessText(row({ overdue: 1 }))).toBe('просрочен');
    expect(timelinessText(row({}))).toBe('срок не наступил');
  });

  it('shows a school’s status, its submission moment in Moscow time and the last comment', () => {
    const school = row({
      status: 'RETURNED',
      submittedAt: '2026-06-10T07:30:00Z',
      statusComment: 'Проверьте строку 07',
    });
    expect(SCHOOL_STATUS_COLUMNS.map((column) => column.text?.(school) ?? column.value(school))).toEqual([
      '280001',
      'МОАУ СОШ № 1',
      'возвращён на доработку',
      '10.06.2026, 10:30\u00a0МСК',
      'срок не наступил',
      'Проверьте строку 07',
    ]);
  });

  it('counts a municipality’s reports and the share submitted of those expected', () => {
    const columns = unitStatusColumns({ code: 'ОКТМО', name: 'Муниципальное образование' });
    const zeya = row({
      code: '10712000',
      name: 'город Зея',
      expected: 5,
      submitted: 3,
      onTime: 2,
      overdue: 2,
    });
    const completeness = columns.find((column) => column.key === 'completeness')!;
    expect(completeness.value(zeya)).toBe(0.6);
    expect(completeness.text?.(zeya)).toBe('60\u00a0%');
    expect(completeness.value(row({ expected: 0 }))).toBeNull();
    expect(outOf(3, 5)).toBe('3 из 5 (60\u00a0%)');
    expect(outOf(0, 0)).toBe('—');
  });

  it('finds units by name or code', () => {
    const rows = [row({}), row({ code: '280002', name: 'МОАУ СОШ № 4' })];
    expect(filterSubmissionRows(rows, '№ 4').map((found) => found.code)).toEqual(['280002']);
    expect(filterSubmissionRows(rows, '280001').map((found) => found.code)).toEqual(['280001']);
    expect(filterSubmissionRows(rows, '')).toHaveLength(2);
  });
});

describe('what a reporting page reads from its URL', () => {
  const now = new Date('2026-11-22T08:00:00Z');

  it('takes an offered year, the form and the date, else the current year, the first form and today', () => {
    expect(parseReportView(new URL('http://x/r?year=2025&form=ЦМН-1&asOf=2026-06-21'), now)).toMatchObject({
      year: 2025,
      form: 'ЦМН-1',
      asOf: '2026-06-21',
    });
    expect(parseReportView(new URL('http://x/r?year=1999&form=%20'), now)).toMatchObject({
      year: 2026,
      form: null,
      asOf: '2026-11-22',
    });
  });

  it('links between reporting pages with the year and form, the date only when it is not today', () => {
    const view = parseReportView(new URL('http://x/r?year=2025'), now);
    expect(reportQuery(view, 'F1')).toBe('year=2025&form=F1');
    expect(reportQuery({ ...view, asOf: '2026-06-21' }, 'F1')).toBe('year=2025&form=F1&asOf=2026-06-21');
  });
});

describe('a school’s report', () => {
  it('writes cells in Russian and says why a corrected one differs from the computed value', () => {
    expect(formatCell(1234)).toBe('1\u00a0234');
    expect(formatCell(null)).toBe('—');
    const cell = {
      key: '07.3',
      value: 12,
      computedValue: 10,
      corrected: true,
      correctedOrganizations: 1,
      correctionReason: 'двое зачислены после 1 сентября',
    };
    expect(correctionNote(cell)).toBe('исправлено вручную (вычислено 10): двое зачислены после 1 сентября');
    expect(correctionNote({ ...cell, correctionReason: null, correctedOrganizations: 3 })).toBe(
      'исправлено вручную в 3 ОО (вычислено 10)',
    );
    expect(correctionNote({ ...cell, corrected: false })).toBeNull();
  });
});

describe('manual corrections of a school’s report', () => {
  const computed = {
    key: '01.3',
    value: 2,
    computedValue: 2,
    corrected: false,
    correctedOrganizations: 0,
    correctionReason: null,
  };

  it('are the school curator’s, in a draft, a returned or a not yet started report, never in a locked year', () => {
    for (const status of [null, 'DRAFT', 'RETURNED'] as const) {
      expect(correctionUnavailable({ status, locked: false }, true)).toBeNull();
    }
    expect(correctionUnavailable({ status: 'SUBMITTED', locked: false }, true)).toBe(
      'Исправлять можно черновик или возвращённый отчёт, а этот отчёт отправлен.',
    );
    expect(correctionUnavailable({ status: 'ACCEPTED', locked: false }, true)).toBe(
      'Исправлять можно черновик или возвращённый отчёт, а этот отчёт принят муниципалитетом.',
    );
    expect(correctionUnavailable({ status: 'APPROVED', locked: true }, true)).toMatch(
      /^Учебный год ОО закрыт для изменений: .* после того, как субъект РФ снимет блокировку\.$/,
    );
    expect(correctionUnavailable({ status: 'DRAFT', locked: false }, false)).toBe(
      'Исправлять значения вручную может только куратор ОО.',
    );
  });

  it('offer the form’s figures section by section, never its shares', () => {
    const groups = correctableCells({
      sections: [
        {
          code: '1',
          title: 'Участники',
          note: null,
          columns: [
            { code: '3', title: 'Наставляемые, чел.' },
            { code: '4', title: 'Наставники, чел.' },
          ],
          rows: [
            {
              code: '01',
              title: 'Обучающиеся',
              cells: [
                { key: '01.3', columnCode: '3', correctable: true },
                { key: '01.4', columnCode: '4', correctable: true },
              ],
            },
          ],
        },
        {
          code: '4',
          title: 'Охват',
          note: null,
          columns: [{ code: '5', title: 'Доля вовлечённых, %' }],
          rows: [
            {
              code: '23',
              title: 'Обучающиеся 10–18 лет',
              cells: [{ key: '23.5', columnCode: '5', correctable: false }],
            },
          ],
        },
      ],
    });
    expect(groups).toEqual([
      {
        section: 'Раздел 1. Участники',
        cells: [
          { key: '01.3', label: '01.3 — Обучающиеся: Наставляемые, чел.' },
          { key: '01.4', label: '01.4 — Обучающиеся: Наставники, чел.' },
        ],
      },
    ]);
  });

  it('say what the chosen cell reads now, computed or corrected', () => {
    expect(cellNowText(undefined)).toBeUndefined();
    expect(cellNowText({ ...computed, value: 1234, computedValue: 1234 })).toBe(
      'Сейчас в отчёте: 1\u00a0234, вычислено по данным системы',
    );
    expect(
      cellNowText({
        ...computed,
        value: 4,
        corrected: true,
        correctedOrganizations: 1,
        correctionReason: 'позже',
      }),
    ).toBe('Сейчас в отчёте: 4, исправлено вручную (вычислено 2): позже');
  });

  it('read figures as Russian tables print them', () => {
    expect(parseCellValue('1\u00a0234')).toBe(1234);
    expect(parseCellValue(' 1 234 ')).toBe(1234);
    expect(parseCellValue('0')).toBe(0);
    expect(parseCellValue('  ')).toBeNull();
    expect(parseCellValue('2,5')).toBeNaN();
    expect(parseCellValue('-3')).toBe(-3);
  });

  it('need a cell, a whole figure from 0 and a reason; going back to the computed value needs only the reason', () => {
    const values = { cell: '01.3', value: '4', reason: 'Двое внесены после срока' };
    expect(validateCorrection(values, false)).toEqual({});
    expect(validateCorrection({ cell: '', value: '', reason: '  ' }, false)).toEqual({
      cell: 'выберите ячейку',
      value: 'укажите исправленное значение',
      reason: 'укажите причину исправления',
    });
    expect(validateCorrection({ ...values, value: '2,5' }, false)).toEqual({
      value: 'целое неотрицательное число',
    });
    expect(validateCorrection({ ...values, value: '-1' }, false)).toEqual({
      value: 'целое неотрицательное число',
    });
    expect(validateCorrection({ ...values, value: '1000000001' }, false)).toEqual({
      value: 'не больше 1\u00a0000\u00a0000\u00a0000',
    });
    expect(validateCorrection({ ...values, value: '' }, true)).toEqual({});
    expect(validateCorrection({ ...values, reason: '' }, true)).toEqual({
      reason: 'укажите причину исправления',
    });
  });

  it('send the API the figure, or null to remove the correction, with the reason trimmed', () => {
    const values = { cell: ' 01.3 ', value: '1 234', reason: ' Уточнено ' };
    expect(correctionInput(values, false)).toEqual({ cell: '01.3', value: 1234, reason: 'Уточнено' });
    expect(correctionInput(values, true)).toEqual({ cell: '01.3', value: null, reason: 'Уточнено' });
  });

  it('say what the report now reads once a correction is saved or removed', () => {
    expect(correctionDoneText('01.3', { value: 4, computedValue: 2 }, false)).toBe(
      'Значение ячейки 01.3 исправлено: 4 (вычислено 2).',
    );
    expect(correctionDoneText('01.3', { value: 2, computedValue: 2 }, true)).toBe(
      'Исправление ячейки 01.3 убрано: в отчёте снова вычисленное значение 2.',
    );
    expect(correctionDoneText('01.3', undefined, false)).toBe('Значение ячейки 01.3 исправлено.');
  });
});
