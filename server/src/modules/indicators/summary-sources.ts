import type { SummarySourceName } from './summary-measures.js';

/**
 * The base rows the summary measures aggregate, as CTEs over the organisations being computed
 * (`summary_orgs`: id, region_id, municipality_id). Every source yields rows with
 * `organization_id` and `academic_year`; summary-sql.ts groups them by those two.
 *
 * Conventions (ISSUE6 contract):
 * - Academic year Y runs from 1 September Y to 31 August Y+1.
 * - Groups of year Y: ACTIVE or COMPLETED groups whose [started_on (or order_date), ended_on]
 *   overlaps the year. An open group counts up to the current academic year (the database's
 *   date): on 1 September the API adds the new year's rows (summary-year-rollover.ts).
 * - Ages come from birth year and month only (the day is personal data, erased on revocation):
 *   age on a date = its year − birth year − (1 if the birth month is later than the date's
 *   month). That is exact on the first day of a month except for people born on that very day.
 *   The reference date of year Y is 1 January Y+1, as in form ОО-1.
 */

/** The academic year a date falls in (SQL). */
export const academicYearOf = (date: string) =>
  `(extract(year from ${date})::int - (extract(month from ${date})::int < 9)::int)`;

/** The current academic year: open groups and participants count up to it. */
export const CURRENT_ACADEMIC_YEAR = academicYearOf('current_date');

/**
 * The predicate that keeps a base table's rows (alias) to the organisations computed, on its
 * organization_id: a literal id list for a refresh, so every table is read by its index.
 */
export type Within = (alias: string) => string;

/** Where the age of a participant is taken in a row with `academic_year`. */
export type AgeReference = { kind: 'year-start' } | { kind: 'date'; year: number; month: number };

function ageSql(reference: AgeReference, year: string, person: string): string {
  return reference.kind === 'year-start'
    ? `(${year} + 1 - ${person}.birth_year - (${person}.birth_month > 1)::int)`
    : `(${reference.year} - ${person}.birth_year - (${person}.birth_month > ${reference.month})::int)`;
}

const GROUP_START = 'coalesce(g.started_on, g.order_date)';

/**
 * Helper CTEs the sources share. PostgreSQL skips CTEs nobody reads, so a computation of a few
 * measures pays only for the sources they need.
 *
 * Base tables are read by index for the organisations asked, and only then multiplied by the
 * years each row spans: the planner cannot estimate generate_series over column values (it
 * assumes 1,000 rows), and an estimate that large would make it scan whole tables instead.
 */
export function sharedCtes(reference: AgeReference, within: Within): string[] {
  return [
    `summary_groups as (
      select g.id as group_id, g.organization_id, g.form, g.status, ${academicYearOf('g.ended_on')} as ended_year,
             ${academicYearOf(GROUP_START)} as first_year,
             coalesce(${academicYearOf('g.ended_on')}, greatest(${academicYearOf(GROUP_START)}, ${CURRENT_ACADEMIC_YEAR}))
               as last_year
      from mentoring_group g
      where ${within('g')}
        and g.status in ('ACTIVE', 'COMPLETED') and ${GROUP_START} is not null
    )`,
    `summary_group_years as (
      select gr.*, y.academic_year
      from summary_groups gr cross join lateral generate_series(gr.first_year, gr.last_year) as y(academic_year)
    )`,
    `summary_memberships as (
      select gr.group_id, gr.organization_id, gr.form, gr.first_year, gr.last_year, m.participant_id, m.role,
             p.category, p.teaching_experience_years, p.birth_year, p.birth_month
      from summary_groups gr
      join mentoring_group_member m on m.group_id = gr.group_id
      join participant p on p.id = m.participant_id
    )`,
    `summary_group_members as (
      select ms.organization_id, y.academic_year, ms.form, ms.participant_id, ms.role, ms.category,
             ms.teaching_experience_years, ${ageSql(reference, 'y.academic_year', 'ms')} as age
      from summary_memberships ms
      cross join lateral generate_series(ms.first_year, ms.last_year) as y(academic_year)
    )`,
    // A person counts in the base from the year they were entered, or earlier when an earlier
    // group of theirs was entered later (historical data).
    `summary_first_group_years as (
      select participant_id, min(first_year) as first_year from summary_memberships group by participant_id
    )`,
    `summary_compositions as (
      select group_id, count(*) filter (where role = 'MENTOR') as mentors,
             count(*) filter (where role = 'MENTEE') as mentees
      from summary_memberships
      group by group_id
    )`,
    // Growth of a member: END − START averaged over the scales assessed both times.
    `summary_growth as (
      select s.group_id, sum(change.growth) as growth_sum, count(change.growth) as growth_count
      from participant_assessment s
      join participant_assessment e
        on e.group_id = s.group_id and e.participant_id = s.participant_id and e.phase = 'END'
      cross join lateral (
        select avg(score.value::numeric - (s.scores ->> score.key)::numeric) as growth
        from jsonb_each_text(e.scores) as score where s.scores ->> score.key is not null
      ) change
      where s.phase = 'START' and s.group_id in (select group_id from summary_groups)
      group by s.group_id
    )`,
    `summary_feedback as (
      select f.group_id, sum(f.score) as score_sum, count(*) as feedback_count
      from mentoring_feedback f
      where f.group_id in (select group_id from summary_groups)
      group by f.group_id
    )`,
    `summary_roadmaps as (
      select r.id, r.organization_id, r.period_from, ${academicYearOf('r.period_from')} as first_year,
             ${academicYearOf('r.period_to')} as last_year
      from roadmap r
      where r.level = 'ORGANIZATION' and ${within('r')}
    )`,
    // The roadmap that counts for a school in a year: the latest one whose period touches the
    // year (as the roadmap tracker chooses it).
    `summary_roadmap_years as (
      select distinct on (r.organization_id, y.academic_year) r.id as roadmap_id, r.organization_id, y.academic_year
      from summary_roadmaps r
      cross join lateral generate_series(r.first_year, r.last_year) as y(academic_year)
      order by r.organization_id, y.academic_year, r.period_from desc, r.id desc
    )`,
    `summary_roadmap_items as (
      select i.roadmap_id, i.status, i.due_to, i.completed_at
      from roadmap_item i
      where i.roadmap_id in (select id from summary_roadmaps)
    )`,
  ];
}

