import { MentoringStage } from '../mentoring/mentoring-stage.js';
import type { RoadmapItemDraft, RoadmapPlan } from './roadmap-plan.js';
import { RoadmapLevel } from './roadmap.enums.js';

/**
 * Standard roadmaps shipped with the system. Deadlines are written as in the documents, with
 * {Y} and {Y+1} standing for the two calendar years of the academic year the roadmap is for.
 */
export interface RoadmapTemplate {
  code: string;
  level: RoadmapLevel;
  title: string;
  description: string;
  /** Month the roadmap's period starts in, counted in the academic year's first calendar year. */
  startMonth: number;
  sections: { title: string | null; items: RoadmapItemDraft[] }[];
}

function item(
  title: string,
  stage: MentoringStage,
  dueWording: string,
  responsible: string,
): RoadmapItemDraft {
  return { title, stage, dueWording, responsible };
}

/** The school roadmap of the methodology, as МБОУ СШ № 3 г. Лысково adopted it (seed 000). */
const SCHOOL_ITEMS: RoadmapItemDraft[] = [
  item(
    'Информирование педагогического сообщества образовательной организации о реализации программы наставничества',
    MentoringStage.PREPARATION,
    'Июнь {Y}',
    'Администрация ОО',
  ),
  item(
    'Информирование родительского сообщества о планируемой реализации программы наставничества',
    MentoringStage.PREPARATION,
    'Июнь {Y}',
    'Администрация ОО',
  ),
  item(
    'Встреча с сообществом выпускников и / или представителями муниципальных организаций и предприятий с целью информирования о реализации программы наставничества',
    MentoringStage.PREPARATION,
    'Сентябрь {Y}',
    'Администрация ОО',
  ),
  item(
    'Встреча с обучающими ОО с информированием о реализуемой программе наставничества',
    MentoringStage.PREPARATION,
    'Сентябрь {Y}',
    'Администрация ОО',
  ),
  item(
    'Проведение анкетирования среди обучающихся/педагогов, желающих принять участие в программе наставничества. Сбор согласий на сбор и обработку персональных данных от совершеннолетних участников программы.',
    MentoringStage.MENTEE_BASE,
    'Сентябрь {Y}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Сбор дополнительной информации о запросах наставляемых (обучающиеся/педагоги) от третьих лиц: классный руководитель, психолог, соцработник, родители. Сбор согласий на сбор и обработку персональных данных от законных представителей несовершеннолетних участников.',
    MentoringStage.MENTEE_BASE,
    'Сентябрь, октябрь {Y}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Анализ полученных от наставляемых и третьих лиц данных. Формирование базы наставляемых.',
    MentoringStage.MENTEE_BASE,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Выбор форм наставничества, реализуемых в рамках текущей программы наставничества.',
    MentoringStage.PREPARATION,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Оценка участников-наставляемых по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников.',
    MentoringStage.MENTEE_BASE,
    'Ноябрь {Y}, май {Y+1}',
    'Рабочая группа',
  ),
  item(
    'Проведение анкетирования среди потенциальных наставников, желающих принять участие в программе наставничества. Сбор согласий на сбор и обработку персональных данных.',
    MentoringStage.MENTOR_BASE,
    'Сентябрь {Y}',
    'Администрация ОО',
  ),
  item(
    'Анализ заполненных анкет потенциальных наставников и сопоставление данных с анкетами наставляемых. Формирование базы наставников.',
    MentoringStage.MENTOR_BASE,
    'Сентябрь {Y}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Оценка участников – наставников по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников.',
    MentoringStage.MENTOR_BASE,
    'Ноябрь {Y}, май {Y+1}',
    'Рабочая группа',
  ),
  item(
    'Проведение собеседования с наставниками (в некоторых случаях с привлечением психолога)',
    MentoringStage.MENTOR_SELECTION_AND_TRAINING,
    'В течение года по необходимости',
    'Администрация ОО, психолог, социальный педагог',
  ),
  item(
    'Поиск экспертов и материалов для проведения обучения наставников.',
    MentoringStage.MENTOR_SELECTION_AND_TRAINING,
    'В течение года по необходимости',
    'Администрация ОО',
  ),
  item(
    'Обучение наставников.',
    MentoringStage.MENTOR_SELECTION_AND_TRAINING,
    'В течение года по необходимости',
    'Администрация ОО',
  ),
  item(
    'Организация групповой встречи наставников и наставляемых.',
    MentoringStage.MATCHING,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Проведение анкетирования на предмет предпочитаемого наставника/наставляемого после завершения групповой встречи.',
    MentoringStage.MATCHING,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Анализ анкет групповой встречи и соединение наставников и наставляемых в пары.',
    MentoringStage.MATCHING,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Информирование участников о сложившихся парах/группах. Закрепление пар/ групп распоряжением руководителя ОО.',
    MentoringStage.MATCHING,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Проведение первой, организационной, встречи наставника и наставляемого.',
    MentoringStage.WORK,
    'Октябрь {Y}',
    'Рабочая группа',
  ),
  item(
    'Проведение второй, пробной рабочей, встречи наставника и наставляемого.',
    MentoringStage.WORK,
    '1 неделя ноября',
    'Администрация ОО',
  ),
  item(
    'Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым.',
    MentoringStage.WORK,
    '2 неделя ноября',
    'Администрация ОО',
  ),
  item(
    'Регулярные встречи наставника и наставляемого.',
    MentoringStage.WORK,
    'В течение года по утвержденному графику',
    'Администрация ОО',
  ),
  item(
    'Сроки сбора обратной связи от участников программы наставничества.',
    MentoringStage.WORK,
    'Ноябрь {Y}, май {Y+1}',
    'Рабочая группа',
  ),
  item(
    'Проведение заключительной встречи наставника и наставляемого.',
    MentoringStage.COMPLETION,
    'Май {Y+1}',
    'Администрация ОО',
  ),
  item(
    'Проведение групповой заключительной встречи всех пар и групп наставников и наставляемых.',
    MentoringStage.COMPLETION,
    'Май {Y+1}',
    'Администрация ОО',
  ),
  item(
    'Анкетирование участников. Проведение мониторинга личной удовлетворенности участием в программе наставничества.',
    MentoringStage.COMPLETION,
    'Май {Y+1}',
    'Администрация ОО',
  ),
  item(
    'Приглашение на торжественное мероприятие всех участников программы наставничества, их родных, представителей организаций-партнеров, представителей администрации муниципалитета, представителей иных образовательных организаций и некоммерческих организаций.',
    MentoringStage.COMPLETION,
    'Май {Y+1}',
    'Администрация ОО',
  ),
  item(
    'Проведение торжественного мероприятия для подведения итогов программы наставничества и награждения лучших наставников.',
    MentoringStage.COMPLETION,
    'Май {Y+1}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Проведение мониторинга качества реализации программы наставничества.',
    MentoringStage.COMPLETION,
    'Май – июнь {Y+1}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Оценка участников по заданным параметрам, проведение второго, заключающего этапа мониторинга влияния программ на всех участников.',
    MentoringStage.COMPLETION,
    'Май – июнь {Y+1}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Оформление итогов и процессов совместной работы в рамках программы наставничества в кейсы.',
    MentoringStage.COMPLETION,
    'Июнь {Y+1}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Публикация результатов программы наставничества, лучших наставников, кейсов на сайте ОО и организаций-партнеров',
    MentoringStage.COMPLETION,
    'Июнь {Y+1}',
    'Администрация ОО, рабочая группа',
  ),
  item(
    'Внесение данных об итогах реализации программы наставничества в базу наставников и базу наставляемых',
    MentoringStage.COMPLETION,
    'Июнь {Y+1}',
    'Администрация ОО, рабочая группа',
  ),
];

