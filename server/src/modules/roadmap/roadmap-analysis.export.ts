import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import type { AccessScope } from '../access/access-scope.js';
import { ScopedLists } from '../access/scoped-lists.js';
import { MUNICIPALITIES } from '../hierarchy/hierarchy.service.js';
import type { RoadmapItem } from './roadmap-item.entity.js';
import type { RoadmapSection } from './roadmap-section.entity.js';
import { RoadmapItemStatus, RoadmapLevel } from './roadmap.enums.js';
import { createRoadmapLoaders } from './roadmap.loaders.js';

/** What «Анализ реализации дорожной карты» of a municipality shows for one academic year. */
export interface RoadmapAnalysis {
  municipalityCode: string;
  municipalityName: string;
  academicYear: number;
  sections: RoadmapSection[];
  items: RoadmapItem[];
}

/**
 * The municipality's own roadmap for the academic year, if the caller may see both; null
 * otherwise, so that a foreign municipality and a missing roadmap look the same.
 */
export async function loadRoadmapAnalysis(
  em: EntityManager,
  scope: AccessScope,
  municipalityCode: string,
  academicYear: number,
): Promise<RoadmapAnalysis | null> {
  const municipality = await new ScopedLists(em, scope).byCode(MUNICIPALITIES, municipalityCode);
  if (!municipality) return null;
  const loaders = createRoadmapLoaders(em, scope);
  const roadmap = await loaders.ownRoadmap(RoadmapLevel.MUNICIPALITY, academicYear).load(municipality.id);
  if (!roadmap) return null;
  const [sections, items] = await Promise.all([
    loaders.sectionsByRoadmap.load(roadmap.id),
    loaders.itemsByRoadmap.load(roadmap.id),
  ]);
  return {
    municipalityCode: municipality.code,
    municipalityName: municipality.name,
    academicYear,
    sections,
    items,
  };
}

/** The six columns of the analysis, as the municipal documents title them. */
export const ANALYSIS_COLUMNS = [
  { title: '№ п/п', width: 7 },
  { title: 'Наименование мероприятий', width: 48 },
  { title: 'Срок реализации', width: 16 },
  { title: 'Ответственный исполнитель', width: 22 },
  { title: 'Результат. Вид документа', width: 30 },
  { title: 'Отметка о выполнении', width: 44 },
] as const;

/** Rows above the table: three title lines and a gap. */
const HEADER_ROW = 5;

/** The mark column's first line; an item not yet marked leaves it empty, as the documents do. */
export const ANALYSIS_MARKS: Record<RoadmapItemStatus, string> = {
  [RoadmapItemStatus.PLANNED]: '',
  [RoadmapItemStatus.IN_PROGRESS]: 'выполняется',
  [RoadmapItemStatus.DONE]: 'выполнено',
  [RoadmapItemStatus.NOT_DONE]: 'не выполнено',
  [RoadmapItemStatus.CANCELLED]: 'отменено',
};

const russianDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * «выполнено» / «не выполнено» / nothing, then the note and the evidence on lines of their own.
 * Evidence the note already quotes (an imported «Издан приказ … № 304-од …») is not repeated.
 */
export function analysisMarkText(item: RoadmapItem): string {
  const note = item.completionNote?.trim() ?? '';
  const order = [
    item.evidenceOrderNumber && !note.includes(item.evidenceOrderNumber)
      ? `№ ${item.evidenceOrderNumber}`
      : '',
    item.evidenceOrderDate && !note.includes(russianDate(item.evidenceOrderDate))
      ? `от ${russianDate(item.evidenceOrderDate)}`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const evidence = [
    order ? `Документ ${order}` : '',
    item.evidenceLink && !note.includes(item.evidenceLink) ? item.evidenceLink : '',
    item.evidenceFileName ? `Файл: ${item.evidenceFileName}` : '',
  ];
  return [ANALYSIS_MARKS[item.status], note, ...evidence].filter(Boolean).join('\n');
}

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** The analysis in the layout of the municipal document, ready to print on landscape A4. */
export function roadmapAnalysisWorkbook(analysis: RoadmapAnalysis): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Наставник';
  const sheet = workbook.addWorksheet('Анализ', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.columns = ANALYSIS_COLUMNS.map((column) => ({ width: column.width }));
  const width = ANALYSIS_COLUMNS.length;

  const titleLines = [
    'Анализ реализации «Дорожной карты»',
    `внедрения целевой модели наставничества на территории муниципального образования «${analysis.municipalityName}»`,
    `за ${analysis.academicYear}/${analysis.academicYear + 1} учебный год`,
  ];
  titleLines.forEach((text, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: index === 0, size: index === 0 ? 14 : 12 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.mergeCells(index + 1, 1, index + 1, width);
  });
  sheet.getRow(2).height = 32;

  const header = sheet.getRow(HEADER_ROW);
  ANALYSIS_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = BORDER;
  });

  let rowNumber = HEADER_ROW;
  const addSection = (position: number, title: string) => {
    rowNumber += 1;
    const cell = sheet.getRow(rowNumber).getCell(1);
    cell.value = `${position}. ${title}`;
    cell.font = { bold: true };
    cell.alignment = WRAP;
    sheet.mergeCells(rowNumber, 1, rowNumber, width);
    cell.border = BORDER;
  };
  const addItem = (item: RoadmapItem) => {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    const values = [
      item.number ?? '',
      item.title,
      item.dueWording,
      item.responsible ?? '',
      item.expectedResult ?? '',
      analysisMarkText(item),
    ];
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      cell.value = value;
      cell.alignment = WRAP;
      cell.border = BORDER;
    });
  };

  const sections = [...analysis.sections].sort((a, b) => a.position - b.position);
  const itemsOf = (sectionId: number | null) =>
    analysis.items
      .filter((item) => (item.section?.id ?? null) === sectionId)
      .sort((a, b) => a.position - b.position);
  itemsOf(null).forEach(addItem);
  for (const section of sections) {
    addSection(section.position, section.title);
    itemsOf(section.id).forEach(addItem);
  }
  return workbook;
}

export async function roadmapAnalysisXlsx(analysis: RoadmapAnalysis): Promise<Buffer> {
  return Buffer.from(await roadmapAnalysisWorkbook(analysis).xlsx.writeBuffer());
}
