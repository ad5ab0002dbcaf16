import { activity, groups, MENTORING_TABLES, mentoringPlan, participants } from './mentoring-steps.js';
import { FEDERAL_CITY_CODES, REGION_PROFILES } from './regions.js';
import { municipalityRoadmaps, organizationRoadmaps, ROADMAP_TABLES } from './roadmap-steps.js';
import { createGeneratorFunctions, type SqlSession } from './sql-session.js';
import {
  ORGANIZATION_TEMPLATES,
  OWNERSHIP_FORMS,
  STREETS,
  TOWN_NAMES,
  TOWN_STEMS,
  VILLAGE_ADJECTIVES,
} from './vocabulary.js';
import { createWorkTable, withShareRanges } from './work-tables.js';

export interface GenerationContext {
  sql: SqlSession;
  seed: number;
}

/**
 * One set-based stage of the national data set. Steps run in order inside one transaction and
 * may read what earlier steps left in `national_*` temporary tables.
 */
export interface GenerationStep {
  name: string;
  /** Tables whose row counts are reported after the step. */
  tables: string[];
  run(context: GenerationContext): Promise<void>;
  /** What to report instead of the tables' row counts. */
  report?(sql: SqlSession): Promise<string>;
}

/** The directory the national data set starts from. */
export const HIERARCHY_TABLES = ['region', 'municipality', 'organization'];

/** Every table the national data set fills; cleared (with everything that references them) by `--force`. */
export const NATIONAL_TABLES = [...HIERARCHY_TABLES, ...ROADMAP_TABLES, ...MENTORING_TABLES];

const TARGET_ORGANIZATIONS = 40_000;

/** Organisation codes are the region code plus a four-digit number, as in the demo directory. */
const MAX_ORGANIZATIONS_PER_REGION = 9_999;

/**
 * Organisations per region grow with both population and the number of municipalities: rural
 * regions keep many small schools, big cities fewer large ones.
 */
function organizationsPerRegion(): Map<string, number> {
  const weights = REGION_PROFILES.map((region) => Math.sqrt(region.population * region.municipalities));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  return new Map(
    REGION_PROFILES.map((region, i) => {
      const count = Math.round((TARGET_ORGANIZATIONS * weights[i]) / totalWeight);
      if (count > MAX_ORGANIZATIONS_PER_REGION) {
        throw new Error(`Регион ${region.code}: ${count} ОО не помещаются в четырёхзначный номер`);
      }
      return [region.code, count];
    }),
  );
}

/** Stride through the stem list; coprime with its length, so a region's walk never repeats a stem. */
const TOWN_STRIDE = 37;

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

const prepare: GenerationStep = {
  name: 'словари и функции',
  tables: [],
  async run({ sql, seed }) {
    if (greatestCommonDivisor(TOWN_STRIDE, TOWN_STEMS.length) !== 1) {
      throw new Error(`Шаг ${TOWN_STRIDE} и число основ ${TOWN_STEMS.length} должны быть взаимно просты`);
    }
    // Generation sorts and numbers whole tables: keep those sorts in memory, not in temp files.
    await sql.query(`set local work_mem = '256MB'`);
    await createGeneratorFunctions(sql, seed);

    await createWorkTable(
      sql,
      'national_words',
      `
       select array(select jsonb_array_elements_text(words -> 'towns')) as town_names,
              array(select jsonb_array_elements_text(words -> 'villages')) as village_adjectives,
              array(select jsonb_array_elements_text(words -> 'streets')) as streets
       from (select ?::jsonb as words) as input`,
      [JSON.stringify({ towns: TOWN_NAMES, villages: VILLAGE_ADJECTIVES, streets: STREETS })],
    );

    const templates = [
      ...withShareRanges(
        ORGANIZATION_TEMPLATES.map((t) => ({ ...t, inTown: true, share: t.townShare })),
        () => 'в городе',
        (t) => t.share,
      ),
      ...withShareRanges(
        ORGANIZATION_TEMPLATES.map((t) => ({ ...t, inTown: false, share: t.villageShare })),
        () => 'в селе',
        (t) => t.share,
      ),
    ];
    await createWorkTable(
      sql,
      'national_organization_template',
      `
       select * from jsonb_to_recordset(?::jsonb) as t(
         "inTown" boolean, "shareFrom" float8, "shareTo" float8,
         kind text, founder text, name text, "shortName" text)`,
      [JSON.stringify(templates)],
    );

    await createWorkTable(
      sql,
      'national_ownership_form',
      `
       select * from jsonb_to_recordset(?::jsonb) as f(
         founder text, word text, letter text, "shareFrom" float8, "shareTo" float8)`,
      [
        JSON.stringify(
          withShareRanges(
            OWNERSHIP_FORMS,
            (f) => f.founder,
            (f) => f.share,
          ),
        ),
      ],
    );
  },
};

