import { AS_OF } from './roadmap-templates.js';
import type { SqlSession } from './sql-session.js';
import {
  CLASS_LETTERS,
  COMPETENCIES,
  FIRST_YEAR_SHARE,
  FORM_BLOCKS,
  GROUP_STATUSES,
  GROUPS_PER_PARTICIPANT,
  KIND_PROFILES,
  PARTICIPANT_BLOCKS,
  PARTNER_ORGANIZATIONS,
  REQUEST_SOURCES,
  REQUEST_TOPICS,
  TERMINATION_REASONS,
  WITHOUT_CONSENT_SHARE,
  type FormCode,
} from './mentoring-vocabulary.js';
import { createWorkTable, withShareRanges } from './work-tables.js';

const blockNumber = (name: string) => PARTICIPANT_BLOCKS.find((block) => block.name === name)!.block;

/** Each kind's blocks and forms, checked: the shares sum to 100, every form has its blocks. */
function kindRows() {
  const blocks = KIND_PROFILES.flatMap((profile) => {
    const total = Object.values(profile.blocks).reduce((sum, share) => sum + share, 0);
    if (total !== 100) throw new Error(`Блоки участников «${profile.kind}» дают ${total} %, а не 100 %`);
    const largest = Math.max(...Object.values(profile.blocks));
    return PARTICIPANT_BLOCKS.map(({ block, name }) => ({
      kind: profile.kind,
      block,
      share: profile.blocks[name] ?? 0,
      largest: profile.blocks[name] === largest,
    }));
  });
  const forms = withShareRanges(
    KIND_PROFILES.flatMap((profile) =>
      Object.entries(profile.forms).map(([form, share]) => {
        const { mentor, mentee } = FORM_BLOCKS[form as FormCode];
        if (!profile.blocks[mentor] || !profile.blocks[mentee])
          throw new Error(
            `Форма ${form} у «${profile.kind}» без блока ${profile.blocks[mentor] ? mentee : mentor}`,
          );
        return {
          kind: profile.kind,
          form,
          share,
          mentorBlock: blockNumber(mentor),
          menteeBlock: blockNumber(mentee),
        };
      }),
    ),
    (row) => row.kind,
    (row) => row.share,
  );
  return { blocks, forms };
}

/**
 * Work tables the mentoring steps share:
 * - `national_mentoring_org` — per organisation: participants and their blocks (counts, offsets
 *   within the organisation, how many of each block have consent), the first participant and
 *   group id, the pairs and groups and how many of them started in 2024, the orders of each year;
 * - `national_group_plan` — every pair and group with its form, status, dates, mentor id and the
 *   run of mentee positions it takes; mentors and mentees are taken in turn from their blocks, so
 *   members always fit the form rules, and only from the part of the block with consent;
 * - `national_mentor_load` — mentees of each mentor in forming and working groups, so that a
 *   declared load is never below the real one;
 * - `national_first_year` — per organisation and block, how many positions 2024 groups reach:
 *   those people were entered (and signed consent) in August 2024, the others in August 2025.
 */
