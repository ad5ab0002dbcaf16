import { Migration } from '@mikro-orm/migrations';

export class Migration20261122110000_roadmap extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table roadmap (
        id serial primary key,
        level text not null check (level in ('REGION', 'MUNICIPALITY', 'ORGANIZATION')),
        -- The owner node and its path (DESIGN.md): a school roadmap carries all three ids.
        region_id int not null references region (id) on delete restrict,
        municipality_id int null references municipality (id) on delete restrict,
        organization_id int null references organization (id) on delete restrict,
        title text not null,
        period_from date not null,
        period_to date not null,
        template_code text null,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'AGREED', 'RETURNED')),
        status_comment text null,
        submitted_at timestamptz null,
        agreed_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint roadmap_period_check check (period_from <= period_to),
        constraint roadmap_owner_check check (
          (level = 'REGION' and municipality_id is null and organization_id is null) or
          (level = 'MUNICIPALITY' and municipality_id is not null and organization_id is null) or
          (level = 'ORGANIZATION' and municipality_id is not null and organization_id is not null))
      );`);
    // One roadmap per owner and period; coalesce because unique indexes treat nulls as distinct.
    this.addSql(`create unique index roadmap_owner_period_unique on roadmap
                 (level, region_id, coalesce(municipality_id, 0), coalesce(organization_id, 0), period_from, period_to);`);
    this.addSql(`create index roadmap_municipality_idx on roadmap (municipality_id, period_from);`);
    this.addSql(`create index roadmap_region_idx on roadmap (region_id, period_from);`);

    this.addSql(`
      create table roadmap_section (
        id serial primary key,
        roadmap_id int not null references roadmap (id) on delete cascade,
        position int not null,
        title text not null,
        constraint roadmap_section_position_unique unique (roadmap_id, position)
      );`);

    this.addSql(`
      create table roadmap_item (
        id serial primary key,
        roadmap_id int not null references roadmap (id) on delete cascade,
        section_id int null references roadmap_section (id) on delete set null,
        region_id int not null references region (id) on delete restrict,
        municipality_id int null references municipality (id) on delete restrict,
        organization_id int null references organization (id) on delete restrict,
        position int not null,
        number text null,
        title text not null,
        stage text null check (stage in ('PREPARATION', 'MENTEE_BASE', 'MENTOR_BASE',
          'MENTOR_SELECTION_AND_TRAINING', 'MATCHING', 'WORK', 'COMPLETION')),
        -- The deadline as the document wrote it, and what the parser made of it.
        due_wording text not null default '',
        due_kind text not null check (due_kind in ('DATES', 'WHOLE_PERIOD', 'EXTERNAL_SCHEDULE', 'UNPARSED')),
        due_windows jsonb not null default '[]',
        due_problem text null,
        -- The last day of the last window: what "overdue" is computed from (null: no deadline).
        due_to date null,
        responsible text null,
        expected_result text null,
        status text not null default 'PLANNED' check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'CANCELLED')),
        completion_note text null,
        evidence_order_number text null,
        evidence_order_date date null,
        evidence_link text null,
        evidence_file_name text null,
        completed_at date null,
        updated_at timestamptz not null default now(),
        constraint roadmap_item_position_unique unique (roadmap_id, position)
      );`);
    // Progress figures read only these columns: an index-only scan per roadmap.
    this.addSql(
      `create index roadmap_item_progress_idx on roadmap_item (roadmap_id) include (id, status, due_to, completed_at);`,
    );
    // Trackers scan open items by due date within a municipality or region.
    this.addSql(
      `create index roadmap_item_municipality_due_idx on roadmap_item (municipality_id, due_to) where status in ('PLANNED', 'IN_PROGRESS');`,
    );
    this.addSql(`create index roadmap_item_region_idx on roadmap_item (region_id);`);
  }
}
