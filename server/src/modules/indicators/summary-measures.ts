/**
 * The measures of the per-organisation, per-year summary (organization_summary and its
 * municipality and region sums): the one list that the recompute SQL, the consistency check,
 * indicator definitions and statistical forms all read. Adding a measure is one entry here plus
 * its column on the three summary tables (a migration `alter table … add column … default 0`).
 *
 * Each measure is an aggregate over the rows of one source (summary-sources.ts); a source's rows
 * belong to one organisation and academic year. A derived measure is computed from other measures
 * of the same organisation row. Counts are bigint; sums of the three levels are
 * exact because every measure is additive (shares are computed later as Σ numerator / Σ denominator).
 */

/** Where a measure's rows come from; each source is one CTE of the recompute SQL. */
export type SummarySourceName =
  | 'organization'
  | 'participants'
  | 'members'
  | 'groups'
  | 'partners'
  | 'roadmap'
  | 'contingent'
  | 'reports'
  | 'derived';

export interface SummaryMeasure {
  /** Column name on the summary tables and the name indicator definitions refer to. */
  name: string;
  /** What is counted, in Russian, as an analyst reads it. */
  description: string;
  source: SummarySourceName;
  /**
   * An aggregate over the source's rows (columns as the source names them). For a source of people
   * (members), a condition: the measure counts the people with a row that meets it, each once. For a
   * derived measure, an expression over other measures of the same organisation row.
   */
  sql: string;
  /** The measures a derived measure is computed from. */
  reads?: readonly string[];
  /** numeric for sums of fractional values; bigint otherwise. */
  type?: 'numeric';
  /** Depends on the participants' age, so a date other than the year's reference date changes it. */
  ageDependent?: true;
}

const MENTORING_FORMS = [
  ['PUPIL_PUPIL', 'pupil_pupil', '«ученик – ученик»'],
  ['TEACHER_TEACHER', 'teacher_teacher', '«учитель – учитель»'],
  ['STUDENT_PUPIL', 'student_pupil', '«студент – ученик»'],
  ['EMPLOYER_PUPIL', 'employer_pupil', '«работодатель – ученик»'],
  ['EMPLOYER_STUDENT', 'employer_student', '«работодатель – студент»'],
  ['TEACHER_PUPIL', 'teacher_pupil', '«учитель – ученик»'],
] as const;

const CATEGORIES = [
  ['PUPIL', 'pupil', 'обучающиеся'],
  ['TEACHER', 'teacher', 'педагоги'],
  ['STUDENT', 'student', 'студенты'],
  ['GRADUATE', 'graduate', 'выпускники'],
  ['EMPLOYER_REPRESENTATIVE', 'employer_representative', 'представители работодателей'],
  ['OTHER', 'other', 'другие'],
] as const;

const AGE_BANDS = [
  ['under_10', 'моложе 10 лет', 'age < 10'],
  ['10_14', '10–14 лет', 'age between 10 and 14'],
  ['15_18', '15–18 лет', 'age between 15 and 18'],
  ['19_35', '19–35 лет', 'age between 19 and 35'],
  ['over_35', 'старше 35 лет', 'age > 35'],
  ['unknown', 'возраст не указан', 'age is null'],
] as const;

const CONTINGENT = [
  ['pupils_total', 'обучающихся всего'],
  ['pupils_10_18', 'обучающихся в возрасте 10–18 лет'],
  ['youth_15_19', 'молодёжи в возрасте 15–19 лет'],
  ['teachers_total', 'педагогов всего'],
  ['young_teachers', 'молодых педагогов (до 35 лет или стаж 0–3 года)'],
  ['college_students', 'студентов (СПО)'],
] as const;

/** Numerators of shares over a contingent figure: the indicator, its figure, its wording. */
const REPORTED_NUMERATORS = [
  ['mentees_pupils_10_18', 'pupils_10_18', 'Наставляемые — обучающиеся 10–18 лет'],
  ['mentors_youth_15_19', 'youth_15_19', 'Наставники 15–19 лет'],
  ['mentees_young_teachers', 'young_teachers', 'Наставляемые — молодые педагоги'],
] as const;

// Members are counted once per person (summary-sql.ts PEOPLE_SOURCES): these are conditions.
const mentee = (condition: string) => `role = 'MENTEE' and ${condition}`;
const mentor = (condition: string) => `role = 'MENTOR' and ${condition}`;

