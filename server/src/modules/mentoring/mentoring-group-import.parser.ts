import { dayOfCell, textOfCell } from '../../imports/cell-values.js';
import { normalizeTerm } from '../../imports/column-title.js';
import { countKnownColumns, fieldOfTerm, locateKnownColumns } from '../../imports/header-columns.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import { cleanText, isBlankRow, type RawCell, type RawSheet } from '../../imports/spreadsheet-reader.js';
import { MENTORING_FORM_LABELS, MentoringForm, MentoringGroupStatus } from './mentoring-group.enums.js';
import { FORM_RULES } from './mentoring-group.rules.js';
import { MENTORING_STAGE_LABELS, MentoringStage } from './mentoring-stage.js';
import { ParticipantCategory } from './participant.enums.js';

/**
 * Columns of a school's journal of pairs and groups. Mentors and mentees are named by the
 * participant's number in the school's records (the «№» of the participant list), several to a
 * cell or one per row: rows with the same group number are one group.
 */
export const GROUP_IMPORT_COLUMNS = {
  groupKey: {
    title: '№ группы',
    synonyms: [
      'номер группы',
      'номер пары',
      'номер пары группы',
      'номер наставнической пары группы',
      'номер наставнической группы',
      'группа',
      'пара',
      'пара группа',
    ],
  },
  form: { title: 'Форма наставничества', synonyms: ['форма', 'форма наставничества'] },
  program: { title: 'Программа', synonyms: ['программа', 'программа наставничества'] },
  title: {
    title: 'Название',
    synonyms: ['название', 'наименование', 'название группы', 'название пары группы'],
  },
  mentors: {
    title: 'Наставник',
    synonyms: [
      'наставник',
      'наставники',
      'наставник и',
      'номер наставника',
      'номера наставников',
      'наставник номер',
      'наставники номера',
    ],
  },
  mentees: {
    title: 'Наставляемый',
    synonyms: [
      'наставляемый',
      'наставляемые',
      'наставляемый е',
      'наставляемый ые',
      'номер наставляемого',
      'номера наставляемых',
      'наставляемый номер',
      'наставляемые номера',
    ],
  },
  orderNumber: {
    title: 'Номер приказа',
    synonyms: ['номер приказа', 'приказ', 'приказ о закреплении', 'номер приказа о закреплении'],
  },
  orderDate: { title: 'Дата приказа', synonyms: ['дата приказа', 'дата приказа о закреплении'] },
  stage: { title: 'Этап', synonyms: ['этап', 'этап программы', 'этап наставничества'] },
  status: { title: 'Статус', synonyms: ['статус', 'состояние'] },
  startedOn: {
    title: 'Дата начала',
    synonyms: ['дата начала', 'начало', 'начало работы', 'дата начала работы'],
  },
  endedOn: {
    title: 'Дата окончания',
    synonyms: ['дата окончания', 'окончание', 'окончание работы', 'дата завершения', 'дата прекращения'],
  },
  terminationReason: {
    title: 'Причина прекращения',
    synonyms: ['причина прекращения', 'причина досрочного прекращения', 'причина'],
  },
} as const;

export type GroupImportField = keyof typeof GROUP_IMPORT_COLUMNS;
type MemberField = 'mentors' | 'mentees';
/** The fields that describe the group as a whole: rows of one group must not disagree on them. */
type GroupField = Exclude<GroupImportField, 'groupKey' | MemberField>;
const GROUP_FIELDS: GroupField[] = [
  'form',
  'program',
  'title',
  'orderNumber',
  'orderDate',
  'stage',
  'status',
  'startedOn',
  'endedOn',
  'terminationReason',
];
const REQUIRED: GroupImportField[] = ['groupKey', 'form', 'mentors', 'mentees'];

/** How each category is named in a form's label: «педагог – педагог» is «учитель – учитель». */
const CATEGORY_WORDS: Partial<Record<ParticipantCategory, string[]>> = {
  [ParticipantCategory.PUPIL]: ['ученик', 'обучающийся', 'учащийся', 'школьник'],
  [ParticipantCategory.TEACHER]: ['учитель', 'педагог'],
  [ParticipantCategory.STUDENT]: ['студент'],
  [ParticipantCategory.EMPLOYER_REPRESENTATIVE]: ['работодатель', 'представитель работодателя'],
};

