import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090000_hierarchy extends Migration {
  override async up(): Promise<void> {
    // Trigram indexes keep name search fast at national scale (~40,000 organisations).
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`
      create table region (
        id serial primary key,
        code varchar(8) not null constraint region_code_unique unique,
        name varchar(255) not null
      );`);

    this.addSql(`
      create table municipality (
        id serial primary key,
        region_id int not null references region (id) on update cascade on delete restrict,
        code varchar(11) not null constraint municipality_code_unique unique,
        name varchar(255) not null,
        kind text not null check (kind in ('MUNICIPAL_DISTRICT', 'MUNICIPAL_OKRUG', 'URBAN_OKRUG', 'INTRA_CITY_TERRITORY')),
        -- Target of the composite key below, so an organisation's region always matches its municipality's.
        constraint municipality_id_region_unique unique (id, region_id)
      );`);
    this.addSql(`create index municipality_region_name_idx on municipality (region_id, name, id);`);
    this.addSql(`create index municipality_name_trgm_idx on municipality using gin (name gin_trgm_ops);`);

    this.addSql(`
      create table organization (
        id serial primary key,
        region_id int not null references region (id) on update cascade on delete restrict,
        municipality_id int not null,
        code varchar(32) not null constraint organization_code_unique unique,
        name text not null,
        short_name varchar(255) null,
        kind text not null check (kind in ('SCHOOL', 'ADDITIONAL_EDUCATION', 'VOCATIONAL', 'KINDERGARTEN_SCHOOL')),
        address text null,
        inn varchar(12) null,
        constraint organization_municipality_path_fk foreign key (municipality_id, region_id)
          references municipality (id, region_id) on update cascade on delete restrict
      );`);
    this.addSql(
      `create index organization_municipality_name_idx on organization (municipality_id, name, id);`,
    );
    this.addSql(`create index organization_region_name_idx on organization (region_id, name, id);`);
    this.addSql(`create index organization_name_trgm_idx on organization using gin (name gin_trgm_ops);`);
    this.addSql(
      `create index organization_short_name_trgm_idx on organization using gin (short_name gin_trgm_ops);`,
    );
  }
}
