import { Migration } from '@mikro-orm/migrations';

const FORMS = `'PUPIL_PUPIL', 'TEACHER_TEACHER', 'STUDENT_PUPIL', 'EMPLOYER_PUPIL', 'EMPLOYER_STUDENT', 'TEACHER_PUPIL'`;
const STAGES = `'PREPARATION', 'MENTEE_BASE', 'MENTOR_BASE', 'MENTOR_SELECTION_AND_TRAINING', 'MATCHING', 'WORK', 'COMPLETION'`;

export class Migration20261122130000_mentoring_groups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table mentoring_program (
        id serial primary key,
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,
        title text not null check (length(btrim(title)) > 0),
        forms text[] not null check (cardinality(forms) > 0 and forms <@ array[${FORMS}]),
        goals text null,
        period_from date not null,
        period_to date not null,
        personalised boolean not null default false,
        created_at timestamptz not null default now(),
        constraint mentoring_program_period_check check (period_from <= period_to)
      );`);
    this.addSql(
      `create index mentoring_program_organization_idx on mentoring_program (organization_id, id);`,
    );

    // A pair is a group with one mentor and one mentee: one table serves both.
    this.addSql(`
      create table mentoring_group (
        id serial primary key,
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,
        program_id int null references mentoring_program (id) on delete restrict,
        form text not null check (form in (${FORMS})),
        title text null,
        order_number text null,
        order_date date null,
        stage text not null check (stage in (${STAGES})),
        status text not null check (status in ('FORMING', 'ACTIVE', 'COMPLETED', 'TERMINATED')),
        started_on date null,
        ended_on date null,
        termination_reason text null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- An active group works under an order (приказ о закреплении).
        constraint mentoring_group_order_check check (status = 'FORMING' or status = 'TERMINATED'
          or (order_number is not null and order_date is not null)),
        constraint mentoring_group_end_check check (ended_on is null or started_on is null or ended_on >= started_on)
      );`);
    this.addSql(`create index mentoring_group_organization_idx on mentoring_group (organization_id, id);`);
    this.addSql(`create index mentoring_group_municipality_idx on mentoring_group (municipality_id);`);
    this.addSql(`create index mentoring_group_region_idx on mentoring_group (region_id);`);

    this.addSql(`
      create table mentoring_group_member (
        group_id int not null references mentoring_group (id) on delete cascade,
        participant_id int not null references participant (id) on delete restrict,
        role text not null check (role in ('MENTOR', 'MENTEE')),
        primary key (group_id, participant_id)
      );`);
    // Load cap: a mentor's groups are found from the participant side.
    this.addSql(
      `create index mentoring_group_member_participant_idx on mentoring_group_member (participant_id);`,
    );
  }
}
