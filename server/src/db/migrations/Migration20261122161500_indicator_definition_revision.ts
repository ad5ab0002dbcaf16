import { Migration } from '@mikro-orm/migrations';

export class Migration20261122161500_indicator_definition_revision extends Migration {
  override async up(): Promise<void> {
    // Rollups keep the definitions in memory and read this one number with their figures: any
    // change to definitions or targets, by any process or by hand, moves it in its transaction.
    this.addSql(`
      create table indicator_definition_revision (
        singleton boolean primary key default true check (singleton),
        revision bigint not null
      );`);
    this.addSql(`insert into indicator_definition_revision (revision) values (1);`);
    this.addSql(`
      create function indicator_definition_revise() returns trigger language plpgsql as $$
      begin
        update indicator_definition_revision set revision = revision + 1;
        return null;
      end $$;`);
    for (const table of ['indicator_definition', 'indicator_target'])
      this.addSql(`create trigger ${table}_revise after insert or update or delete or truncate on ${table}
                   for each statement execute function indicator_definition_revise();`);
  }
}
