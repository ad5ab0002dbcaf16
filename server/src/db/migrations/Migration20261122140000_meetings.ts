import { Migration } from '@mikro-orm/migrations';

const PATH = `
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,
        group_id int not null references mentoring_group (id) on delete cascade,`;

export class Migration20261122140000_meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table mentoring_meeting (
        id serial primary key,${PATH}
        kind text not null check (kind in ('INTRODUCTORY', 'TRIAL', 'PLANNING', 'REGULAR', 'FINAL')),
        held_on date not null,
        format text not null check (format in ('IN_PERSON', 'ONLINE')),
        notes text null check (length(notes) <= 2000),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index mentoring_meeting_group_idx on mentoring_meeting (group_id, held_on, id);`);
    // The service checks order and uniqueness under a group lock; the index is the last word.
    this.addSql(`
      create unique index mentoring_meeting_once_idx on mentoring_meeting (group_id, kind)
      where kind in ('INTRODUCTORY', 'FINAL');`);

    // One opinion per member and group: a later one replaces the earlier.
    this.addSql(`
      create table mentoring_feedback (
        id serial primary key,${PATH}
        participant_id int not null references participant (id) on delete restrict,
        -- The role at the time of the feedback: it stays right if the member later leaves.
        role text not null check (role in ('MENTOR', 'MENTEE')),
        score smallint not null check (score between 1 and 5),
        text text null check (length(text) <= 2000),
        recorded_at timestamptz not null default now(),
        constraint mentoring_feedback_member_key unique (group_id, participant_id)
      );`);
  }
}
