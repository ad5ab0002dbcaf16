import { Migration } from '@mikro-orm/migrations';

export class Migration20261122100000_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_record (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor_subject text not null,
        actor_username text null,
        actor_client text null,
        operation text not null,
        action text not null check (action in ('CREATE', 'UPDATE', 'DELETE', 'READ')),
        entity text not null,
        entity_code text null,
        before jsonb null,
        after jsonb null,
        -- The hierarchy path of the changed row, so administrators see exactly their part.
        region_id int null references region (id) on delete set null,
        municipality_id int null references municipality (id) on delete set null,
        organization_id int null references organization (id) on delete set null
      );`);
    this.addSql(`create index audit_record_region_at_idx on audit_record (region_id, at desc, id desc);`);
    this.addSql(
      `create index audit_record_municipality_at_idx on audit_record (municipality_id, at desc, id desc);`,
    );
  }
}
