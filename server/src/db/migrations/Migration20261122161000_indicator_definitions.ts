import { Migration } from '@mikro-orm/migrations';

/** Only the 70 % target is confirmed (DESIGN.md, «Indicators: what is known»); the rest say so. */
const UNCONFIRMED =
  'Официальная формулировка и целевые значения показателя не подтверждены первоисточником: ' +
  'это определение по умолчанию, субъект РФ может задать своё.';

const FORMS: [string, string][] = [
  ['PUPIL_PUPIL', 'ученик – ученик'],
  ['TEACHER_TEACHER', 'учитель – учитель'],
  ['STUDENT_PUPIL', 'студент – ученик'],
  ['EMPLOYER_PUPIL', 'работодатель – ученик'],
  ['EMPLOYER_STUDENT', 'работодатель – студент'],
  ['TEACHER_PUPIL', 'учитель – ученик'],
];

interface ShippedDefinition {
  code: string;
  name: string;
  description: string;
  unit: 'PERCENT' | 'AVERAGE' | 'RATIO';
  numerator: string;
  denominator: string;
}

/**
 * The common definitions every region starts with (is_default, no region). Numerators and
 * denominators are measure columns of the summary (modules/indicators/summary-measures.ts).
 */
const DEFAULTS: ShippedDefinition[] = [
  {
    code: 'PUPILS_10_18_MENTEES',
    name: 'Доля обучающихся в возрасте от 10 до 18 лет, вовлечённых в различные формы наставничества',
    description:
      'Наставляемые-обучающиеся 10–18 лет (возраст на 1 января, как в форме ОО-1) в парах и группах учебного ' +
      'года от численности обучающихся 10–18 лет, которую сообщила ОО. Национальный проект «Образование»: ' +
      '«не менее 70 % обучающихся … вовлечены в различные формы наставничества и сопровождения» к 2024 году. ' +
      'На части страниц возрастная граница указана как 11–18 лет.',
    unit: 'PERCENT',
    numerator: 'mentees_pupils_10_18',
    denominator: 'pupils_10_18',
  },
  {
    code: 'YOUTH_15_19_MENTORS',
    name: 'Доля молодёжи в возрасте от 15 до 19 лет, вовлечённой в наставничество в роли наставника',
    description:
      'Наставники 15–19 лет (возраст на 1 января) в парах и группах учебного года от численности ' +
      `обучающихся 15–19 лет, которую сообщила ОО. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'mentors_youth_15_19',
    denominator: 'youth_15_19',
  },
  {
    code: 'YOUNG_TEACHERS_MENTEES',
    name: 'Доля молодых педагогов (до 35 лет или со стажем до 3 лет), вовлечённых в наставничество в роли наставляемого',
    description:
      'Наставляемые-педагоги младше 35 лет или со стажем до 3 лет в парах и группах учебного года от ' +
      `численности молодых педагогов, которую сообщила ОО. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'mentees_young_teachers',
    denominator: 'young_teachers',
  },
  {
    code: 'PARTNERS_PROVIDING_MENTORS',
    name: 'Доля организаций-партнёров, предоставивших наставников',
    description: `Партнёры ОО, чьи представители — наставники, от всех партнёров ОО. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'partners_providing_mentors',
    denominator: 'partners',
  },
  {
    code: 'SATISFACTION',
    name: 'Удовлетворённость участников программой наставничества',
    description:
      'Средняя оценка отзывов наставников и наставляемых о работе пар и групп по шкале от 1 до 5 ' +
      `(мониторинг личной удовлетворённости участием в программе наставничества). ${UNCONFIRMED}`,
    unit: 'AVERAGE',
    numerator: 'feedback_score_sum',
    denominator: 'feedback_count',
  },
  {
    code: 'ROADMAP_COMPLETION',
    name: 'Выполнение мероприятий дорожных карт внедрения целевой модели наставничества',
    description: `Доля выполненных мероприятий дорожных карт ОО на учебный год от всех мероприятий. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'roadmap_items_done',
    denominator: 'roadmap_items',
  },
  {
    code: 'REPORTING_COMPLETENESS',
    name: 'Полнота отчётности: доля сданных отчётов',
    description: `Отчёты по формам статистического наблюдения, сданные ОО, от ожидаемых. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'reports_submitted',
    denominator: 'reports_expected',
  },
  {
    code: 'REPORTING_TIMELINESS',
    name: 'Своевременность отчётности: доля отчётов, сданных в срок',
    description: `Отчёты, сданные ОО не позднее срока, от ожидаемых. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'reports_submitted_on_time',
    denominator: 'reports_expected',
  },
  {
    code: 'CONSENT_COVERAGE',
    name: 'Доля участников с согласием на обработку персональных данных',
    description:
      'Наставники и наставляемые с действующим согласием на обработку персональных данных (своим или ' +
      `законного представителя) от всех участников базы наставников и наставляемых. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'participants_with_consent',
    denominator: 'participants',
  },
  ...FORMS.map(([form, label]): ShippedDefinition => ({
    code: `FORM_COVERAGE_${form}`,
    name: `Доля наставляемых в форме наставничества «${label}»`,
    description:
      `Наставляемые пар и групп формы «${label}» учебного года от всех наставляемых учебного года; ` +
      `наставляемый в нескольких формах учитывается в каждой, поэтому сумма по формам может превышать 100 %. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: `mentees_form_${form.toLowerCase()}`,
    denominator: 'mentees',
  })),
  {
    code: 'MENTOR_LOAD',
    name: 'Нагрузка на наставника',
    description:
      'Места наставляемых в парах и группах учебного года (наставляемый в двух группах — два места) на ' +
      `одного наставника. ${UNCONFIRMED}`,
    unit: 'RATIO',
    numerator: 'mentee_places',
    denominator: 'mentors',
  },
  {
    code: 'MONITORING_DONE',
    name: 'Доля наставнических пар и групп, прошедших мониторинг',
    description: `Пары и группы учебного года с оценкой участников на входе и на выходе от всех пар и групп. ${UNCONFIRMED}`,
    unit: 'PERCENT',
    numerator: 'groups_monitored',
    denominator: 'groups',
  },
  {
    code: 'GROWTH',
    name: 'Прирост показателей участников между входным и итоговым мониторингом',
    description:
      'Средняя разница оценок участника в конце и в начале работы пары или группы (мониторинг, этап 2), ' +
      `в баллах шкал. ${UNCONFIRMED}`,
    unit: 'AVERAGE',
    numerator: 'growth_sum',
    denominator: 'growth_count',
  },
];