const FORM_TERMS = new Map<string, MentoringForm>(
  Object.values(MentoringForm).flatMap((form) => [
    [normalizeTerm(form), form] as const,
    [normalizeTerm(MENTORING_FORM_LABELS[form]), form] as const,
    ...CATEGORY_WORDS[FORM_RULES[form].mentor]!.flatMap((mentor) =>
      CATEGORY_WORDS[FORM_RULES[form].mentee]!.map((mentee) => [`${mentor} ${mentee}`, form] as const),
    ),
  ]),
);

/** Stages by their full name, a short one, their number (1–7) or «5 этап». */
const STAGE_SHORT_NAMES: Record<MentoringStage, string[]> = {
  [MentoringStage.PREPARATION]: ['подготовка', 'подготовка условий'],
  [MentoringStage.MENTEE_BASE]: ['база наставляемых', 'формирование базы наставляемых'],
  [MentoringStage.MENTOR_BASE]: ['база наставников', 'формирование базы наставников'],
  [MentoringStage.MENTOR_SELECTION_AND_TRAINING]: ['отбор и обучение', 'отбор и обучение наставников'],
  [MentoringStage.MATCHING]: ['формирование пар', 'формирование групп', 'формирование пар и групп'],
  [MentoringStage.WORK]: ['работа', 'работа пар', 'организация работы', 'работа пар и групп'],
  [MentoringStage.COMPLETION]: ['завершение', 'завершение наставничества'],
};
const STAGE_TERMS = new Map<string, MentoringStage>(
  Object.values(MentoringStage).flatMap((stage, index) => [
    [normalizeTerm(stage), stage] as const,
    [normalizeTerm(MENTORING_STAGE_LABELS[stage]), stage] as const,
    [String(index + 1), stage] as const,
    [`${index + 1} этап`, stage] as const,
    [`этап ${index + 1}`, stage] as const,
    ...STAGE_SHORT_NAMES[stage].map((name) => [name, stage] as const),
  ]),
);

const { FORMING, ACTIVE, COMPLETED, TERMINATED } = MentoringGroupStatus;
const STATUS_TERMS = new Map<string, MentoringGroupStatus>([
  ...Object.values(MentoringGroupStatus).map((status) => [normalizeTerm(status), status] as const),
  ...(
    [
      ['формируется', FORMING],
      ['формирование', FORMING],
      ['формирующаяся', FORMING],
      ['работает', ACTIVE],
      ['действует', ACTIVE],
      ['действующая', ACTIVE],
      ['в работе', ACTIVE],
      ['активна', ACTIVE],
      ['активная', ACTIVE],
      ['завершена', COMPLETED],
      ['завершено', COMPLETED],
      ['завершен', COMPLETED],
      ['завершена успешно', COMPLETED],
      ['прекращена', TERMINATED],
      ['прекращено', TERMINATED],
      ['прекращена досрочно', TERMINATED],
      ['досрочно прекращена', TERMINATED],
    ] as const
  ).map(([term, status]) => [term, status] as const),
]);

/** «№» alone is the row number of the journal, not a group's: only «№ группы» and the like count. */
function titleTerm(cell: RawCell): string {
  return normalizeTerm(cleanText(String(cell)).replace(/^№\s*/, 'номер '));
}

function fieldOfTitle(cell: RawCell): GroupImportField | undefined {
  return fieldOfTerm(GROUP_IMPORT_COLUMNS, titleTerm(cell));
}

export const groupHeaderScore = countKnownColumns(fieldOfTitle);

/** Where a value came from: problems with it are reported at that row. */
export interface Sourced<T> {
  value: T;
  /** The cell as written, for messages. */
  text: string;
  sheet?: string;
  row: number;
}

interface GroupValues {
  form: MentoringForm;
  program: string;
  title: string;
  orderNumber: string;
  orderDate: string;
  stage: MentoringStage;
  status: MentoringGroupStatus;
  startedOn: string;
  endedOn: string;
  terminationReason: string;
}

/** One group of the file, assembled from all its rows; blank cells are absent fields. */
export interface FileGroup {
  key: string;
  sheet?: string;
  /** The group's first row. */
  row: number;
  fields: { [F in GroupField]?: Sourced<GroupValues[F]> };
  /** Participant numbers with the first row that names each. */
  mentors: Map<string, Sourced<string>>;
  mentees: Map<string, Sourced<string>>;
  /** A row of the group has a problem of its own: the group is not checked further. */
  broken: boolean;
}

