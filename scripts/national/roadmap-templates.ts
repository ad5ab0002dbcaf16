/**
 * Roadmaps of the national data set: what a school's and a municipality's roadmap for the
 * 2025/2026 academic year list, modelled on real ones (a school's «Дорожная карта внедрения
 * целевой модели наставничества» with ~33 events and deadlines such as «Сентябрь, октябрь 2020»
 * or «Ноябрь 2020, май 2021»; a municipality's analysis of its roadmap, in sections).
 *
 * Each event may be dated in a few ways, as schools copy a model roadmap and shift or widen its
 * deadlines; a roadmap takes one wording per event. The wording is stored as written, with the
 * kind and windows the API's due-wording parser makes of it, so the data set needs no parser.
 */

export type DueKind = 'DATES' | 'WHOLE_PERIOD' | 'EXTERNAL_SCHEDULE';

/** Both ends inclusive, ISO dates. */
export interface DueWindow {
  from: string;
  to: string;
}

export interface DueVariant {
  wording: string;
  kind: DueKind;
  /** As the parser gives them: merged, in order; the period for WHOLE_PERIOD; none for EXTERNAL_SCHEDULE. */
  windows: DueWindow[];
  /** Percent of roadmaps that date the event this way; an event's variants add up to 100. */
  share: number;
}

export type MentoringStage =
  | 'PREPARATION'
  | 'MENTEE_BASE'
  | 'MENTOR_BASE'
  | 'MENTOR_SELECTION_AND_TRAINING'
  | 'MATCHING'
  | 'WORK'
  | 'COMPLETION';

export interface RoadmapEvent {
  title: string;
  stage: MentoringStage | null;
  responsible: string;
  due: DueVariant[];
  /** Done with an order (приказ, распоряжение) as evidence rather than a link. */
  byOrder?: boolean;
}

export interface RoadmapSectionTemplate {
  title: string;
  events: RoadmapEvent[];
}

export const ACADEMIC_YEAR = 2025;
export const PERIOD: DueWindow = { from: '2025-09-01', to: '2026-08-31' };
/** The day the data set describes: statuses are what a tracker would show on this date. */
export const AS_OF = '2026-01-15';

export const ORGANIZATION_ROADMAP_TITLE =
  'Дорожная карта внедрения целевой модели наставничества на 2025/2026 учебный год';
export const MUNICIPALITY_ROADMAP_TITLE =
  'Дорожная карта внедрения целевой модели наставничества в муниципальном образовании на 2025/2026 учебный год';
export const ORGANIZATION_TEMPLATE_CODE = 'school-standard';
export const MUNICIPALITY_TEMPLATE_CODE = 'municipality-standard';

/** Comments a municipality returns a school's roadmap with. */
export const RETURN_COMMENTS = [
  'Уточните сроки мероприятий по формированию базы наставников',
  'Не указаны ответственные за проведение мониторинга',
  'Приведите перечень мероприятий в соответствие с методологией (целевой моделью) наставничества',
  'Добавьте мероприятия по обучению наставников',
  'Сроки оценки участников не совпадают со сроками мониторинга',
];

/** Why an event was marked «не выполнено». */
export const NOT_DONE_NOTES = [
  'Перенесено на следующий учебный год',
  'Не хватило желающих участвовать',
  'Мероприятие не проведено: нет специалиста',
  'Отменено приказом руководителя ОО',
];

const ADMINISTRATION = 'Администрация ОО';
const WORKING_GROUP = 'Рабочая группа';
const BOTH = 'Администрация ОО, рабочая группа';

