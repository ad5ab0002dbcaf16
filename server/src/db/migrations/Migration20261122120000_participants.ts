import { Migration } from '@mikro-orm/migrations';

export class Migration20261122120000_participants extends Migration {
  override async up(): Promise<void> {
    // What stays after depersonalisation: category, roles, age band (year and month of birth;
    // "under 35" is derived from them), profile and request. Counts and indicators read only this.
    this.addSql(`
      create table participant (
        id serial primary key,
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,
        category text not null check (category in
          ('PUPIL', 'TEACHER', 'STUDENT', 'GRADUATE', 'EMPLOYER_REPRESENTATIVE', 'OTHER')),
        is_mentor boolean not null default false,
        is_mentee boolean not null default false,
        birth_year int null check (birth_year between 1900 and 2100),
        birth_month int null check (birth_month between 1 and 12),
        grade_or_course text null,
        teaching_experience_years int null check (teaching_experience_years >= 0),
        ovz boolean not null default false,
        gifted boolean not null default false,
        difficult_situation boolean not null default false,
        low_income boolean not null default false,
        orphan boolean not null default false,
        competencies text[] not null default '{}',
        training_completed_at date null,
        max_load int null check (max_load >= 1),
        partner_organization text null,
        request_topics text[] not null default '{}',
        request_source text null check (request_source in ('SELF', 'CLASS_TEACHER', 'PSYCHOLOGIST', 'PARENTS')),
        depersonalised_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint participant_role_check check (is_mentor or is_mentee)
      );`);
    this.addSql(`create index participant_organization_idx on participant (organization_id, id);`);
    this.addSql(`create index participant_municipality_idx on participant (municipality_id);`);
    this.addSql(`create index participant_region_idx on participant (region_id);`);

    // The only table with a person's identity. Depersonalisation deletes the row.
    this.addSql(`
      create table participant_personal (
        participant_id int primary key references participant (id) on delete cascade,
        organization_id int not null references organization (id) on delete restrict,
        -- The school's own number for the person: it identifies them in the school's records.
        external_key text null,
        last_name text not null,
        first_name text not null,
        middle_name text null,
        birth_date date not null,
        contact text null
      );`);
    this.addSql(`create unique index participant_personal_external_key_unique
                 on participant_personal (organization_id, external_key) where external_key is not null;`);

    this.addSql(`
      create table consent (
        id serial primary key,
        participant_id int not null references participant (id) on delete cascade,
        signed_by text not null check (signed_by in ('SELF', 'LEGAL_REPRESENTATIVE')),
        -- Personal: cleared together with participant_personal when the person is depersonalised.
        representative_name text null,
        document_reference text null,
        signed_on date not null,
        revoked_on date null,
        created_at timestamptz not null default now(),
        constraint consent_revoked_check check (revoked_on is null or revoked_on >= signed_on)
      );`);
    // At most one consent in force per person: "valid consent" is then one indexed lookup.
    this.addSql(
      `create unique index consent_open_unique on consent (participant_id) where revoked_on is null;`,
    );
    this.addSql(`create index consent_participant_idx on consent (participant_id);`);
  }
}
