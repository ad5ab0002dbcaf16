import { Migration } from '@mikro-orm/migrations';

const PATH = `
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,`;

/** Scales are data: a region may add or rename them without a release. */
const SCALES: [string, string, string, number, number][] = [
  ['ORGANIZATION', 'PROGRAM_QUALITY', 'Организация программы наставничества', 1, 5],
  ['CONTENT', 'PROGRAM_QUALITY', 'Содержание и актуальность программы', 1, 5],
  ['MENTOR_SUPPORT', 'PROGRAM_QUALITY', 'Подготовка и поддержка наставников', 1, 5],
  ['GOALS', 'PROGRAM_QUALITY', 'Достижение целей программы', 1, 5],
  ['MOTIVATION', 'PARTICIPANT', 'Мотивация', 1, 10],
  ['COMPETENCES', 'PARTICIPANT', 'Компетенции', 1, 10],
  ['RESULTS', 'PARTICIPANT', 'Образовательные и профессиональные результаты', 1, 10],
];

export class Migration20261122141500_monitoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table monitoring_scale (
        code text primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
        purpose text not null check (purpose in ('PROGRAM_QUALITY', 'PARTICIPANT')),
        name text not null check (length(btrim(name)) > 0),
        min_value int not null,
        max_value int not null,
        position serial,
        constraint monitoring_scale_range_check check (min_value < max_value)
      );`);
    this.addSql(
      `insert into monitoring_scale (code, purpose, name, min_value, max_value) values ${SCALES.map(
        (scale) => `(${scale.map((value) => (typeof value === 'number' ? value : `'${value}'`)).join(', ')})`,
      ).join(', ')};`,
    );

    // Stage 1: one survey result per programme and academic year; a later entry replaces it.
    this.addSql(`
      create table program_quality_survey (
        id serial primary key,${PATH}
        program_id int not null references mentoring_program (id) on delete cascade,
        academic_year int not null check (academic_year between 2000 and 2100),
        scores jsonb not null check (jsonb_typeof(scores) = 'object'),
        respondents int not null check (respondents > 0),
        recorded_at timestamptz not null default now(),
        constraint program_quality_survey_year_key unique (program_id, academic_year)
      );`);

    // Stage 2: a member's assessment at the start and at the end of the group's work.
    this.addSql(`
      create table participant_assessment (
        id serial primary key,${PATH}
        group_id int not null references mentoring_group (id) on delete cascade,
        participant_id int not null references participant (id) on delete restrict,
        phase text not null check (phase in ('START', 'END')),
        assessed_on date not null,
        scores jsonb not null check (jsonb_typeof(scores) = 'object'),
        recorded_at timestamptz not null default now(),
        constraint participant_assessment_phase_key unique (group_id, participant_id, phase)
      );`);
  }
}