/** "Of year Y" below: groups working in the academic year (see summary-sources.ts), reference date 1 January Y+1. */
export const SUMMARY_MEASURES: readonly SummaryMeasure[] = [
  {
    name: 'organizations',
    description: 'ОО, у которых за учебный год есть данные (у строки ОО — 1)',
    source: 'organization',
    sql: '1',
  },
  {
    name: 'participants',
    description:
      'Участники в базе наставников и наставляемых ОО к концу учебного года (по дате внесения или по участию в группах года)',
    source: 'participants',
    sql: 'count(*)',
  },
  {
    name: 'participants_with_consent',
    description: 'Из них с действующим на конец учебного года согласием на обработку персональных данных',
    source: 'participants',
    sql: 'count(*) filter (where consented)',
  },
  {
    name: 'mentees',
    description: 'Наставляемые: участники с ролью наставляемого в парах и группах, работавших в учебном году',
    source: 'members',
    sql: mentee('true'),
  },
  {
    name: 'mentors',
    description: 'Наставники: участники с ролью наставника в парах и группах, работавших в учебном году',
    source: 'members',
    sql: mentor('true'),
  },
  {
    name: 'mentees_pupils_10_18',
    description: 'Наставляемые — обучающиеся в возрасте 10–18 лет на 1 января',
    source: 'members',
    sql: mentee(`category = 'PUPIL' and age between 10 and 18`),
    ageDependent: true,
  },
  {
    name: 'mentors_youth_15_19',
    description: 'Наставники в возрасте 15–19 лет на 1 января',
    source: 'members',
    sql: mentor('age between 15 and 19'),
    ageDependent: true,
  },
  {
    name: 'mentees_young_teachers',
    description: 'Наставляемые — молодые педагоги: моложе 35 лет на 1 января или со стажем 0–3 года',
    source: 'members',
    sql: mentee(`category = 'TEACHER' and (teaching_experience_years <= 3 or age < 35)`),
    ageDependent: true,
  },
  ...MENTORING_FORMS.map(([form, suffix, label]) => ({
    name: `mentees_form_${suffix}`,
    description: `Наставляемые в парах и группах формы ${label}`,
    source: 'members' as const,
    sql: mentee(`form = '${form}'`),
  })),
  ...CATEGORIES.map(([category, suffix, label]) => ({
    name: `mentees_category_${suffix}`,
    description: `Наставляемые по категории: ${label}`,
    source: 'members' as const,
    sql: mentee(`category = '${category}'`),
  })),
  ...CATEGORIES.map(([category, suffix, label]) => ({
    name: `mentors_category_${suffix}`,
    description: `Наставники по категории: ${label}`,
    source: 'members' as const,
    sql: mentor(`category = '${category}'`),
  })),
  ...AGE_BANDS.map(([suffix, label, condition]) => ({
    name: `mentees_age_${suffix}`,
    description: `Наставляемые по возрасту на 1 января: ${label}`,
    source: 'members' as const,
    sql: mentee(condition),
    ageDependent: true as const,
  })),
  {
    name: 'groups',
    description: 'Наставнические пары и группы, работавшие в учебном году (действующие и завершённые)',
    source: 'groups',
    sql: 'count(*)',
  },
  {
    name: 'pairs',
    description: 'Из них пары: один наставник и один наставляемый',
    source: 'groups',
    sql: 'count(*) filter (where mentors = 1 and mentees = 1)',
  },
  ...MENTORING_FORMS.map(([form, suffix, label]) => ({
    name: `groups_form_${suffix}`,
    description: `Пары и группы формы ${label}`,
    source: 'groups' as const,
    sql: `count(*) filter (where form = '${form}')`,
  })),
  {
    name: 'mentee_places',
    description:
      'Места наставляемых: сумма числа наставляемых по парам и группам (для нагрузки на наставника)',
    source: 'groups',
    sql: 'coalesce(sum(mentees), 0)',
  },
  {
    name: 'groups_completed',
    description: 'Пары и группы, завершившие работу в учебном году',
    source: 'groups',
    sql: `count(*) filter (where status = 'COMPLETED' and ended_year = academic_year)`,
  },
  {
    name: 'groups_monitored',
    description: 'Пары и группы, где хотя бы один участник оценён в начале и в конце (мониторинг проведён)',
    source: 'groups',
    sql: 'count(*) filter (where growth_count > 0)',
  },
  {
    name: 'growth_sum',
    description:
      'Сумма прироста участников между начальной и итоговой оценкой (среднее по шкалам, итог − начало)',
    source: 'groups',
    sql: 'coalesce(sum(growth_sum), 0)',
    type: 'numeric',
  },
  {
    name: 'growth_count',
    description: 'Участники, оценённые в начале и в конце (знаменатель среднего прироста)',
    source: 'groups',
    sql: 'coalesce(sum(growth_count), 0)',
  },
  {
    name: 'feedback_score_sum',
    description: 'Сумма оценок удовлетворённости (1–5) участников пар и групп',
    source: 'groups',
    sql: 'coalesce(sum(feedback_score_sum), 0)',
  },
  {
    name: 'feedback_count',
    description: 'Число оценок удовлетворённости (знаменатель средней оценки)',
    source: 'groups',
    sql: 'coalesce(sum(feedback_count), 0)',
  },
  {
    name: 'partners',
    description:
      'Организации-партнёры ОО: с соглашением о сотрудничестве, действовавшим в учебном году, или предоставившие наставника',
    source: 'partners',
    sql: 'count(distinct partner_id)',
  },
  {
    name: 'partners_providing_mentors',
    description:
      'Из них предоставившие наставников: их представитель был наставником пары или группы учебного года',
    source: 'partners',
    sql: 'count(distinct partner_id) filter (where provides_mentor)',
  },
  {
    name: 'roadmap_items',
    description: 'Мероприятия дорожной карты ОО на учебный год, кроме отменённых',
    source: 'roadmap',
    sql: `count(item_status) filter (where item_status <> 'CANCELLED')`,
  },
  {
    name: 'roadmap_items_done',
    description: 'Из них выполнено',
    source: 'roadmap',
    sql: `count(item_status) filter (where item_status = 'DONE')`,
  },
  {
    name: 'roadmap_items_done_on_time',
    description: 'Из них выполнено в срок',
    source: 'roadmap',
    sql: `count(item_status) filter (where item_status = 'DONE' and (due_to is null or completed_at <= due_to))`,
  },
  // An organisation with data for the year owes a report on every form in force that year
  // (reporting/, table report_form); `k` is the summary row's organisation and year.
  {
    name: 'reports_expected',
    description:
      'Отчёты по формам статистического наблюдения, которые ОО с данными за учебный год должна сдать',
    source: 'organization',
    sql: `(select count(distinct f.code) from report_form f where f.valid_from_year <= k.academic_year)`,
  },
  {
    name: 'reports_submitted',
    description: 'Из них сданы: отправлены ОО, приняты муниципалитетом или утверждены субъектом РФ',
    source: 'reports',
    sql: `count(*) filter (where status in ('SUBMITTED', 'ACCEPTED', 'APPROVED'))`,
  },
  {
    name: 'reports_submitted_on_time',
    description: 'Из них сданы не позже срока (по последней отправке)',
    source: 'reports',
    sql: `count(*) filter (where status in ('SUBMITTED', 'ACCEPTED', 'APPROVED') and submitted_on_time)`,
  },
  ...CONTINGENT.map(([column, label]) => ({
    name: column,
    description: `Контингент: ${label} (сумма представленных значений)`,
    source: 'contingent' as const,
    sql: `coalesce(sum(${column}), 0)`,
  })),
  ...CONTINGENT.map(([column, label]) => ({
    name: `${column}_reported`,
    description: `ОО, представившие число ${label}`,
    source: 'contingent' as const,
    sql: `count(${column})`,
  })),
  // A share whose denominator only some schools reported divides by their sum, so its numerator
  // must come from the same schools: `<numerator>_where_<figure>_reported` (indicator-rollup.math.ts).
  ...REPORTED_NUMERATORS.map(([numerator, figure, label]) => ({
    name: `${numerator}_where_${figure}_reported`,
    description: `${label} — только в ОО, представивших численность для знаменателя`,
    source: 'derived' as const,
    sql: `case when ${figure}_reported > 0 then ${numerator} else 0 end`,
    reads: [numerator, `${figure}_reported`],
    ageDependent: true as const,
  })),
];

export const MEASURE_NAMES = SUMMARY_MEASURES.map((measure) => measure.name);

/** The contingent figures a school reports; null in contingent means "not reported". */
export const CONTINGENT_FIGURES = CONTINGENT.map(([column]) => column);