/**
 * Each source's rows. To add a source (partners, reports): a name in SummarySourceName, an
 * entry here, and measures that read it in summary-measures.ts.
 */
export const SUMMARY_SOURCES: Record<
  Exclude<SummarySourceName, 'organization' | 'derived'>,
  (within: Within) => string
> = {
  // One row per participant and year they are in the base (so count(*) counts people).
  participants: (within) => `
    select p.organization_id, y.academic_year, p.id as participant_id,
           exists (select 1 from consent c
                   where c.participant_id = p.id and c.signed_on < make_date(y.academic_year + 1, 9, 1)
                     and (c.revoked_on is null or c.revoked_on >= make_date(y.academic_year + 1, 9, 1))) as consented
    from participant p
    left join summary_first_group_years f on f.participant_id = p.id
    cross join lateral (
      select least(${academicYearOf("(p.created_at at time zone 'Europe/Moscow')::date")}, f.first_year) as first_year
    ) entered
    cross join lateral generate_series(entered.first_year, greatest(entered.first_year, ${CURRENT_ACADEMIC_YEAR}))
      as y(academic_year)
    where ${within('p')}`,
  // One row per group of the year and member; measures count each person once (PEOPLE_SOURCES).
  members: () => `select * from summary_group_members`,
  // One row per group of the year.
  groups: () => `
    select gy.organization_id, gy.academic_year, gy.form, gy.status, gy.ended_year,
           coalesce(c.mentors, 0) as mentors, coalesce(c.mentees, 0) as mentees,
           coalesce(gr.growth_sum, 0) as growth_sum, coalesce(gr.growth_count, 0) as growth_count,
           coalesce(f.score_sum, 0) as feedback_score_sum, coalesce(f.feedback_count, 0) as feedback_count
    from summary_group_years gy
    left join summary_compositions c on c.group_id = gy.group_id
    left join summary_growth gr on gr.group_id = gy.group_id
    left join summary_feedback f on f.group_id = gy.group_id`,
  // One row per partner and year it had an agreement in force, and per mentor of a group of the
  // year that it provided (community/: participant.partner_id).
  partners: (within) => `
    select a.organization_id, y.academic_year, a.partner_id, false as provides_mentor
    from partner_agreement a
    cross join lateral generate_series(
      ${academicYearOf('a.valid_from')},
      coalesce(${academicYearOf('a.valid_to')}, greatest(${academicYearOf('a.valid_from')}, ${CURRENT_ACADEMIC_YEAR}))
    ) as y(academic_year)
    where a.partner_id in (select po.id from partner_organization po
                           where ${within('po')})
    union all
    select m.organization_id, m.academic_year, p.partner_id, true
    from summary_group_members m
    join participant p on p.id = m.participant_id
    where m.role = 'MENTOR' and p.partner_id is not null`,
  // One row per item of the school's roadmap of the year (one empty row for a roadmap without items).
  roadmap: () => `
    select ry.organization_id, ry.academic_year, i.status as item_status, i.due_to, i.completed_at
    from summary_roadmap_years ry
    left join summary_roadmap_items i on i.roadmap_id = ry.roadmap_id`,
  contingent: (within) => `
    select c.* from contingent c where ${within('c')}`,
  // One row per report a school has acted on (reporting/): a draft, a submitted one, …
  reports: (within) => `
    select r.organization_id, r.academic_year, r.status, r.submitted_on_time
    from statistical_report r where ${within('r')}`,
};
