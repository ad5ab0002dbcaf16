import { Migration } from '@mikro-orm/migrations';

/** The academic year of the database's date (1 September starts a year), as summary-sources.ts has it. */
const CURRENT_ACADEMIC_YEAR = `(extract(year from current_date)::int - (extract(month from current_date)::int < 9)::int)`;

export class Migration20261122190000_summary_year extends Migration {
  override async up(): Promise<void> {
    // Open groups, participants and agreements count up to the current academic year, so the
    // summary is computed "as of" a year. On 1 September the API rolls every organisation into
    // the new year in batches (modules/indicators/summary-year-rollover.ts); the rollover_*
    // columns hold its progress, so a restart resumes where it stopped.
    this.addSql(`
      create table summary_state (
        singleton boolean primary key default true check (singleton),
        academic_year int not null,
        rollover_year int null,
        rollover_after_organization_id int null
      );`);
    this.addSql(`insert into summary_state (academic_year) values (${CURRENT_ACADEMIC_YEAR});`);
  }
}
