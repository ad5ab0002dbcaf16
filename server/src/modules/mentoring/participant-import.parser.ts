import { GraphQLError } from 'graphql';
import { dayOfCell, textOfCell } from '../../imports/cell-values.js';
import { normalizeTerm } from '../../imports/column-title.js';
import { countKnownColumns, fieldOfTerm, locateKnownColumns } from '../../imports/header-columns.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import { ruleMessage } from '../../imports/problem-message.js';
import { cleanText, isBlankRow, type RawCell, type RawSheet } from '../../imports/spreadsheet-reader.js';
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
  return fieldOfTerm(IMPORT_COLUMNS, titleTerm(cell));
}

export const participantHeaderScore = countKnownColumns(fieldOfTitle);

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
  return { sheet: at.sheet, row: at.row, column, message: ruleMessage(error) };
}

/** Rows of the first sheet with a recognised header, with every problem a cell has on its own. */
export function parseParticipantSheets(sheets: RawSheet[]): ParsedFile {
  const { titles, table } = locateKnownColumns(sheets, IMPORT_COLUMNS, fieldOfTitle);
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  if (!table) {
    problems.push({
      row: 0,
      message:
        'Не найдена строка заголовков: нужны столбцы «№», «Фамилия», «Имя», «Дата рождения», «Категория»',
    });
    return { rows, problems, titles };
  }
  const { sheet, header, positions } = table;
  problems.push(...table.missingColumns(REQUIRED));
  if (!positions.has('isMentor') && !positions.has('isMentee'))
    problems.push({
      sheet: sheet.name,
      row: header.row,
      column: IMPORT_COLUMNS.isMentor.title,
      message: 'Нужен столбец «Наставник» или «Наставляемый» (да / нет)',
    });
  if (problems.length > 0) return { rows, problems, titles };

  for (const raw of table.dataRows) {
    if (isBlankRow(raw)) continue;
    const at = { sheet: sheet.name, row: raw.row };
    const problem = (field: ImportField, message: string) =>
      problems.push({ ...at, column: titles[field], message });
    const cell = (field: ImportField) => table.cellOf(raw, field);
    const textOf = (field: ImportField) => textOfCell(cell(field));
    const before = problems.length;

    const externalKey = textOf('externalKey');
    if (!externalKey) problem('externalKey', 'Укажите номер участника в учёте ОО');

    const birthText = textOf('birthDate');
    const birthDate = birthText ? dayOfCell(cell('birthDate')) : undefined;
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
    const signedOn = signedText ? dayOfCell(cell('signedOn')) : undefined;
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
