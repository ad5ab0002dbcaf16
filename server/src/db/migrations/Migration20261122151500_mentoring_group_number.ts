import { Migration } from '@mikro-orm/migrations';

export class Migration20261122151500_mentoring_group_number extends Migration {
  override async up(): Promise<void> {
    // The school's own number for a pair or group, as in its journal of pairs: a file of groups
    // is matched on it, so loading the same file again changes nothing.
    this.addSql(`alter table mentoring_group add column external_key text null;`);
    this.addSql(`create unique index mentoring_group_external_key_unique
                 on mentoring_group (organization_id, external_key) where external_key is not null;`);
  }
}