const regions: GenerationStep = {
  name: 'субъекты РФ',
  tables: ['region'],
  async run({ sql }) {
    const organizations = organizationsPerRegion();
    const plan = REGION_PROFILES.map((region) => ({
      ...region,
      federalCity: FEDERAL_CITY_CODES.includes(region.code),
      organizations: organizations.get(region.code),
    }));
    await createWorkTable(
      sql,
      'national_region_plan',
      `
       select * from jsonb_to_recordset(?::jsonb) as p(
         code text, name text, capital text, "capitalAdjective" text,
         municipalities int, organizations int, "federalCity" boolean)`,
      [JSON.stringify(plan)],
    );
    await sql.query(
      `insert into region (code, name) select code, name from national_region_plan order by code`,
    );
  },
};

/**
 * ОКТМО-like codes: region code, a digit for the kind of formation (as in ОКТМО: 3 intra-city
 * territory, 5 municipal okrug, 6 municipal district, 7 urban okrug), a two-digit number and
 * «000». A federal city with more than 99 territories continues with 9, as Moscow does.
 */
const OKTMO_KIND_DIGITS = {
  INTRA_CITY_TERRITORY: '39',
  MUNICIPAL_OKRUG: '5',
  MUNICIPAL_DISTRICT: '6',
  URBAN_OKRUG: '7',
};

const municipalities: GenerationStep = {
  name: 'муниципалитеты',
  tables: ['municipality'],
  async run({ sql }) {
    await createWorkTable(
      sql,
      'national_municipality_plan',
      `
       with numbered as (
         select r.id as region_id, p.code as region_code, p.name as region_name, p.capital,
                p."capitalAdjective" as capital_adjective, p."federalCity" as federal_city,
                p.municipalities as region_municipalities, p.organizations as region_organizations,
                n, p.code || '/' || n as key,
                -- Each region walks the stems from its own start, so neighbours differ; past the
                -- last stem it takes the prefixed names (TOWN_NAMES lists them after the stems).
                w.town_names[1
                  + (floor(pg_temp.uniform('town-start', p.code) * ?)::int + (n - 1) * ?) % ?
                  + ? * ((n - 1) / ?)] as town_name
         from national_region_plan p
         join region r on r.code = p.code
         cross join national_words w
         cross join lateral generate_series(1, p.municipalities) as n
       ),
       kinded as (
         select numbered.*,
                n = 1 and not federal_city as is_capital,
                -- Outside federal cities about 22 % urban okrugs, 18 % municipal okrugs, the rest
                -- municipal districts; the capital is always an urban okrug.
                case
                  when federal_city then 'INTRA_CITY_TERRITORY'
                  when n = 1 then 'URBAN_OKRUG'
                  when pg_temp.uniform('municipality-kind', key) < 0.22 then 'URBAN_OKRUG'
                  when pg_temp.uniform('municipality-kind', key) < 0.40 then 'MUNICIPAL_OKRUG'
                  else 'MUNICIPAL_DISTRICT'
                end as kind
         from numbered
       ),
       sized as (
         select kinded.*,
                row_number() over (partition by region_id, kind order by n) as number_of_kind,
                -- Capitals hold a large share of a region's schools, other towns twice a district's.
                case
                  when is_capital then greatest(3, 0.25 * region_municipalities)
                  when kind = 'URBAN_OKRUG' then 2
                  else 1
                end * (0.6 + 0.8 * pg_temp.uniform('municipality-size', key)) as weight
         from kinded
       )
       select region_id, region_code, region_name, n, kind, federal_city,
              region_code
                || substr(?::jsonb ->> kind, 1 + (number_of_kind::int - 1) / 99, 1)
                || lpad((1 + (number_of_kind - 1) % 99)::text, 2, '0')
                || '000' as code,
              case kind
                when 'URBAN_OKRUG' then 'городской округ город ' || case when is_capital then capital else town_name end
                when 'MUNICIPAL_DISTRICT' then town_name || 'ий муниципальный район'
                when 'MUNICIPAL_OKRUG' then town_name || 'ий муниципальный округ'
                else 'муниципальный округ ' || town_name || 'ий'
              end as name,
              case when is_capital or federal_city then capital else town_name end as town,
              case when is_capital then capital_adjective else town_name || 'ий' end as place,
              kind in ('URBAN_OKRUG', 'INTRA_CITY_TERRITORY') as in_town,
              greatest(2, round(region_organizations * weight / sum(weight) over (partition by region_id)))::int
                as organizations
       from sized`,
      [
        TOWN_STEMS.length,
        TOWN_STRIDE,
        TOWN_STEMS.length,
        TOWN_STEMS.length,
        TOWN_STEMS.length,
        JSON.stringify(OKTMO_KIND_DIGITS),
      ],
    );
    await sql.query(
      `insert into municipality (region_id, code, name, kind)
       select region_id, code, name, kind from national_municipality_plan order by region_code, n`,
    );
  },
};

