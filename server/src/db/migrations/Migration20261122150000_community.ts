import { Migration } from '@mikro-orm/migrations';

const PATH = `
        region_id int not null references region (id) on delete restrict,
        municipality_id int not null references municipality (id) on delete restrict,
        organization_id int not null references organization (id) on delete restrict,`;

const FORMS = `'PUPIL_PUPIL', 'TEACHER_TEACHER', 'STUDENT_PUPIL', 'EMPLOYER_PUPIL', 'EMPLOYER_STUDENT', 'TEACHER_PUPIL'`;
const STAGES = `'PREPARATION', 'MENTEE_BASE', 'MENTOR_BASE', 'MENTOR_SELECTION_AND_TRAINING', 'MATCHING', 'WORK', 'COMPLETION'`;

export class Migration20261122150000_community extends Migration {
  override async up(): Promise<void> {
    // A school's partner is an organisation, not a person: the contact is a role («отдел кадров»).
    this.addSql(`
      create table partner_organization (
        id serial primary key,${PATH}
        name text not null check (length(btrim(name)) > 0),
        kind text not null check (kind in ('EMPLOYER', 'EDUCATION', 'NGO', 'CULTURE', 'OTHER')),
        inn text null check (inn ~ '^([0-9]{10}|[0-9]{12})$'),
        contact_role text null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- Lets participant.partner_id require a partner of the participant's own school.
        constraint partner_organization_school_key unique (id, organization_id)
      );`);
    this.addSql(`create unique index partner_organization_name_unique
                 on partner_organization (organization_id, lower(btrim(name)));`);
    // Indicator roll-ups count partners per school, municipality and region.
    this.addSql(
      `create index partner_organization_municipality_idx on partner_organization (municipality_id);`,
    );
    this.addSql(`create index partner_organization_region_idx on partner_organization (region_id);`);

    this.addSql(`
      create table partner_agreement (
        id serial primary key,${PATH}
        partner_id int not null references partner_organization (id) on delete cascade,
        number text not null check (length(btrim(number)) > 0),
        signed_on date not null,
        valid_from date not null,
        valid_to date null,
        subject text not null check (length(btrim(subject)) > 0),
        created_at timestamptz not null default now(),
        constraint partner_agreement_period_check check (valid_to is null or valid_to >= valid_from)
      );`);
    this.addSql(`create index partner_agreement_partner_idx on partner_agreement (partner_id, valid_from);`);

    // The structured link beside the free-text partner_organization, which stays as it was.
    this.addSql(`alter table participant add column partner_id int null;`);
    this.addSql(`alter table participant add constraint participant_partner_fk
                 foreign key (partner_id, organization_id) references partner_organization (id, organization_id)
                 on delete restrict;`);
    this.addSql(
      `create index participant_partner_idx on participant (partner_id) where partner_id is not null;`,
    );
    // Only an employer representative mentor has a partner. Every write path (form, import) may
    // change category or roles without knowing about partners, so the database drops the link.
    this.addSql(`
      create function participant_partner_link() returns trigger language plpgsql as $$
      begin
        if new.category <> 'EMPLOYER_REPRESENTATIVE' or not new.is_mentor then
          new.partner_id := null;
        end if;
        return new;
      end $$;`);
    this
      .addSql(`create trigger participant_partner_link before insert or update of category, is_mentor, partner_id
                 on participant for each row execute function participant_partner_link();`);

    // Cases (кейсы) written by a school; the level decides who may read them.
    this.addSql(`
      create table mentoring_practice (
        id serial primary key,${PATH}
        title text not null check (length(btrim(title)) > 0),
        summary text not null check (length(btrim(summary)) > 0),
        form text not null check (form in (${FORMS})),
        stage text null check (stage in (${STAGES})),
        url text null,
        level text not null check (level in ('SCHOOL', 'MUNICIPALITY', 'REGION')),
        -- The school asks its municipality to publish a school-level case.
        proposed boolean not null default false,
        published_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint mentoring_practice_proposed_check check (not proposed or level = 'SCHOOL')
      );`);
    this.addSql(
      `create index mentoring_practice_organization_idx on mentoring_practice (organization_id, id);`,
    );
    this.addSql(`create index mentoring_practice_municipality_idx on mentoring_practice (municipality_id, id)
                 where level <> 'SCHOOL' or proposed;`);
    this.addSql(`create index mentoring_practice_region_idx on mentoring_practice (region_id, id)
                 where level <> 'SCHOOL';`);

    // What a mentor agreed to have published in the municipal registry; no personal values here.
    this.addSql(`
      create table mentor_publication_consent (
        id serial primary key,${PATH}
        participant_id int not null references participant (id) on delete cascade,
        fields text[] not null check (cardinality(fields) > 0
          and fields <@ array['FULL_NAME', 'COMPETENCIES', 'POSITION_AND_ORGANIZATION', 'CONTACT']),
        signed_by text not null check (signed_by in ('SELF', 'LEGAL_REPRESENTATIVE')),
        signed_on date not null,
        revoked_on date null,
        created_at timestamptz not null default now(),
        constraint mentor_publication_consent_revoked_check check (revoked_on is null or revoked_on >= signed_on)
      );`);
    this.addSql(`create unique index mentor_publication_consent_open_unique
                 on mentor_publication_consent (participant_id) where revoked_on is null;`);
    // The registry reads one municipality's consents in force.
    this.addSql(`create index mentor_publication_consent_municipality_idx
                 on mentor_publication_consent (municipality_id, id) where revoked_on is null;`);
  }
}