export interface ParsedGroupFile {
  groups: FileGroup[];
  /** Data rows of the file, problems or not. */
  rows: number;
  problems: ImportProblem[];
  /** Column titles as written in the file; canonical titles for columns it lacks. */
  titles: Record<GroupImportField, string>;
}

/** Participant numbers in a cell: separated by commas, semicolons, spaces or line breaks. */
function keysOf(cell: RawCell): string[] {
  return String(cell)
    .split(/[\s,;]+/)
    .map((key) => cleanText(key))
    .filter(Boolean);
}

const DATE_FIELDS = new Set<GroupField>(['orderDate', 'startedOn', 'endedOn']);
const TERMS: Partial<Record<GroupField, { terms: Map<string, string>; unknown: (text: string) => string }>> =
  {
    form: {
      terms: FORM_TERMS,
      unknown: (text) =>
        `Неизвестная форма наставничества «${text}»: ${Object.values(MENTORING_FORM_LABELS)
          .map((label) => `«${label}»`)
          .join(', ')}`,
    },
    stage: {
      terms: STAGE_TERMS,
      unknown: (text) =>
        `Неизвестный этап «${text}»: номер этапа от 1 до 7 или его название, например «Организация работы наставнических пар или групп»`,
    },
    status: {
      terms: STATUS_TERMS,
      unknown: (text) =>
        `Неизвестный статус «${text}»: формируется, работает, завершена или прекращена досрочно`,
    },
  };

/** The rows of the first sheet with a recognised header, grouped by group number. */
export function parseGroupSheets(sheets: RawSheet[]): ParsedGroupFile {
  const { titles, table } = locateKnownColumns(sheets, GROUP_IMPORT_COLUMNS, fieldOfTitle);
  const problems: ImportProblem[] = [];
  const groups = new Map<string, FileGroup>();
  let rows = 0;
  if (!table) {
    problems.push({
      row: 0,
      message:
        'Не найдена строка заголовков: нужны столбцы «№ группы», «Форма наставничества», «Наставник», «Наставляемый»',
    });
    return { groups: [], rows, problems, titles };
  }
  problems.push(...table.missingColumns(REQUIRED));
  if (problems.length > 0) return { groups: [], rows, problems, titles };

  for (const raw of table.dataRows) {
    if (isBlankRow(raw)) continue;
    rows += 1;
    const at = { sheet: table.sheet.name, row: raw.row };
    const problem = (field: GroupImportField, message: string) =>
      problems.push({ ...at, column: titles[field], message });
    const cell = (field: GroupImportField) => table.cellOf(raw, field);
    const textOf = (field: GroupImportField) => textOfCell(cell(field));

    const before = problems.length;
    const key = textOf('groupKey');
    if (!key) {
      problem('groupKey', 'Укажите номер пары или группы в учёте ОО');
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      group = { key, ...at, fields: {}, mentors: new Map(), mentees: new Map(), broken: false };
      groups.set(key, group);
    }

    for (const field of GROUP_FIELDS) {
      const text = textOf(field);
      if (!text) continue;
      let value: string | undefined = text;
      if (DATE_FIELDS.has(field)) value = dayOfCell(cell(field));
      else if (TERMS[field]) value = TERMS[field].terms.get(normalizeTerm(text));
      if (value === undefined) {
        problem(
          field,
          DATE_FIELDS.has(field)
            ? `Дата «${text}» не распознана: укажите её как ДД.ММ.ГГГГ`
            : TERMS[field]!.unknown(text),
        );
        continue;
      }
      const earlier = group.fields[field];
      if (!earlier) {
        group.fields[field] = { value, text, ...at } as never;
      } else if (earlier.value !== value) {
        problem(
          field,
          `Строки одной пары или группы «${key}» расходятся: в строке ${earlier.row} указано «${earlier.text}», здесь «${text}»`,
        );
      }
    }
    for (const side of ['mentors', 'mentees'] as const) {
      for (const participantKey of keysOf(cell(side))) {
        if (!group[side].has(participantKey))
          group[side].set(participantKey, { value: participantKey, text: participantKey, ...at });
      }
    }
    if (problems.length > before) group.broken = true;
  }
  return { groups: [...groups.values()], rows, problems, titles };
}
