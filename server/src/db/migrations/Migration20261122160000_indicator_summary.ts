import { Migration } from '@mikro-orm/migrations';

const PATH = `
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,`;

/**
 * The measures as they were when this migration shipped (the list itself lives in
 * modules/indicators/summary-measures.ts; later measures come with their own migration).
 * partners* are filled once the partners tables feed them.
 */
const COUNT_MEASURES =
  `organizations participants participants_with_consent mentees mentors mentees_pupils_10_18
  mentors_youth_15_19 mentees_young_teachers mentees_form_pupil_pupil mentees_form_teacher_teacher
  mentees_form_student_pupil mentees_form_employer_pupil mentees_form_employer_student mentees_form_teacher_pupil
  mentees_category_pupil mentees_category_teacher mentees_category_student mentees_category_graduate
  mentees_category_employer_representative mentees_category_other mentors_category_pupil mentors_category_teacher
  mentors_category_student mentors_category_graduate mentors_category_employer_representative mentors_category_other
  mentees_age_under_10 mentees_age_10_14 mentees_age_15_18 mentees_age_19_35 mentees_age_over_35 mentees_age_unknown
  groups pairs groups_form_pupil_pupil groups_form_teacher_teacher groups_form_student_pupil groups_form_employer_pupil
  groups_form_employer_student groups_form_teacher_pupil mentee_places groups_completed groups_monitored
  growth_count feedback_score_sum feedback_count partners partners_providing_mentors
  roadmap_items roadmap_items_done roadmap_items_done_on_time
  pupils_total pupils_10_18 youth_15_19 teachers_total young_teachers college_students
  pupils_total_reported pupils_10_18_reported youth_15_19_reported teachers_total_reported young_teachers_reported
  college_students_reported`
    .split(/\s+/)
    .filter(Boolean);

const MEASURE_COLUMNS = [
  ...COUNT_MEASURES.map((name) => `${name} bigint not null default 0`),
  'growth_sum numeric not null default 0',
].join(',\n        ');

export class Migration20261122160000_indicator_summary extends Migration {
  override async up(): Promise<void> {
    // What a school reports per academic year; null is "not reported", which is not zero.
    this.addSql(`
      create table contingent (${PATH}
        academic_year int not null check (academic_year between 2000 and 2100),
        pupils_total int null check (pupils_total >= 0),
        pupils_10_18 int null check (pupils_10_18 >= 0),
        youth_15_19 int null check (youth_15_19 >= 0),
        teachers_total int null check (teachers_total >= 0),
        young_teachers int null check (young_teachers >= 0),
        college_students int null check (college_students >= 0),
        updated_at timestamptz not null default now(),
        primary key (organization_id, academic_year),
        constraint contingent_pupils_check check (pupils_10_18 <= pupils_total),
        constraint contingent_teachers_check check (young_teachers <= teachers_total)
      );`);
    this.addSql(`create index contingent_municipality_idx on contingent (municipality_id, academic_year);`);
    this.addSql(`create index contingent_region_idx on contingent (region_id, academic_year);`);

    // Recomputed from base rows inside every write transaction (organization-summary.ts); a row
    // exists for each organisation and academic year that has any data.
    this.addSql(`
      create table organization_summary (
        organization_id int not null references organization (id) on delete cascade,
        region_id int not null,
        municipality_id int not null,
        academic_year int not null,
        ${MEASURE_COLUMNS},
        primary key (organization_id, academic_year)
      );`);
    this.addSql(
      `create index organization_summary_municipality_idx on organization_summary (municipality_id, academic_year);`,
    );
    // Sums of their organisations' rows, kept exact by adding each organisation's change (new − old).
    this.addSql(`
      create table municipality_summary (
        municipality_id int not null references municipality (id) on delete cascade,
        region_id int not null,
        academic_year int not null,
        ${MEASURE_COLUMNS},
        primary key (municipality_id, academic_year)
      );`);
    this.addSql(
      `create index municipality_summary_region_idx on municipality_summary (region_id, academic_year);`,
    );
    // The national rollup sums at most 89 of these rows.
    this.addSql(`
      create table region_summary (
        region_id int not null references region (id) on delete cascade,
        academic_year int not null,
        ${MEASURE_COLUMNS},
        primary key (region_id, academic_year)
      );`);

    // The summary recomputes one school's roadmaps; without this it would scan its region's.
    this.addSql(
      `create index roadmap_organization_idx on roadmap (organization_id, period_from) where level = 'ORGANIZATION';`,
    );

    // An approved report locks its organisation-year: a write that would change the summary row
    // is refused until the region unlocks it. Whoever inserts a lock takes the organisation's row
    // lock first (by refreshing its summary), so a write running at the same moment cannot slip past it.
    this.addSql(`
      create table period_lock (
        organization_id int not null references organization (id) on delete cascade,
        academic_year int not null check (academic_year between 2000 and 2100),
        locked_at timestamptz not null default now(),
        locked_by text not null,
        reason text null,
        primary key (organization_id, academic_year)
      );`);
  }
}
