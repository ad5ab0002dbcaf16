import { GraphQLError } from 'graphql';
import { normalizeTerm } from '../../imports/column-title.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import {
  cleanText,
  findHeaderRow,
  isBlankRow,
  type RawCell,
  type RawSheet,
} from '../../imports/spreadsheet-reader.js';
import { ConsentSigner, ParticipantCategory } from './participant.enums.js';
import type { ConsentInput, ParticipantInput } from './participant.inputs.js';

/** Fields of ParticipantInput and ConsentInput a school's list fills, with their column titles. */
export const IMPORT_COLUMNS = {
  externalKey: { title: '№', synonyms: ['№', 'номер', 'п п', 'номер п п', 'табельный номер'] },
  lastName: { title: 'Фамилия', synonyms: ['фамилия'] },
  firstName: { title: 'Имя', synonyms: ['имя'] },
  middleName: { title: 'Отчество', synonyms: ['отчество'] },
  birthDate: { title: 'Дата рождения', synonyms: ['дата рождения'] },
  category: { title: 'Категория', synonyms: ['категория', 'категория участника'] },
  isMentor: { title: 'Наставник', synonyms: ['наставник'] },
  isMentee: { title: 'Наставляемый', synonyms: ['наставляемый'] },
  gradeOrCourse: { title: 'Класс', synonyms: ['класс', 'курс', 'класс курс'] },
  teachingExperienceYears: { title: 'Стаж', synonyms: ['стаж', 'педагогический стаж'] },
  contact: { title: 'Контакт', synonyms: ['контакт', 'контакты', 'телефон'] },
  signedOn: { title: 'Согласие: дата', synonyms: ['согласие дата', 'дата согласия'] },
  signedBy: { title: 'Согласие: кто подписал', synonyms: ['согласие кто подписал', 'согласие подписал'] },
  representativeName: { title: 'Представитель', synonyms: ['представитель', 'законный представитель'] },
} as const;

export type ImportField = keyof typeof IMPORT_COLUMNS;
const REQUIRED: ImportField[] = ['externalKey', 'lastName', 'firstName', 'birthDate', 'category'];

const CATEGORY_TERMS: Record<string, ParticipantCategory> = {
  обучающийся: ParticipantCategory.PUPIL,
  ученик: ParticipantCategory.PUPIL,
  учащийся: ParticipantCategory.PUPIL,
  педагог: ParticipantCategory.TEACHER,
  учитель: ParticipantCategory.TEACHER,
  студент: ParticipantCategory.STUDENT,
  'студент спо или вуза': ParticipantCategory.STUDENT,
  выпускник: ParticipantCategory.GRADUATE,
  'представитель работодателя': ParticipantCategory.EMPLOYER_REPRESENTATIVE,
  работодатель: ParticipantCategory.EMPLOYER_REPRESENTATIVE,
  другое: ParticipantCategory.OTHER,
};

const SIGNER_TERMS: Record<string, ConsentSigner> = {
  сам: ConsentSigner.SELF,
  сама: ConsentSigner.SELF,
  'сам участник': ConsentSigner.SELF,
  участник: ConsentSigner.SELF,
  'законный представитель': ConsentSigner.LEGAL_REPRESENTATIVE,
  представитель: ConsentSigner.LEGAL_REPRESENTATIVE,
  родитель: ConsentSigner.LEGAL_REPRESENTATIVE,
};

const YES = new Set(['да', '1', '+', 'x', 'х', 'true', 'v']);
const NO = new Set(['', 'нет', '0', '-', 'false']);

/** «№» has no letters, so it is matched as written. */
function titleTerm(cell: RawCell): string {
  const text = cleanText(String(cell));
  return text === '№' ? '№' : normalizeTerm(text.replace(/^№\s*/, 'номер '));
}

function fieldOfTitle(cell: RawCell): ImportField | undefined {
  const term = titleTerm(cell);
  if (!term) return undefined;
  return (Object.keys(IMPORT_COLUMNS) as ImportField[]).find((field) =>
    (IMPORT_COLUMNS[field].synonyms as readonly string[]).includes(term),
  );
}

export function participantHeaderScore(cells: RawCell[]): number {
  return new Set(cells.map(fieldOfTitle).filter(Boolean)).size;
}

/** One data row of the file, turned into the inputs the participant rules check. */
export interface ImportRow {
  sheet?: string;
  row: number;
  participant: ParticipantInput;
  consent: ConsentInput | null;
}

export interface ParsedFile {
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Column titles as written in the file; canonical titles for columns it lacks. */
  titles: Record<ImportField, string>;
}

export function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ДД.ММ.ГГГГ, ГГГГ-ММ-ДД or a date cell; undefined when the text is no date. */
export function dayOf(cell: RawCell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : isoOfDate(cell);
  const text = cleanText(String(cell));
  const russian = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s*г\.?)?$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = russian
    ? [russian[3]!, russian[2]!, russian[1]!]
    : iso
      ? [iso[1]!, iso[2]!, iso[3]!]
      : [];
  if (!year) return undefined;
  const value = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || isoOfDate(parsed) !== value ? undefined : value;
}

/** The participant rules throw badInput(field, …): the problem names the file's column. */
export function problemOfError(
  error: unknown,
  at: { sheet?: string; row: number },
  titles: Record<ImportField, string>,
): ImportProblem {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
  const field = String(error.extensions.field ?? '');
  const column =
    field in titles
      ? titles[field as ImportField]
      : ['requestTopics', 'requestSource'].includes(field)
        ? titles.isMentee
        : titles.isMentor;
  const message = error.message.startsWith(`${field}: `)
    ? error.message.slice(field.length + 2)
    : error.message;
  return {
    sheet: at.sheet,
    row: at.row,
    column,
    message: message.charAt(0).toUpperCase() + message.slice(1),
  };
}