const organizations: GenerationStep = {
  name: 'образовательные организации',
  tables: ['organization'],
  async run({ sql }) {
    // Fills the placeholders of a name template (see OrganizationTemplate).
    await sql.query(`
      create function pg_temp.render_name(
        template text, form_word text, form_letter text, school_number bigint,
        village text, place text, name_repeat bigint
      ) returns text
      language sql immutable parallel safe as $$
        select replace(replace(replace(replace(replace(replace(replace(template,
          '{form}', form_word), '{f}', form_letter), '{number}', school_number::text),
          '{village}', village), '{place}', place), '{P}', upper(left(place, 1))),
          '{dup}', case when name_repeat > 1 then ' № ' || name_repeat else '' end)
      $$`);
    await sql.query(
      `insert into organization (region_id, municipality_id, code, name, short_name, kind, address, inn)
       with drawn as materialized (
         -- Materialised so each draw is hashed once per row, not once per template it is compared with.
         select p.*, m.id as municipality_id, o.n as organization_n,
                -- In a district a third of the organisations stand in its administrative centre.
                p.in_town or pg_temp.uniform('organization-in-town', key) < 0.35 as organization_in_town,
                pg_temp.uniform('template', key) as template_draw,
                pg_temp.uniform('ownership', key) as ownership_draw,
                pg_temp.pick(w.village_adjectives, pg_temp.uniform('village', key)) as village,
                pg_temp.pick(w.streets, pg_temp.uniform('street', key)) as street,
                1 + floor(120 * pg_temp.uniform('house', key))::int as house,
                1 + floor(2 * pg_temp.uniform('number-step', key))::int as number_step
         from national_municipality_plan p
         join municipality m on m.code = p.code
         cross join national_words w
         cross join lateral generate_series(1, p.organizations) as o(n)
         cross join lateral (select p.code || '/' || o.n as key) as k
       ),
       shaped as (
         select d.*, t.kind as organization_kind, t.name as name_template,
                t."shortName" as short_name_template, f.word as form_word, f.letter as form_letter
         from drawn d
         join national_organization_template t
           on t."inTown" = d.organization_in_town
          and d.template_draw >= t."shareFrom" and d.template_draw < t."shareTo"
         join national_ownership_form f
           on f.founder = t.founder
          and d.ownership_draw >= f."shareFrom" and d.ownership_draw < f."shareTo"
       ),
       numbered as (
         select s.*,
                -- School numbers rise with gaps, as real ones do after closures and mergers.
                sum(number_step) over (partition by municipality_id order by organization_n) as school_number,
                row_number() over (
                  partition by municipality_id, name_template,
                               case when name_template like '%{village}%' then village end
                  order by organization_n) as name_repeat,
                row_number() over (partition by region_id order by n, organization_n) as number_in_region
         from shaped s
       ),
       identified as materialized (
         -- Materialised so the name and ИНН functions get plain columns and PostgreSQL inlines them.
         select numbered.*,
                region_code || lpad(number_in_region::text, 4, '0') as organization_code,
                -- Region code, a tax-office number from the municipality, then a serial scrambled by
                -- a multiplier coprime with 10⁵, so ИНН are unique but do not run in sequence.
                region_code
                  || lpad((1 + (n - 1) % 99)::text, 2, '0')
                  || lpad(((number_in_region * 7919) % 100000)::text, 5, '0') as inn_first_nine
         from numbered
       )
       select region_id, municipality_id, organization_code,
              pg_temp.render_name(name_template, form_word, form_letter, school_number, village, place, name_repeat),
              pg_temp.render_name(
                short_name_template, form_word, form_letter, school_number, village, place, name_repeat),
              organization_kind,
              case
                when organization_in_town then concat_ws(', ',
                  case when not federal_city then region_name end, 'г. ' || town, 'ул. ' || street, 'д. ' || house)
                else concat_ws(', ',
                  region_name, name, 'с. ' || regexp_replace(village, 'ая$', 'ое'), 'ул. ' || street, 'д. ' || house)
              end,
              pg_temp.inn_with_check_digit(inn_first_nine)
       from identified
       order by region_code, n, organization_n`,
    );
  },
};

/** The national data set, in load order. */
export const NATIONAL_STEPS: GenerationStep[] = [
  prepare,
  regions,
  municipalities,
  organizations,
  municipalityRoadmaps,
  organizationRoadmaps,
  mentoringPlan,
  participants,
  groups,
  activity,
];
