import { Migration } from '@mikro-orm/migrations';
import type {
  ReportCellSource,
  ReportFormDefinition,
} from '../../modules/reporting/report-form.definition.js';

const PATH = `
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,`;

const count = (measure: string): ReportCellSource => ({ measure });
const percent = (numerator: string, denominator: string): ReportCellSource => ({
  percent: { numerator, denominator },
});

const CATEGORIES: [string, string][] = [
  ['pupil', 'Обучающиеся'],
  ['teacher', 'Педагогические работники'],
  ['student', 'Студенты СПО и вузов'],
  ['graduate', 'Выпускники'],
  ['employer_representative', 'Представители работодателей'],
  ['other', 'Другие'],
];

const FORMS: [string, string][] = [
  ['pupil_pupil', '«ученик – ученик»'],
  ['teacher_teacher', '«учитель – учитель»'],
  ['student_pupil', '«студент – ученик»'],
  ['employer_pupil', '«работодатель – ученик»'],
  ['employer_student', '«работодатель – студент»'],
  ['teacher_pupil', '«учитель – ученик»'],
];

const AGES: [string, string][] = [
  ['under_10', 'моложе 10 лет'],
  ['10_14', '10–14 лет'],
  ['15_18', '15–18 лет'],
  ['19_35', '19–35 лет'],
  ['over_35', 'старше 35 лет'],
  ['unknown', 'возраст не указан'],
];

const rowNumber = (n: number) => String(n).padStart(2, '0');

/**
 * «Сведения о реализации целевой модели наставничества», version 1. The source documents hold
 * no official statistical form for mentoring, so this layout is ours: it follows the target
 * model's vocabulary (categories, forms of mentoring, age bands, the 10–18 / 15–19 / young
 * teachers targets) and the usual look of a statistical form (numbered rows and columns).
 */
const DEFAULT_FORM: ReportFormDefinition = {
  deadline: { month: 6, day: 20 },
  note:
    'Макет формы разработан для системы «Наставник»: официальной формы статистического наблюдения ' +
    'по целевой модели наставничества в исходных документах нет.',
  sections: [
    {
      code: '1',
      title: 'Участники программ наставничества по категориям',
      note: 'Участники пар и групп, работавших в учебном году; участник учитывается один раз в каждой роли.',
      columns: [
        { code: '3', title: 'Наставляемые, чел.' },
        { code: '4', title: 'Наставники, чел.' },
      ],
      rows: [
        ...CATEGORIES.map(([category, title], index) => ({
          code: rowNumber(index + 1),
          title,
          cells: { 3: count(`mentees_category_${category}`), 4: count(`mentors_category_${category}`) },
        })),
        {
          code: '07',
          title: 'Всего (сумма строк 01–06)',
          cells: { 3: count('mentees'), 4: count('mentors') },
        },
      ],
    },
    {
      code: '2',
      title: 'Наставнические пары и группы по формам наставничества',
      note: 'Наставляемый, занятый в нескольких формах, учитывается в каждой; общее число наставляемых — строка 07.',
      columns: [
        { code: '3', title: 'Пары и группы, ед.' },
        { code: '4', title: 'Наставляемые, чел.' },
      ],
      rows: [
        ...FORMS.map(([form, title], index) => ({
          code: rowNumber(index + 8),
          title: `Форма ${title}`,
          cells: { 3: count(`groups_form_${form}`), 4: count(`mentees_form_${form}`) },
        })),
        { code: '14', title: 'Всего пар и групп (сумма строк 08–13)', cells: { 3: count('groups') } },
        {
          code: '15',
          title: 'из них пары (один наставник и один наставляемый)',
          cells: { 3: count('pairs') },
        },
        { code: '16', title: 'из строки 14 завершили работу', cells: { 3: count('groups_completed') } },
      ],
    },
    {
      code: '3',
      title: 'Наставляемые по возрасту',
      note: 'Полных лет на 1 января года окончания учебного года; всего наставляемых — строка 07.',
      columns: [{ code: '3', title: 'Наставляемые, чел.' }],
      rows: AGES.map(([band, title], index) => ({
        code: rowNumber(index + 17),
        title,
        cells: { 3: count(`mentees_age_${band}`) },
      })),
    },
    {
      code: '4',
      title: 'Охват целевых групп наставничеством',
      note: 'Численность — по сведениям ОО о контингенте; доля — отношение сумм графы 4 и графы 3.',
      columns: [
        { code: '3', title: 'Численность, чел.' },
        { code: '4', title: 'Вовлечены в наставничество, чел.' },
        { code: '5', title: 'Доля вовлечённых, %' },
        { code: '6', title: 'ОО, представившие численность, ед.' },
      ],
      rows: [
        {
          code: '23',
          title: 'Обучающиеся в возрасте 10–18 лет — наставляемые',
          cells: {
            3: count('pupils_10_18'),
            4: count('mentees_pupils_10_18'),
            5: percent('mentees_pupils_10_18', 'pupils_10_18'),
            6: count('pupils_10_18_reported'),
          },
        },
        {
          code: '24',
          title: 'Молодёжь в возрасте 15–19 лет — наставники',
          cells: {
            3: count('youth_15_19'),
            4: count('mentors_youth_15_19'),
            5: percent('mentors_youth_15_19', 'youth_15_19'),
            6: count('youth_15_19_reported'),
          },
        },
        {
          code: '25',
          title: 'Молодые педагоги (моложе 35 лет или стаж до 3 лет) — наставляемые',
          cells: {
            3: count('young_teachers'),
            4: count('mentees_young_teachers'),
            5: percent('mentees_young_teachers', 'young_teachers'),
            6: count('young_teachers_reported'),
          },
        },
        {
          code: '26',
          title: 'Обучающиеся, всего',
          cells: { 3: count('pupils_total'), 6: count('pupils_total_reported') },
        },
        {
          code: '27',
          title: 'Педагогические работники, всего',
          cells: { 3: count('teachers_total'), 6: count('teachers_total_reported') },
        },
        {
          code: '28',
          title: 'Студенты профессиональных образовательных организаций',
          cells: { 3: count('college_students'), 6: count('college_students_reported') },
        },
      ],
    },
  ],
};

