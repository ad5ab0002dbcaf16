import { badInput } from '../../graphql/errors.js';
import { Field, InputType, Int } from 'type-graphql';
import { SpreadsheetUploadInput } from '../../imports/spreadsheet-upload.input.js';
import { academicYearPeriod } from './academic-year.js';

@InputType({
  description:
    'Файл дорожной карты (CSV или XLSX в раскладке документа: № п/п, мероприятие, сроки, ответственные, ' +
    'результат / вид документа, отметка о выполнении) и период, на который она составлена.',
})
export class RoadmapImportInput extends SpreadsheetUploadInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'Учебный год по году начала: 2020 — карта на период с 01.09.2020 по 31.08.2021. ' +
      'Указывается либо он, либо periodFrom и periodTo.',
  })
  academicYear?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Начало периода (ГГГГ-ММ-ДД) для карт на несколько лет, например 2021–2024.',
  })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Конец периода (ГГГГ-ММ-ДД).' })
  periodTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Заголовок карты; по умолчанию — из заголовка документа над таблицей или «Дорожная карта … на ГГГГ/ГГГГ учебный год».',
  })
  title?: string | null;
}

/** The period a roadmap is for; an academic year runs from September to August. */
export interface ImportPeriod {
  periodFrom: string;
  periodTo: string;
  academicYear: number | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (text: string) =>
  ISO_DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
/** Roadmaps are written for a year or for a programme of a few years (2021–2024), not for decades. */
const LONGEST_PERIOD_YEARS = 6;

export function importPeriod(input: RoadmapImportInput): ImportPeriod {
  const { academicYear, periodFrom, periodTo } = input;
  const hasPeriod = Boolean(periodFrom || periodTo);
  if (academicYear !== null && academicYear !== undefined) {
    if (hasPeriod) throw badInput('academicYear', 'укажите либо учебный год, либо periodFrom и periodTo');
    if (!Number.isInteger(academicYear) || academicYear < 2019 || academicYear > 2100) {
      throw badInput('academicYear', 'год начала учебного года, например 2020 для 2020/2021');
    }
    const year = academicYearPeriod(academicYear);
    return { periodFrom: year.from, periodTo: year.to, academicYear };
  }
  if (!periodFrom || !isDay(periodFrom))
    throw badInput('periodFrom', 'укажите учебный год или начало периода (ГГГГ-ММ-ДД)');
  if (!periodTo || !isDay(periodTo)) throw badInput('periodTo', 'укажите конец периода (ГГГГ-ММ-ДД)');
  if (periodTo < periodFrom) throw badInput('periodTo', 'конец периода раньше начала');
  if (Number(periodTo.slice(0, 4)) - Number(periodFrom.slice(0, 4)) > LONGEST_PERIOD_YEARS) {
    throw badInput('periodTo', `период дорожной карты — не больше ${LONGEST_PERIOD_YEARS} лет`);
  }
  return { periodFrom, periodTo, academicYear: null };
}
