import { normalizeTerm } from '../../imports/column-title.js';

/**
 * The columns of a roadmap as schools and municipalities write them: the school form
 * (Мероприятие / Сроки / Ответственные) and the municipal analysis form (№ п/п / Наименование
 * мероприятий / Срок реализации / Ответственный исполнитель / Результат. Вид документа /
 * Отметка о выполнении).
 */
export type RoadmapField = 'number' | 'title' | 'due' | 'responsible' | 'result' | 'mark';

export interface RoadmapColumn {
  field: RoadmapField;
  /** The title used in messages. */
  title: string;
  synonyms: readonly string[];
  required: boolean;
}

export const ROADMAP_COLUMNS: readonly RoadmapColumn[] = [
  {
    field: 'number',
    title: '№ п/п',
    synonyms: ['№', 'N п/п', 'No', 'п/п', 'Номер', 'Номер п/п', '№ мероприятия', 'Номер мероприятия'],
    required: false,
  },
  {
    field: 'title',
    title: 'Мероприятие',
    synonyms: [
      'Мероприятия',
      'Наименование мероприятия',
      'Наименование мероприятий',
      'Название мероприятия',
      'Наименование',
      'Содержание мероприятия',
      'Содержание мероприятий',
      'Содержание деятельности',
      'Содержание работы',
      'Мероприятие (действие)',
    ],
    required: true,
  },
  {
    field: 'due',
    title: 'Сроки',
    synonyms: [
      'Срок',
      'Срок реализации',
      'Сроки реализации',
      'Срок исполнения',
      'Сроки исполнения',
      'Срок выполнения',
      'Сроки выполнения',
      'Срок проведения',
      'Сроки проведения',
      'Дата проведения',
      'Период реализации',
    ],
    required: true,
  },
  {
    field: 'responsible',
    title: 'Ответственные',
    synonyms: [
      'Ответственный',
      'Ответственный исполнитель',
      'Ответственные исполнители',
      'Ответственное лицо',
      'Ответственные лица',
      'Исполнитель',
      'Исполнители',
    ],
    required: false,
  },
  {
    field: 'result',
    title: 'Результат / вид документа',
    synonyms: [
      'Результат',
      'Результаты',
      'Результат. Вид документа',
      'Результат, вид документа',
      'Вид документа',
      'Ожидаемый результат',
      'Ожидаемые результаты',
      'Планируемый результат',
      'Планируемые результаты',
      'Итоговый документ',
      'Форма отчетности',
    ],
    required: false,
  },
  {
    field: 'mark',
    title: 'Отметка о выполнении',
    synonyms: [
      'Отметка об исполнении',
      'Отметка о выполнении мероприятия',
      'Отметка',
      'Выполнение',
      'Исполнение',
      'Информация о выполнении',
      'Информация об исполнении',
      'Результат выполнения',
      'Статус',
      'Статус выполнения',
    ],
    required: false,
  },
];

/** «№» is no letter, so it is spelled out before the usual normalisation: «№ п/п» ≡ «номер п п». */
function titleKey(title: string): string {
  return normalizeTerm(title.replaceAll('№', ' номер '));
}

const FIELD_BY_TITLE = new Map<string, RoadmapField>(
  ROADMAP_COLUMNS.flatMap((column) =>
    [column.title, ...column.synonyms].map((title) => [titleKey(title), column.field] as const),
  ),
);

/** The field a header cell names; a remark in brackets («Срок (месяц, год)») does not count. */
export function roadmapFieldOfTitle(title: string): RoadmapField | undefined {
  return (
    FIELD_BY_TITLE.get(titleKey(title)) ?? FIELD_BY_TITLE.get(titleKey(title.replace(/\([^)]*\)/g, ' ')))
  );
}

export function roadmapColumnOf(field: RoadmapField): RoadmapColumn {
  return ROADMAP_COLUMNS.find((column) => column.field === field)!;
}