export async function createMentoringPlan(sql: SqlSession, seed: number): Promise<void> {
  // Index builds after the load sort millions of keys: keep the sorts in memory.
  await sql.query(`set local maintenance_work_mem = '512MB'`);
  // Tens of millions of draws: md5 of a text key (pg_temp.uniform) would be most of the time.
  // The rows of these tables have integer ids that depend only on the seed, and
  // hashint8extended — the hash that hash partitioning stores, hence stable across PostgreSQL
  // versions — turns (id, stream) into 52 random bits at a fraction of md5's cost.
  await sql.query(`
    create function pg_temp.draw(key bigint, stream int) returns float8
    language sql immutable parallel safe as $$
      select (hashint8extended(key, ${seed}::bigint * 1024 + stream) & 4503599627370495)::float8 / 4503599627370496
    $$`);
  const { blocks, forms } = kindRows();
  await createWorkTable(
    sql,
    'national_mentoring_words',
    `select array(select jsonb_array_elements_text(w -> 'sources')) as sources,
            array(select jsonb_array_elements_text(w -> 'partners')) as partners,
            array(select jsonb_array_elements_text(w -> 'reasons')) as reasons,
            array(select jsonb_array_elements_text(w -> 'letters')) as letters
     from (select ?::jsonb as w) as input`,
    [
      JSON.stringify({
        sources: REQUEST_SOURCES,
        partners: PARTNER_ORGANIZATIONS,
        reasons: TERMINATION_REASONS,
        letters: CLASS_LETTERS,
      }),
    ],
  );
  // Mentors' competencies and mentees' request topics by category (mentors' categories have no topics).
  await createWorkTable(
    sql,
    'national_category_words',
    `select c.category, c.purpose, array(select jsonb_array_elements_text(c.words)) as words
     from jsonb_to_recordset(?::jsonb) as c(category text, purpose text, words jsonb)`,
    [
      JSON.stringify(
        Object.keys(COMPETENCIES).flatMap((category) => [
          { category, purpose: 'COMPETENCE', words: COMPETENCIES[category as keyof typeof COMPETENCIES] },
          {
            category,
            purpose: 'TOPIC',
            words: REQUEST_TOPICS[category as keyof typeof REQUEST_TOPICS] ?? [],
          },
        ]),
      ),
    ],
  );
  await createWorkTable(
    sql,
    'national_block',
    `select * from jsonb_to_recordset(?::jsonb) as b(block int, name text, category text, "isMentor" boolean)`,
    [JSON.stringify(PARTICIPANT_BLOCKS)],
  );
  await createWorkTable(
    sql,
    'national_kind_block',
    `select * from jsonb_to_recordset(?::jsonb) as b(kind text, block int, share int, largest boolean)`,
    [JSON.stringify(blocks)],
  );
  await createWorkTable(
    sql,
    'national_kind_form',
    `select * from jsonb_to_recordset(?::jsonb)
       as f(kind text, form text, "mentorBlock" int, "menteeBlock" int, "shareFrom" float8, "shareTo" float8)`,
    [JSON.stringify(forms)],
  );
  await createWorkTable(
    sql,
    'national_kind_grades',
    `select kind, (g -> 'mentor' ->> 0)::int as mentor_from, (g -> 'mentor' ->> 1)::int as mentor_to,
            (g -> 'mentee' ->> 0)::int as mentee_from, (g -> 'mentee' ->> 1)::int as mentee_to
     from jsonb_to_recordset(?::jsonb) as p(kind text, g jsonb)`,
    [JSON.stringify(KIND_PROFILES.map((profile) => ({ kind: profile.kind, g: profile.pupilGrades })))],
  );
  await createWorkTable(
    sql,
    'national_group_status',
    `select * from jsonb_to_recordset(?::jsonb) as s(year int, status text, "shareFrom" float8, "shareTo" float8)`,
    [
      JSON.stringify(
        withShareRanges(
          GROUP_STATUSES,
          (s) => String(s.year),
          (s) => s.share,
        ),
      ),
    ],
  );

  await createWorkTable(
    sql,
    'national_mentoring_org',
    `with sized as (
       select o.id as organization_id, o.region_id, o.municipality_id, o.code, o.kind,
              -- 55–145 % of 125, so schools differ as much as they do in life.
              greatest(40, round(125 * (0.55 + 0.9 * pg_temp.uniform('mentoring-size', o.code))))::int as participants
       from organization o
     ),
     floored as (
       select s.organization_id, b.block, b.largest,
              case when b.share = 0 then 0 else greatest(1, floor(s.participants * b.share / 100.0))::int end as n
       from sized s join national_kind_block b on b.kind = s.kind
     ),
     counted as (
       select f.organization_id, f.block,
              f.n + case when f.largest then s.participants - sum(f.n) over (partition by f.organization_id) else 0 end as n
       from floored f join sized s on s.organization_id = f.organization_id
     ),
     arrays as (
       select organization_id,
              array_agg(n order by block) as counts,
              array_agg(n - floor(n * ?::int / 100.0)::int order by block) as used,
              array_agg(offset_in order by block) as offsets
       from (select c.*, coalesce(sum(n) over (partition by organization_id order by block
                                                 rows between unbounded preceding and 1 preceding), 0)::int as offset_in
             from counted c) c
       group by organization_id
     )
     select s.*, a.counts, a.used, a.offsets,
            (sum(s.participants) over (order by s.organization_id) - s.participants)::int as participant_base,
            g.groups, round(g.groups * ?::int / 100.0)::int as groups_first_year,
            (sum(g.groups) over (order by s.organization_id) - g.groups)::int as group_base,
            -- One order (приказ о закреплении) per school and year fixes its pairs and groups.
            (10 + floor(190 * pg_temp.uniform('order-2024', s.code)))::int || '-од' as order_number_2024,
            date '2024-08-26' + floor(20 * pg_temp.uniform('order-date-2024', s.code))::int as order_date_2024,
            (10 + floor(190 * pg_temp.uniform('order-2025', s.code)))::int || '-од' as order_number_2025,
            date '2025-08-25' + floor(20 * pg_temp.uniform('order-date-2025', s.code))::int as order_date_2025
     from sized s
     join arrays a on a.organization_id = s.organization_id
     cross join lateral (select round(s.participants * ?::float8)::int as groups) g
     order by s.organization_id`,
    [WITHOUT_CONSENT_SHARE, FIRST_YEAR_SHARE, GROUPS_PER_PARTICIPANT],
  );

  await createWorkTable(
    sql,
    'national_group_plan',
    `with slots as materialized (
       -- Materialised, so each draw is computed once per row, not once per form or status it is compared with.
       select o.organization_id, o.region_id, o.municipality_id, o.kind, o.participant_base, o.offsets, o.used,
              o.group_base + j as id, j,
              case when j <= o.groups_first_year then 2024 else 2025 end as year,
              case when j <= o.groups_first_year then o.order_number_2024 else o.order_number_2025 end as order_number,
              case when j <= o.groups_first_year then o.order_date_2024 else o.order_date_2025 end as order_date,
              pg_temp.draw(o.group_base + j, 0) as form_draw,
              pg_temp.draw(o.group_base + j, 1) as status_draw
       from national_mentoring_org o
       cross join lateral generate_series(1, o.groups) as j
     ),
     drawn as (
       select s.*, f.form, f."mentorBlock" as mentor_block, f."menteeBlock" as mentee_block, st.status,
              pg_temp.draw(s.id, 2) as size_draw,
              pg_temp.draw(s.id, 3) as start_draw,
              pg_temp.draw(s.id, 4) as end_draw,
              pg_temp.draw(s.id, 5) as stage_draw,
              pg_temp.draw(s.id, 6) as meeting_draw,
              pg_temp.draw(s.id, 7) as feedback_draw,
              pg_temp.draw(s.id, 8) as assessment_draw,
              pg_temp.draw(s.id, 9) as other_draw
       from slots s
       join national_kind_form f
         on f.kind = s.kind and s.form_draw >= f."shareFrom" and s.form_draw < f."shareTo"
       join national_group_status st
         on st.year = s.year and s.status_draw >= st."shareFrom" and s.status_draw < st."shareTo"
     ),
     sized as (
       -- Mostly pairs; groups of up to five, never more than the block has people with consent.
       select d.*,
              least(d.used[d.mentee_block],
                    case
                      when d.form = 'TEACHER_TEACHER' then 1 + (d.size_draw >= 0.85)::int
                      when d.size_draw < 0.55 then 1
                      when d.size_draw < 0.75 then 2
                      when d.size_draw < 0.88 then 3
                      when d.size_draw < 0.95 then 4
                      else 5
                    end) as mentees,
              -- A terminated group had started working in seven cases of ten.
              d.status in ('ACTIVE', 'COMPLETED') or (d.status = 'TERMINATED' and d.stage_draw < 0.7) as started
       from drawn d
     ),
     numbered as (
       select z.*,
              row_number() over (partition by z.organization_id, z.mentor_block order by z.j) - 1 as mentor_index,
              coalesce(sum(z.mentees) over (partition by z.organization_id, z.mentee_block order by z.j
                                             rows between unbounded preceding and 1 preceding), 0) as mentee_start
       from sized z
     ),
     dated as (
       select n.*,
              case when n.started then n.order_date + floor(45 * n.start_draw)::int end as started_on,
              -- Groups that never started were set up through the autumn; never after the data set's day.
              least(make_date(n.year, 9, 1) + floor(130 * n.start_draw)::int, ?::date - 5) as set_up_on
       from numbered n
     )
     select d.id, d.organization_id, d.region_id, d.municipality_id, d.j, d.year, d.form, d.status,
            d.mentor_block, d.mentee_block, d.mentees,
            d.participant_base + d.offsets[d.mentor_block] + (d.mentor_index % d.used[d.mentor_block]) + 1 as mentor_id,
            d.participant_base + d.offsets[d.mentee_block] + 1 as mentee_first,
            d.used[d.mentee_block] as mentee_used,
            (d.mentee_start % d.used[d.mentee_block])::int as mentee_start,
            d.mentee_start + d.mentees as mentee_reach,
            case when d.started then d.order_number end as order_number,
            case when d.started then d.order_date end as order_date,
            d.started_on,
            case
              when d.status = 'COMPLETED' then date '2025-05-12' + floor(40 * d.end_draw)::int
              when d.status = 'TERMINATED' then
                least(coalesce(d.started_on, d.set_up_on) + 30 + floor(200 * d.end_draw)::int, ?::date - 1)
            end as ended_on,
            case
              when d.status = 'COMPLETED' then 'COMPLETION'
              when d.status = 'FORMING' or not d.started then 'MATCHING'
              when d.status = 'ACTIVE' and d.year = 2024 and d.stage_draw < 0.15 then 'COMPLETION'
              when d.status = 'ACTIVE' and d.year = 2025 and d.stage_draw < 0.08 then 'MATCHING'
              else 'WORK'
            end as stage,
            case when d.status = 'TERMINATED'
              then pg_temp.pick(w.reasons, 7 * d.other_draw - floor(7 * d.other_draw)) end as termination_reason,
            d.other_draw < 0.9 as in_program,
            case when d.started then d.order_date - 3 else d.set_up_on end as created_on,
            d.meeting_draw, d.feedback_draw, d.assessment_draw, d.other_draw
     from dated d cross join national_mentoring_words w
     order by d.id`,
    [AS_OF, AS_OF],
  );

  await createWorkTable(
    sql,
    'national_mentor_load',
    `select mentor_id, sum(mentees)::int as load from national_group_plan
     where status in ('FORMING', 'ACTIVE') group by mentor_id`,
  );
  await createWorkTable(
    sql,
    'national_first_year',
    `select p.organization_id, p.block, least(max(p.reach), max(o.used[p.block])) as positions
     from (select organization_id, mentor_block as block, count(*) as reach from national_group_plan
           where year = 2024 group by 1, 2
           union all
           select organization_id, mentee_block, max(mentee_reach) from national_group_plan
           where year = 2024 group by 1, 2) p
     join national_mentoring_org o on o.organization_id = p.organization_id
     group by p.organization_id, p.block`,
  );
}