/** Rows of the first sheet with a recognised header, with every problem a cell has on its own. */
export function parseParticipantSheets(sheets: RawSheet[]): ParsedFile {
  const titles = Object.fromEntries(
    (Object.keys(IMPORT_COLUMNS) as ImportField[]).map((field) => [field, IMPORT_COLUMNS[field].title]),
  ) as Record<ImportField, string>;
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const found = sheets
    .map((sheet) => ({ sheet, header: findHeaderRow(sheet, participantHeaderScore) }))
    .find((candidate) => candidate.header !== undefined);
  if (!found) {
    problems.push({
      row: 0,
      message:
        'Не найдена строка заголовков: нужны столбцы «№», «Фамилия», «Имя», «Дата рождения», «Категория»',
    });
    return { rows, problems, titles };
  }
  const { sheet } = found;
  const header = sheet.rows[found.header!]!;
  const index = new Map<ImportField, number>();
  header.cells.forEach((cell, position) => {
    const field = fieldOfTitle(cell);
    if (field && !index.has(field)) {
      index.set(field, position);
      titles[field] = cleanText(String(cell));
    }
  });
  for (const field of REQUIRED) {
    if (!index.has(field))
      problems.push({
        sheet: sheet.name,
        row: header.row,
        column: IMPORT_COLUMNS[field].title,
        message: `Нет обязательного столбца «${IMPORT_COLUMNS[field].title}»`,
      });
  }
  if (!index.has('isMentor') && !index.has('isMentee'))
    problems.push({
      sheet: sheet.name,
      row: header.row,
      column: IMPORT_COLUMNS.isMentor.title,
      message: 'Нужен столбец «Наставник» или «Наставляемый» (да / нет)',
    });
  if (problems.length > 0) return { rows, problems, titles };

  for (const raw of sheet.rows.slice(found.header! + 1)) {
    if (isBlankRow(raw)) continue;
    const at = { sheet: sheet.name, row: raw.row };
    const problem = (field: ImportField, message: string) =>
      problems.push({ ...at, column: titles[field], message });
    const cell = (field: ImportField): RawCell => {
      const position = index.get(field);
      return position === undefined ? '' : (raw.cells[position] ?? '');
    };
    const textOf = (field: ImportField) => {
      const value = cell(field);
      return value instanceof Date ? isoOfDate(value) : cleanText(String(value));
    };
    const before = problems.length;

    const externalKey = textOf('externalKey');
    if (!externalKey) problem('externalKey', 'Укажите номер участника в учёте ОО');

    const birthText = textOf('birthDate');
    const birthDate = birthText ? dayOf(cell('birthDate')) : undefined;
    if (!birthText) problem('birthDate', 'Укажите дату рождения');
    else if (!birthDate) problem('birthDate', `Дата «${birthText}» не распознана: укажите её как ДД.ММ.ГГГГ`);

    const categoryText = textOf('category');
    const category = CATEGORY_TERMS[normalizeTerm(categoryText)];
    if (!category)
      problem(
        'category',
        categoryText
          ? `Неизвестная категория «${categoryText}»: обучающийся, педагог, студент, выпускник, представитель работодателя или другое`
          : 'Укажите категорию участника',
      );

    const flag = (field: 'isMentor' | 'isMentee') => {
      const value = normalizeTerm(textOf(field));
      if (YES.has(value)) return true;
      if (!NO.has(value)) problem(field, `Ожидается «да» или «нет», указано «${textOf(field)}»`);
      return false;
    };
    const isMentor = flag('isMentor');
    const isMentee = flag('isMentee');

    const experienceText = textOf('teachingExperienceYears');
    const experience = experienceText ? Number(experienceText.replace(',', '.')) : null;
    if (experience !== null && !Number.isInteger(experience))
      problem('teachingExperienceYears', `Стаж — целое число полных лет, указано «${experienceText}»`);

    const signedText = textOf('signedOn');
    const signerText = textOf('signedBy');
    const representativeName = textOf('representativeName') || null;
    const signedOn = signedText ? dayOf(cell('signedOn')) : undefined;
    const signedBy = signerText ? SIGNER_TERMS[normalizeTerm(signerText)] : undefined;
    if (signedText && !signedOn)
      problem('signedOn', `Дата «${signedText}» не распознана: укажите её как ДД.ММ.ГГГГ`);
    if (signerText && !signedBy)
      problem('signedBy', `Ожидается «сам» или «законный представитель», указано «${signerText}»`);
    if (!signedText && (signerText || representativeName))
      problem('signedOn', 'Укажите дату подписания согласия');
    if (signedText && !signerText)
      problem('signedBy', 'Укажите, кто подписал согласие: сам или законный представитель');

    if (problems.length > before) continue;
    rows.push({
      ...at,
      participant: {
        externalKey,
        category: category!,
        isMentor,
        isMentee,
        lastName: textOf('lastName'),
        firstName: textOf('firstName'),
        middleName: textOf('middleName') || null,
        birthDate: birthDate!,
        contact: textOf('contact') || null,
        gradeOrCourse: textOf('gradeOrCourse') || null,
        teachingExperienceYears: experience,
        ovz: false,
        gifted: false,
        difficultSituation: false,
        lowIncome: false,
        orphan: false,
      } as ParticipantInput,
      consent: signedOn ? ({ signedOn, signedBy: signedBy!, representativeName } as ConsentInput) : null,
    });
  }
  return { rows, problems, titles };
}