export const ROADMAP_TEMPLATES: RoadmapTemplate[] = [
  {
    code: 'school-standard',
    level: RoadmapLevel.ORGANIZATION,
    title: 'Дорожная карта внедрения целевой модели наставничества в образовательной организации',
    description:
      'Типовая дорожная карта ОО по методологии (целевой модели) наставничества: 34 мероприятия по семи этапам, ' +
      'от информирования в июне до внесения итогов в базы наставников и наставляемых.',
    // Preparation starts in June, before the academic year (seed 000: «Июнь 2020» for 2020/2021).
    startMonth: 6,
    sections: [{ title: null, items: SCHOOL_ITEMS }],
  },
];

/** The plan a template gives for the academic year starting in September of `academicYear`. */
export function planFromTemplate(template: RoadmapTemplate, academicYear: number): RoadmapPlan {
  const fill = (wording: string) =>
    wording.replaceAll('{Y+1}', String(academicYear + 1)).replaceAll('{Y}', String(academicYear));
  return {
    title: `${template.title} на ${academicYear}/${academicYear + 1} учебный год`,
    periodFrom: `${academicYear}-${String(template.startMonth).padStart(2, '0')}-01`,
    periodTo: `${academicYear + 1}-08-31`,
    templateCode: template.code,
    sections: template.sections.map((section) => ({
      title: section.title,
      items: section.items.map((entry) => ({ ...entry, dueWording: fill(entry.dueWording) })),
    })),
  };
}