function lastDayOf(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Whole months from `first` to `last` ('YYYY-MM'), one window. */
function months(first: string, last = first): DueWindow {
  return { from: `${first}-01`, to: lastDayOf(last) };
}

/** «До 15.09.2025»: from the start of the period to that day. */
function until(day: string): DueWindow {
  return { from: PERIOD.from, to: day };
}

function dates(share: number, wording: string, ...windows: DueWindow[]): DueVariant {
  return { wording, kind: 'DATES', windows, share };
}

function wholePeriod(share: number, wording: string): DueVariant {
  return { wording, kind: 'WHOLE_PERIOD', windows: [PERIOD], share };
}

function external(share: number, wording: string): DueVariant {
  return { wording, kind: 'EXTERNAL_SCHEDULE', windows: [], share };
}

/** A school's roadmap: 30 events through the seven stages of the target model, in order. */
export const ORGANIZATION_ROADMAP: RoadmapEvent[] = [
  {
    title:
      'Информирование педагогического сообщества образовательной организации о реализации программы наставничества',
    stage: 'PREPARATION',
    responsible: ADMINISTRATION,
    due: [dates(70, 'Сентябрь 2025', months('2025-09')), dates(30, 'До 15.09.2025', until('2025-09-15'))],
  },
  {
    title: 'Информирование родительского сообщества о планируемой реализации программы наставничества',
    stage: 'PREPARATION',
    responsible: ADMINISTRATION,
    due: [
      dates(60, 'Сентябрь 2025', months('2025-09')),
      dates(40, 'Сентябрь, октябрь 2025', months('2025-09', '2025-10')),
    ],
  },
  {
    title:
      'Встреча с сообществом выпускников и / или представителями муниципальных организаций и предприятий ' +
      'с целью информирования о реализации программы наставничества',
    stage: 'PREPARATION',
    responsible: ADMINISTRATION,
    due: [dates(50, 'Сентябрь 2025', months('2025-09')), dates(50, 'Октябрь 2025', months('2025-10'))],
  },
  {
    title: 'Встреча с обучающимися ОО с информированием о реализуемой программе наставничества',
    stage: 'PREPARATION',
    responsible: ADMINISTRATION,
    due: [dates(100, 'Сентябрь 2025', months('2025-09'))],
  },
  {
    title: 'Выбор форм наставничества, реализуемых в рамках текущей программы наставничества',
    stage: 'PREPARATION',
    responsible: WORKING_GROUP,
    due: [
      dates(65, 'Октябрь 2025', months('2025-10')),
      dates(35, 'Сентябрь, октябрь 2025', months('2025-09', '2025-10')),
    ],
  },
  {
    title:
      'Проведение анкетирования среди обучающихся/педагогов, желающих принять участие в программе ' +
      'наставничества. Сбор согласий на сбор и обработку персональных данных от совершеннолетних участников программы',
    stage: 'MENTEE_BASE',
    responsible: BOTH,
    due: [
      dates(70, 'Сентябрь 2025', months('2025-09')),
      dates(30, 'Сентябрь - декабрь 2025', months('2025-09', '2025-12')),
    ],
  },
  {
    title:
      'Сбор дополнительной информации о запросах наставляемых (обучающиеся/педагоги) от третьих лиц: ' +
      'классный руководитель, психолог, соцработник, родители. Сбор согласий на сбор и обработку ' +
      'персональных данных от законных представителей несовершеннолетних участников',
    stage: 'MENTEE_BASE',
    responsible: BOTH,
    due: [dates(100, 'Сентябрь, октябрь 2025', months('2025-09', '2025-10'))],
  },
  {
    title: 'Анализ полученных от наставляемых и третьих лиц данных. Формирование базы наставляемых',
    stage: 'MENTEE_BASE',
    responsible: WORKING_GROUP,
    due: [dates(75, 'Октябрь 2025', months('2025-10')), dates(25, 'До 31.10.2025', until('2025-10-31'))],
  },
  {
    title:
      'Оценка участников-наставляемых по заданным параметрам, необходимым для будущего сравнения ' +
      'и мониторинга влияния программ на всех участников',
    stage: 'MENTEE_BASE',
    responsible: WORKING_GROUP,
    due: [
      dates(80, 'Ноябрь 2025, май 2026', months('2025-11'), months('2026-05')),
      dates(20, 'Октябрь 2025, май 2026', months('2025-10'), months('2026-05')),
    ],
  },
  {
    title:
      'Проведение анкетирования среди потенциальных наставников, желающих принять участие в программе ' +
      'наставничества. Сбор согласий на сбор и обработку персональных данных',
    stage: 'MENTOR_BASE',
    responsible: ADMINISTRATION,
    due: [dates(60, 'Сентябрь 2025', months('2025-09')), dates(40, 'Октябрь 2025', months('2025-10'))],
  },
  {
    title:
      'Анализ заполненных анкет потенциальных наставников и сопоставление данных с анкетами наставляемых. ' +
      'Формирование базы наставников',
    stage: 'MENTOR_BASE',
    responsible: BOTH,
    due: [
      dates(55, 'Октябрь 2025', months('2025-10')),
      dates(45, 'Сентябрь, октябрь 2025', months('2025-09', '2025-10')),
    ],
  },
  {
    title:
      'Оценка участников-наставников по заданным параметрам, необходимым для будущего сравнения ' +
      'и мониторинга влияния программ на всех участников',
    stage: 'MENTOR_BASE',
    responsible: WORKING_GROUP,
    due: [dates(100, 'Ноябрь 2025, май 2026', months('2025-11'), months('2026-05'))],
  },
  {
    title: 'Проведение собеседования с наставниками (в некоторых случаях с привлечением психолога)',
    stage: 'MENTOR_SELECTION_AND_TRAINING',
    responsible: ADMINISTRATION,
    due: [wholePeriod(75, 'В течение года по необходимости'), external(25, 'По мере необходимости')],
  },
  {
    title: 'Поиск экспертов и материалов для проведения обучения наставников',
    stage: 'MENTOR_SELECTION_AND_TRAINING',
    responsible: ADMINISTRATION,
    due: [dates(40, 'Октябрь 2025', months('2025-10')), wholePeriod(60, 'В течение года по необходимости')],
  },
  {
    title: 'Обучение наставников',
    stage: 'MENTOR_SELECTION_AND_TRAINING',
    responsible: ADMINISTRATION,
    due: [
      dates(45, 'Октябрь - декабрь 2025', months('2025-10', '2025-12')),
      dates(20, 'Ноябрь 2025', months('2025-11')),
      wholePeriod(35, 'В течение года по необходимости'),
    ],
  },
  {
    title: 'Организация групповой встречи наставников и наставляемых',
    stage: 'MATCHING',
    responsible: WORKING_GROUP,
    due: [dates(60, 'Ноябрь 2025', months('2025-11')), dates(40, 'Октябрь 2025', months('2025-10'))],
  },
  {
    title:
      'Проведение анкетирования на предмет предпочитаемого наставника/наставляемого после завершения групповой встречи',
    stage: 'MATCHING',
    responsible: WORKING_GROUP,
    due: [dates(100, 'Ноябрь 2025', months('2025-11'))],
  },
  {
    title: 'Анализ анкет групповой встречи и соединение наставников и наставляемых в пары',
    stage: 'MATCHING',
    responsible: WORKING_GROUP,
    due: [dates(70, 'Ноябрь 2025', months('2025-11')), dates(30, 'До 30.11.2025', until('2025-11-30'))],
  },
  {
    title:
      'Информирование участников о сложившихся парах/группах. Закрепление пар/групп распоряжением руководителя ОО',
    stage: 'MATCHING',
    responsible: ADMINISTRATION,
    due: [
      dates(50, 'Ноябрь 2025', months('2025-11')),
      dates(30, 'Декабрь 2025', months('2025-12')),
      dates(20, 'До 01.12.2025', until('2025-12-01')),
    ],
    byOrder: true,
  },
  {
    title: 'Проведение первой, организационной, встречи наставника и наставляемого',
    stage: 'WORK',
    responsible: WORKING_GROUP,
    due: [dates(100, 'Декабрь 2025', months('2025-12'))],
  },
  {
    title: 'Проведение второй, пробной рабочей, встречи наставника и наставляемого',
    stage: 'WORK',
    responsible: ADMINISTRATION,
    due: [dates(55, 'Декабрь 2025', months('2025-12')), dates(45, 'Январь 2026', months('2026-01'))],
  },
  {
    title:
      'Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым',
    stage: 'WORK',
    responsible: ADMINISTRATION,
    due: [
      dates(60, 'Январь 2026', months('2026-01')),
      dates(40, 'Декабрь 2025, январь 2026', months('2025-12', '2026-01')),
    ],
  },
  {
    title: 'Регулярные встречи наставника и наставляемого',
    stage: 'WORK',
    responsible: ADMINISTRATION,
    due: [wholePeriod(100, 'В течение года по утвержденному графику')],
  },
  {
    title: 'Сбор обратной связи от участников программы наставничества',
    stage: 'WORK',
    responsible: WORKING_GROUP,
    due: [
      dates(70, 'Ноябрь 2025, май 2026', months('2025-11'), months('2026-05')),
      dates(30, 'Декабрь 2025, май 2026', months('2025-12'), months('2026-05')),
    ],
  },
  {
    title: 'Проведение заключительной встречи наставника и наставляемого',
    stage: 'COMPLETION',
    responsible: ADMINISTRATION,
    due: [dates(100, 'Май 2026', months('2026-05'))],
  },
  {
    title:
      'Анкетирование участников. Проведение мониторинга личной удовлетворенности участием в программе наставничества',
    stage: 'COMPLETION',
    responsible: ADMINISTRATION,
    due: [dates(100, 'Май 2026', months('2026-05'))],
  },
  {
    title:
      'Проведение торжественного мероприятия для подведения итогов программы наставничества и награждения лучших наставников',
    stage: 'COMPLETION',
    responsible: BOTH,
    due: [
      dates(70, 'Май 2026', months('2026-05')),
      dates(30, 'Май – июнь 2026', months('2026-05', '2026-06')),
    ],
  },
  {
    title:
      'Проведение мониторинга качества реализации программы наставничества. Оценка участников по заданным ' +
      'параметрам, проведение второго, заключающего этапа мониторинга влияния программ на всех участников',
    stage: 'COMPLETION',
    responsible: BOTH,
    due: [dates(100, 'Май – июнь 2026', months('2026-05', '2026-06'))],
  },
  {
    title:
      'Оформление итогов и процессов совместной работы в рамках программы наставничества в кейсы. ' +
      'Публикация результатов программы наставничества, лучших наставников, кейсов на сайте ОО',
    stage: 'COMPLETION',
    responsible: BOTH,
    due: [dates(100, 'Июнь 2026', months('2026-06'))],
  },
  {
    title:
      'Внесение данных об итогах реализации программы наставничества в базу наставников и базу наставляемых',
    stage: 'COMPLETION',
    responsible: BOTH,
    due: [
      dates(70, 'Июнь 2026', months('2026-06')),
      external(30, 'В соответствии со сроками реализации программ наставничества'),
    ],
  },
];

const COORDINATOR = 'Муниципальный координатор';
const HEADS = 'Руководители ОО, кураторы внедрения';
const CURATORS = 'Кураторы внедрения';

/** A municipality's roadmap: 15 events in five sections, as municipal roadmaps are laid out. */
export const MUNICIPALITY_ROADMAP: RoadmapSectionTemplate[] = [
  {
    title: 'Нормативное правовое регулирование внедрения целевой модели наставничества',
    events: [
      {
        title: 'Утверждение состава муниципальной рабочей группы по внедрению целевой модели наставничества',
        stage: null,
        responsible: COORDINATOR,
        due: [dates(70, 'До 05.09.2025', until('2025-09-05')), dates(30, 'Сентябрь 2025', months('2025-09'))],
        byOrder: true,
      },
      {
        title: 'Формирование перечня образовательных организаций, внедряющих целевую модель наставничества',
        stage: null,
        responsible: COORDINATOR,
        due: [dates(100, 'До 05.09.2025', until('2025-09-05'))],
        byOrder: true,
      },
      {
        title:
          'Согласование дорожных карт внедрения целевой модели наставничества, разработанных образовательными организациями',
        stage: null,
        responsible: COORDINATOR,
        due: [dates(60, 'До 30.09.2025', until('2025-09-30')), dates(40, 'Октябрь 2025', months('2025-10'))],
      },
      {
        title: 'Разработка и утверждение системы мотивации наставников',
        stage: null,
        responsible: HEADS,
        due: [dates(100, 'До 01.11.2025', until('2025-11-01'))],
        byOrder: true,
      },
    ],
  },
  {
    title:
      'Организационная, методическая, информационная и просветительская поддержка участников внедрения целевой модели наставничества',
    events: [
      {
        title:
          'Участие в установочном региональном вебинаре для участников внедрения целевой модели наставничества',
        stage: null,
        responsible: COORDINATOR,
        due: [dates(100, 'Сентябрь 2025', months('2025-09'))],
      },
      {
        title:
          'Организация и проведение серии муниципальных семинаров по вопросам реализации целевой модели наставничества',
        stage: null,
        responsible: COORDINATOR,
        due: [wholePeriod(100, 'В течение всего периода')],
      },
      {
        title:
          'Популяризация целевой модели наставничества через муниципальные СМИ, информационные ресурсы в сети Интернет и социальные сети',
        stage: null,
        responsible: CURATORS,
        due: [wholePeriod(100, 'В течение всего периода')],
      },
    ],
  },
  {
    title: 'Внедрение целевой модели наставничества в образовательных организациях',
    events: [
      {
        title: 'Формирование баз наставляемых и наставников в образовательных организациях',
        stage: 'MENTEE_BASE',
        responsible: CURATORS,
        due: [
          dates(70, 'Сентябрь - декабрь 2025', months('2025-09', '2025-12')),
          dates(30, 'Сентябрь - ноябрь 2025', months('2025-09', '2025-11')),
        ],
      },
      {
        title: 'Обучение наставников',
        stage: 'MENTOR_SELECTION_AND_TRAINING',
        responsible: CURATORS,
        due: [dates(100, 'Октябрь - декабрь 2025', months('2025-10', '2025-12'))],
      },
      {
        title: 'Формирование наставнических пар или групп',
        stage: 'MATCHING',
        responsible: CURATORS,
        due: [dates(100, 'До 01.12.2025', until('2025-12-01'))],
      },
      {
        title:
          'Завершение наставничества: подведение итогов работы в формате личной или групповой рефлексии, ' +
          'проведение открытого публичного мероприятия',
        stage: 'COMPLETION',
        responsible: CURATORS,
        // The parser takes the concrete alternative as the deadline.
        due: [
          dates(
            100,
            'В соответствии со сроками реализации программ наставничества или май 2026 г.',
            months('2026-05'),
          ),
        ],
      },
    ],
  },
  {
    title: 'Мониторинг и оценка результатов внедрения целевой модели наставничества',
    events: [
      {
        title:
          'Внесение в формы федерального статистического наблюдения данных о количестве участников программ наставничества',
        stage: null,
        responsible: CURATORS,
        due: [external(100, 'В соответствии со сроками, установленными Минпросвещения России')],
      },
      {
        title:
          'Сбор результатов мониторинга реализации программ наставничества в образовательных организациях',
        stage: null,
        responsible: COORDINATOR,
        due: [dates(100, 'Май 2026', months('2026-05'))],
      },
    ],
  },
  {
    title: 'Координация и управление реализацией внедрения целевой модели наставничества',
    events: [
      {
        title: 'Контроль реализации мероприятий по внедрению целевой модели наставничества на уровне ОО',
        stage: null,
        responsible: COORDINATOR,
        due: [dates(100, 'Сентябрь 2025 - май 2026', months('2025-09', '2026-05'))],
      },
      {
        title: 'Представление ежеквартального отчёта региональному координатору',
        stage: null,
        responsible: COORDINATOR,
        due: [
          wholePeriod(60, 'Ежеквартально'),
          dates(
            40,
            'Декабрь 2025, март 2026, июнь 2026',
            months('2025-12'),
            months('2026-03'),
            months('2026-06'),
          ),
        ],
      },
    ],
  },
];
