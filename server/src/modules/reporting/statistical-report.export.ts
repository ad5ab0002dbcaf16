import ExcelJS from 'exceljs';
import { UnitLevel } from '../indicators/reporting-unit.js';
import { REPORT_STATUS_LABELS } from './statistical-report.enums.js';
import type { ReportCell, StatisticalReport } from './statistical-report.type.js';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
/** Corrected cells stand out on screen and on a colour print; the note says by how much and why. */
export const CORRECTED_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF2CC' },
};

/** Columns 1 and 2 of every section: the row's name and number, as statistical forms print them. */
const NAME_WIDTH = 58;
const NUMBER_WIDTH = 8;
const DATA_WIDTH = 16;

/** A cell the form leaves empty in a row is crossed out, as on paper forms. */
export const CROSSED = 'х';
export const NOT_REPORTED = 'не представлено';

const russianDate = (iso: string) => iso.split('-').reverse().join('.');

const moscowDay = (moment: Date) =>
  russianDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(moment));

const number = (value: number) => new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(value);

/** «МОАУ СОШ № 1 (код ОО 280001)», «город Зея (ОКТМО 10712000)», «Российская Федерация». */
export function unitTitle(report: StatisticalReport): string {
  const { level, code, name } = report.unit;
  const codeLabel: Record<UnitLevel, string | null> = {
    [UnitLevel.FEDERATION]: null,
    [UnitLevel.REGION]: 'код субъекта РФ',
    [UnitLevel.MUNICIPALITY]: 'ОКТМО',
    [UnitLevel.ORGANIZATION]: 'код ОО',
  };
  return codeLabel[level] ? `${name} (${codeLabel[level]} ${code})` : name;
}

function statusLine(report: StatisticalReport): string {
  const due = `срок представления ОО — ${russianDate(report.dueOn)}`;
  if (report.status === null) return `Сумма итоговых значений ${report.organizations} ОО; ${due}.`;
  const parts = [`Состояние отчёта: ${REPORT_STATUS_LABELS[report.status]}`, due];
  if (report.submittedAt) {
    parts.push(
      `отправлен ${moscowDay(report.submittedAt)}${report.submittedOnTime ? ' (в срок)' : ' (с опозданием)'}`,
    );
  }
  if (report.approvedAt) parts.push(`утверждён ${moscowDay(report.approvedAt)}`);
  return `${parts.join('; ')}.`;
}

/** What the note on a corrected cell says: the computed value beside the final one, and why. */
export function correctionNote(cell: ReportCell, level: UnitLevel): string {
  const computed = cell.computedValue === null ? NOT_REPORTED : number(cell.computedValue);
  if (cell.correctedOrganizations === 0)
    return `Вычислено из исправленных граф; без исправлений — ${computed}.`;
  if (level === UnitLevel.ORGANIZATION) {
    return `Исправлено вручную. Вычислено по данным системы: ${computed}. Причина: ${cell.correctionReason}`;
  }
  return `Включает исправления ${cell.correctedOrganizations} ОО. Без исправлений: ${computed}.`;
}