const REPORT_STATUSES = `('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'APPROVED')`;

export class Migration20261122170000_statistical_reports extends Migration {
  override async up(): Promise<void> {
    // Versions of a form: the one in force for academic year Y is the latest with valid_from_year <= Y.
    // The shipped form starts with 2025/2026, the first year the system collects reports.
    this.addSql(`
      create table report_form (
        id serial primary key,
        code text not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
        version int not null check (version > 0),
        title text not null check (length(btrim(title)) > 0),
        valid_from_year int not null check (valid_from_year between 2000 and 2100),
        definition jsonb not null check (jsonb_typeof(definition) = 'object'),
        is_default boolean not null default false,
        created_at timestamptz not null default now(),
        constraint report_form_version_key unique (code, version),
        constraint report_form_year_key unique (code, valid_from_year)
      );`);
    this.addSql(
      this.getKnex().raw(
        `insert into report_form (code, version, title, valid_from_year, definition, is_default)
         values ('cmn', 1, 'Сведения о реализации целевой модели наставничества', 2025, ?::jsonb, true)`,
        [JSON.stringify(DEFAULT_FORM)],
      ),
    );

    // A school's report for a form and academic year; it exists once someone acts on it (no row = draft).
    this.addSql(`
      create table statistical_report (
        id serial primary key,${PATH}
        form_code text not null,
        academic_year int not null check (academic_year between 2000 and 2100),
        status text not null default 'DRAFT' check (status in ${REPORT_STATUSES}),
        status_comment text null,
        submitted_at timestamptz null,
        submitted_on_time boolean null,
        accepted_at timestamptz null,
        approved_at timestamptz null,
        updated_at timestamptz not null default now(),
        constraint statistical_report_key unique (organization_id, form_code, academic_year),
        constraint statistical_report_submitted_check
          check ((status in ('DRAFT', 'RETURNED')) or (submitted_at is not null and submitted_on_time is not null))
      );`);
    this.addSql(
      `create index statistical_report_municipality_idx on statistical_report (municipality_id, form_code, academic_year);`,
    );
    this.addSql(
      `create index statistical_report_region_idx on statistical_report (region_id, form_code, academic_year);`,
    );

    // Manual corrections of cells: the computed value stays in the summary, the report shows both.
    this.addSql(`
      create table report_correction (
        report_id int not null references statistical_report (id) on delete cascade,${PATH}
        cell text not null check (cell ~ '^[0-9A-Za-z]+\\.[0-9A-Za-z]+$'),
        value numeric not null check (value >= 0),
        reason text not null check (length(btrim(reason)) > 0),
        corrected_at timestamptz not null default now(),
        primary key (report_id, cell)
      );`);
    this.addSql(`create index report_correction_municipality_idx on report_correction (municipality_id);`);
    this.addSql(`create index report_correction_region_idx on report_correction (region_id);`);

    // Submission counts join the summary (indicators/summary-measures.ts). Existing summary rows
    // owe the forms in force in their year and have submitted none yet, so the sums stay exact
    // without a rebuild.
    for (const table of ['organization_summary', 'municipality_summary', 'region_summary']) {
      this.addSql(
        `alter table ${table} add column reports_expected bigint not null default 0,
           add column reports_submitted bigint not null default 0,
           add column reports_submitted_on_time bigint not null default 0;`,
      );
    }
    this.addSql(`
      update organization_summary s set reports_expected =
        (select count(distinct f.code) from report_form f where f.valid_from_year <= s.academic_year);`);
    this.addSql(`
      update municipality_summary m set reports_expected = (
        select coalesce(sum(s.reports_expected), 0) from organization_summary s
        where s.municipality_id = m.municipality_id and s.academic_year = m.academic_year);`);
    this.addSql(`
      update region_summary r set reports_expected = (
        select coalesce(sum(m.reports_expected), 0) from municipality_summary m
        where m.region_id = r.region_id and m.academic_year = r.academic_year);`);
  }
}