/** «не менее 70 % … к 2024 году»: a target holds from its year on until a later one replaces it. */
const DEFAULT_TARGETS: [code: string, academicYear: number, value: number][] = [
  ['PUPILS_10_18_MENTEES', 2024, 70],
];

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export class Migration20261122161000_indicator_definitions extends Migration {
  override async up(): Promise<void> {
    // A definition is data, never a formula in code (DESIGN.md): numerator and denominator name
    // measure columns of the summary; a share is Σ numerator / Σ denominator × scale.
    this.addSql(`
      create table indicator_definition (
        id serial primary key,
        code text not null check (code ~ '^[A-Z][A-Z0-9_]{0,63}$'),
        -- null: a common definition shipped with the system; otherwise the region's own.
        region_id int null references region (id) on delete restrict,
        name text not null check (length(btrim(name)) between 1 and 300),
        description text null check (length(description) <= 2000),
        unit text not null check (unit in ('PERCENT', 'AVERAGE', 'RATIO')),
        numerator text not null,
        denominator text not null,
        scale double precision not null check (scale > 0),
        is_default boolean not null default false,
        position serial,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- Shipped defaults belong to the whole country, regions' own definitions to one region.
        constraint indicator_definition_default_check check (is_default = (region_id is null))
      );`);
    this.addSql(`create unique index indicator_definition_default_code_unique
                 on indicator_definition (code) where region_id is null;`);
    this.addSql(`create unique index indicator_definition_region_code_unique
                 on indicator_definition (region_id, code) where region_id is not null;`);

    // A target holds from its academic year on, until a later target of the same owner replaces it.
    this.addSql(`
      create table indicator_target (
        id serial primary key,
        definition_id int not null references indicator_definition (id) on delete cascade,
        -- null: the common target; otherwise the region's own, which replaces the common one.
        region_id int null references region (id) on delete restrict,
        academic_year int not null check (academic_year between 2000 and 2100),
        value double precision not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create unique index indicator_target_default_unique
                 on indicator_target (definition_id, academic_year) where region_id is null;`);
    this.addSql(`create unique index indicator_target_region_unique
                 on indicator_target (definition_id, region_id, academic_year) where region_id is not null;`);

    this.addSql(
      `insert into indicator_definition (code, name, description, unit, numerator, denominator, scale, is_default)
       values ${DEFAULTS.map((d) =>
         [
           literal(d.code),
           literal(d.name),
           literal(d.description),
           literal(d.unit),
           literal(d.numerator),
           literal(d.denominator),
           d.unit === 'PERCENT' ? 100 : 1,
           'true',
         ].join(', '),
       )
         .map((values) => `(${values})`)
         .join(',\n              ')};`,
    );
    this.addSql(
      `insert into indicator_target (definition_id, academic_year, value)
       select d.id, t.academic_year, t.value
       from (values ${DEFAULT_TARGETS.map(([code, year, value]) => `(${literal(code)}, ${year}, ${value})`).join(', ')})
            as t(code, academic_year, value)
       join indicator_definition d on d.code = t.code and d.region_id is null;`,
    );
  }
}