/** The form filled for a unit, laid out like a statistical form: portrait A4, one page wide. */
export function statisticalReportWorkbook(report: StatisticalReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Наставник';
  const dataColumns = Math.max(...report.form.sections.map((section) => section.columns.length));
  const width = 2 + dataColumns;
  const sheet = workbook.addWorksheet('Отчёт', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = [
    { width: NAME_WIDTH },
    { width: NUMBER_WIDTH },
    ...Array.from({ length: dataColumns }, () => ({ width: DATA_WIDTH })),
  ];

  let rowNumber = 0;
  const line = (text: string, font: Partial<ExcelJS.Font> = {}, height?: number) => {
    rowNumber += 1;
    const cell = sheet.getRow(rowNumber).getCell(1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.mergeCells(rowNumber, 1, rowNumber, width);
    if (height) sheet.getRow(rowNumber).height = height;
  };

  line(report.form.title, { bold: true, size: 14 }, 36);
  line(`за ${report.academicYear}/${report.academicYear + 1} учебный год`, { size: 12 });
  line(unitTitle(report), { bold: true, size: 12 }, 30);
  line(statusLine(report), { size: 10 });
  if (report.form.note) line(report.form.note, { italic: true, size: 9 }, 26);

  const cells = new Map(report.cells.map((cell) => [cell.key, cell]));
  for (const section of report.form.sections) {
    rowNumber += 1;
    line(`Раздел ${section.code}. ${section.title}`, { bold: true, size: 11 });
    sheet.getRow(rowNumber).getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    if (section.note) {
      line(section.note, { italic: true, size: 9 }, 24);
      sheet.getRow(rowNumber).getCell(1).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    }

    rowNumber += 1;
    const header = sheet.getRow(rowNumber);
    header.height = 45;
    const titles = ['Наименование показателя', '№ строки', ...section.columns.map((column) => column.title)];
    rowNumber += 1;
    const numbers = sheet.getRow(rowNumber);
    const columnNumbers = ['1', '2', ...section.columns.map((column) => column.code)];
    titles.forEach((title, index) => {
      const cell = header.getCell(index + 1);
      cell.value = title;
      cell.font = { bold: true, size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      const numberCell = numbers.getCell(index + 1);
      numberCell.value = columnNumbers[index];
      numberCell.alignment = { horizontal: 'center' };
      numberCell.font = { size: 9 };
      numberCell.border = BORDER;
    });

    for (const formRow of section.rows) {
      rowNumber += 1;
      const row = sheet.getRow(rowNumber);
      row.getCell(1).value = formRow.title;
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(2).value = formRow.code;
      row.getCell(2).alignment = { horizontal: 'center', vertical: 'top' };
      section.columns.forEach((column, index) => {
        const target = row.getCell(index + 3);
        const formCell = formRow.cells.find((candidate) => candidate.columnCode === column.code);
        const value = formCell ? cells.get(formCell.key) : undefined;
        target.alignment = { horizontal: 'right', vertical: 'top' };
        if (!formCell || !value) {
          target.value = CROSSED;
          target.alignment = { horizontal: 'center', vertical: 'top' };
        } else if (value.value === null) {
          target.value = formCell.correctable ? NOT_REPORTED : '—';
          target.font = { size: 9 };
        } else {
          target.value = value.value;
          target.numFmt = formCell.correctable ? '#,##0' : '0.0';
        }
        if (value?.corrected) {
          target.fill = CORRECTED_FILL;
          target.note = correctionNote(value, report.unit.level);
        }
      });
      for (let column = 1; column <= 2 + section.columns.length; column += 1)
        row.getCell(column).border = BORDER;
    }
  }

  rowNumber += 1;
  line(
    'Значения, исправленные вручную, выделены цветом; в примечании к ячейке — значение, вычисленное по данным ' +
      'системы, и причина исправления.',
    { italic: true, size: 9 },
    24,
  );
  sheet.getRow(rowNumber).getCell(1).alignment = { horizontal: 'left', wrapText: true };

  rowNumber += 2;
  for (const signer of ['Руководитель', 'Должностное лицо, ответственное за предоставление сведений']) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = signer;
    row.getCell(1).alignment = { wrapText: true, vertical: 'bottom' };
    row.getCell(3).value = '_______________';
    row.getCell(width).value = '_______________';
    rowNumber += 1;
    const captions = sheet.getRow(rowNumber);
    captions.getCell(3).value = '(подпись)';
    captions.getCell(width).value = '(Ф. И. О.)';
    for (const column of [3, width]) {
      captions.getCell(column).font = { size: 8, italic: true };
      captions.getCell(column).alignment = { horizontal: 'center' };
      row.getCell(column).alignment = { horizontal: 'center', vertical: 'bottom' };
    }
  }
  rowNumber += 2;
  sheet.getRow(rowNumber).getCell(1).value = '«___» ____________ 20___ г.';
  return workbook;
}

export async function statisticalReportXlsx(report: StatisticalReport): Promise<Buffer> {
  return Buffer.from(await statisticalReportWorkbook(report).xlsx.writeBuffer());
}
