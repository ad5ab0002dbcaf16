import type { GenerationStep } from './generation-steps.js';
import { createMentoringPlan } from './mentoring-plan.js';
import { AS_OF } from './roadmap-templates.js';
import type { SqlSession } from './sql-session.js';
import { STUDENT_COURSES } from './mentoring-vocabulary.js';
import { withoutKeysAndIndexes } from './work-tables.js';

/** Tables the mentoring steps fill, children last (the order TRUNCATE and VACUUM take them in). */
export const MENTORING_TABLES = [
  'participant',
  'participant_personal',
  'consent',
  'mentoring_program',
  'program_quality_survey',
  'mentoring_group',
  'mentoring_group_member',
  'mentoring_meeting',
  'mentoring_feedback',
  'participant_assessment',
];

const n = (value: string | number) => Number(value).toLocaleString('ru-RU');

/** A day at a Moscow time of day, as a timestamptz (what the API's clocks would have written). */
const moscow = (day: string, time: string) => `((${day}) + time '${time}') at time zone 'Europe/Moscow'`;

/** A number in [0, 1) spread from a draw and a key: cheap per-member variety without another md5. */
const spread = (draw: string, key: string, factor: number) =>
  `(${draw} * ${factor} + ${key} * 0.6180339887 - floor(${draw} * ${factor} + ${key} * 0.6180339887))`;

export const mentoringPlan: GenerationStep = {
  name: 'наставничество: план',
  tables: [],
  run: ({ sql, seed }) => createMentoringPlan(sql, seed),
  async report(sql) {
    const [row] = await sql.query<{ organizations: string; participants: string; groups: string }>(
      `select count(*) as organizations, sum(participants) as participants, sum(groups) as groups
       from national_mentoring_org`,
    );
    return `ОО ${n(row.organizations)}: участников ${n(row.participants)}, пар и групп ${n(row.groups)}`;
  },
};

/**
 * Participants of every organisation, block after block, in id order (the order the plan and
 * generate_series produce them, so no sort). No personal data: the national set has no
 * participant_personal rows and no representatives' names; counts and rollups read none, and a
 * school's own people come in through its imports.
 */
async function insertParticipants(sql: SqlSession) {
  await sql.query(
    `insert into participant (id, region_id, municipality_id, organization_id, category, is_mentor, is_mentee,
                              birth_year, birth_month, grade_or_course, teaching_experience_years, ovz, gifted,
                              difficult_situation, low_income, orphan, competencies, training_completed_at, max_load,
                              partner_organization, request_topics, request_source, depersonalised_at, created_at,
                              updated_at)
     select p.id, p.region_id, p.municipality_id, p.organization_id, p.category, p.is_mentor, not p.is_mentor,
            p.birth_year, p.birth_month,
            case p.category
              when 'PUPIL' then p.grade || pg_temp.pick(w.letters, pg_temp.draw(p.id, 5))
              when 'STUDENT' then p.grade || ' курс'
            end,
            case when p.category = 'TEACHER' then
              case when p.is_mentor
                then least(2025 - p.birth_year - 23, 4 + floor(31 * pg_temp.draw(p.id, 6))::int)
                else least(2025 - p.birth_year - 22, floor(4 * pg_temp.draw(p.id, 6))::int) end
            end,
            p.learner and pg_temp.draw(p.id, 7) < 0.03,
            p.learner and pg_temp.draw(p.id, 8) < 0.08,
            p.learner and pg_temp.draw(p.id, 9) < 0.04,
            p.learner and pg_temp.draw(p.id, 10) < 0.07,
            p.learner and pg_temp.draw(p.id, 11) < 0.01,
            case
              when not p.is_mentor then '{}'::text[]
              when p.second_draw < 0.6 and pg_temp.pick(c.words, p.second_draw / 0.6) <> pg_temp.pick(c.words, p.pick_draw)
                then array[pg_temp.pick(c.words, p.pick_draw), pg_temp.pick(c.words, p.second_draw / 0.6)]
              else array[pg_temp.pick(c.words, p.pick_draw)]
            end,
            case when p.is_mentor and p.category <> 'PUPIL' and pg_temp.draw(p.id, 12) < 0.6
              then date '2024-06-01' + floor(750 * pg_temp.draw(p.id, 12))::int end,
            -- A declared load is never below the mentees the mentor already leads.
            case when p.is_mentor and pg_temp.draw(p.id, 13) < 0.7
              then greatest(2 + floor(10 * pg_temp.draw(p.id, 13))::int, l.load) end,
            case when p.category = 'EMPLOYER_REPRESENTATIVE' then pg_temp.pick(w.partners, p.pick_draw) end,
            case
              when p.is_mentor then '{}'::text[]
              when p.second_draw < 0.4 and pg_temp.pick(t.words, p.second_draw / 0.4) <> pg_temp.pick(t.words, p.pick_draw)
                then array[pg_temp.pick(t.words, p.pick_draw), pg_temp.pick(t.words, p.second_draw / 0.4)]
              else array[pg_temp.pick(t.words, p.pick_draw)]
            end,
            case when not p.is_mentor and pg_temp.draw(p.id, 14) < 0.85
              then pg_temp.pick(w.sources, pg_temp.draw(p.id, 14) / 0.85) end,
            ${moscow('p.revoked_on', '12:00')},
            p.created_at,
            coalesce(${moscow('p.revoked_on', '12:00')}, p.created_at)
     from (
       select b.*,
              ${moscow('b.entered_on', '09:00')} + make_interval(secs => 32400 * pg_temp.draw(b.id, 15)) as created_at,
              case when b.consent = 'REVOKED'
                then least(b.entered_on + 30 + floor(150 * pg_temp.draw(b.id, 16))::int, ?::date - 1) end as revoked_on,
              case b.category
                when 'TEACHER' then case when b.is_mentor
                  then 1963 + floor(33 * b.age_draw)::int else 1992 + floor(12 * b.age_draw)::int end
                when 'EMPLOYER_REPRESENTATIVE' then 1966 + floor(32 * b.age_draw)::int
                -- Grade 1 of 2025/2026 was born from September 2018 to August 2019, course 1 a decade earlier.
                when 'PUPIL' then 2020 - b.grade - (b.birth_month >= 9)::int
                else 2011 - b.grade - (b.birth_month >= 9)::int
              end as birth_year
       from (
         select a.*,
                case a.category
                  when 'PUPIL' then case when a.is_mentor
                    then g.mentor_from + floor(a.age_draw * (g.mentor_to - g.mentor_from + 1))::int
                    else g.mentee_from + floor(a.age_draw * (g.mentee_to - g.mentee_from + 1))::int end
                  when 'STUDENT' then case when a.is_mentor
                    then ${STUDENT_COURSES.mentor[0]} + floor(a.age_draw * ${STUDENT_COURSES.mentor[1] - STUDENT_COURSES.mentor[0] + 1})::int
                    else ${STUDENT_COURSES.mentee[0]} + floor(a.age_draw * ${STUDENT_COURSES.mentee[1] - STUDENT_COURSES.mentee[0] + 1})::int end
                end as grade
         from (
           select o.organization_id, o.region_id, o.municipality_id, o.kind, b.block, b.category,
                  b."isMentor" as is_mentor, b.category in ('PUPIL', 'STUDENT') as learner, p.id,
                  case
                    when pos <= o.used[b.block] then 'VALID'
                    when (pos - o.used[b.block]) % 2 = 1 then 'REVOKED'
                    else 'NONE'
                  end as consent,
                  -- People of 2024 groups were entered in August 2024, the rest a year later.
                  (case when pos <= coalesce(fy.positions, 0) then date '2024-08-19' else date '2025-08-18' end)
                    + floor(14 * pg_temp.draw(p.id, 0))::int as entered_on,
                  1 + floor(12 * pg_temp.draw(p.id, 1))::int as birth_month,
                  pg_temp.draw(p.id, 2) as age_draw,
                  pg_temp.draw(p.id, 3) as pick_draw,
                  pg_temp.draw(p.id, 4) as second_draw
           from national_mentoring_org o
           cross join national_block b
           cross join lateral generate_series(1, o.counts[b.block]) as pos
           cross join lateral (select o.participant_base + o.offsets[b.block] + pos as id) as p
           left join national_first_year fy on fy.organization_id = o.organization_id and fy.block = b.block
           -- OFFSET 0 keeps each level whole: flattened, its draws would be recomputed wherever they are read.
           offset 0
         ) a
         join national_kind_grades g on g.kind = a.kind
         offset 0
       ) b
       offset 0
     ) p
     join national_category_words c on c.category = p.category and c.purpose = 'COMPETENCE'
     join national_category_words t on t.category = p.category and t.purpose = 'TOPIC'
     left join national_mentor_load l on l.mentor_id = p.id
     cross join national_mentoring_words w`,
    [AS_OF],
  );
  await sql.query(
    `select setval(pg_get_serial_sequence('participant', 'id'), (select max(id) from participant))`,
  );
  // The consent in force (or revoked) of everyone but the tail of each block, signed the day the
  // person was entered: by a legal representative when they were under 18 then.
  await sql.query(
    `insert into consent (participant_id, signed_by, signed_on, revoked_on, created_at)
     select p.id,
            case when extract(year from d.entered_on)::int - p.birth_year
                      - (p.birth_month > extract(month from d.entered_on))::int < 18
              then 'LEGAL_REPRESENTATIVE' else 'SELF' end,
            d.entered_on, (p.depersonalised_at at time zone 'Europe/Moscow')::date, p.created_at
     from participant p
     join national_mentoring_org o on o.organization_id = p.organization_id
     join national_block b on b.category = p.category and b."isMentor" = p.is_mentor
     cross join lateral (select (p.created_at at time zone 'Europe/Moscow')::date as entered_on) d
     where p.id - o.participant_base - o.offsets[b.block] <= o.used[b.block] or p.depersonalised_at is not null`,
  );
}

export const participants: GenerationStep = {
  name: 'участники и согласия',
  tables: ['participant', 'consent'],
  run: ({ sql }) => withoutKeysAndIndexes(sql, ['participant', 'consent'], () => insertParticipants(sql)),
  async report(sql) {
    const [row] = await sql.query<{
      participants: string;
      categories: string;
      consents: string;
      revoked: string;
    }>(
      `select (select count(*) from participant) as participants,
              (select string_agg(category || ' ' || share || ' %', ', ' order by count desc)
               from (select category, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) as share
                     from participant group by category) c) as categories,
              (select count(*) from consent) as consents,
              (select count(*) from consent where revoked_on is not null) as revoked`,
    );
    return (
      `participant ${n(row.participants)} (${row.categories}), consent ${n(row.consents)} ` +
      `(отозвано ${n(row.revoked)})`
    );
  },
};

/** One programme per organisation for 2024–2026 with the forms of its kind, and its quality surveys. */
async function insertPrograms(sql: SqlSession) {
  await sql.query(
    `insert into mentoring_program (region_id, municipality_id, organization_id, title, forms, goals, period_from,
                                    period_to, personalised, created_at)
     select o.region_id, o.municipality_id, o.organization_id,
            'Программа наставничества на 2024–2026 годы',
            array(select f.form from national_kind_form f where f.kind = o.kind order by f.form),
            'Раскрытие потенциала каждого обучающегося и педагога через формы наставничества',
            date '2024-09-01', date '2026-08-31', false, ${moscow("date '2024-08-20'", '10:00')}
     from national_mentoring_org o
     order by o.organization_id`,
  );
  await sql.query(
    `insert into program_quality_survey (region_id, municipality_id, organization_id, program_id, academic_year,
                                         scores, respondents, recorded_at)
     select p.region_id, p.municipality_id, p.organization_id, p.id, y.year,
            jsonb_build_object(
              'ORGANIZATION', 3 + floor(3 * ${spread('u.draw', 'y.year', 11)})::int,
              'CONTENT', 3 + floor(3 * ${spread('u.draw', 'y.year', 13)})::int,
              'MENTOR_SUPPORT', 3 + floor(3 * ${spread('u.draw', 'y.year', 17)})::int,
              'GOALS', 3 + floor(3 * ${spread('u.draw', 'y.year', 19)})::int),
            8 + floor(50 * ${spread('u.draw', 'y.year', 23)})::int,
            ${moscow('make_date(y.year + 1, 5, 20)', '15:00')}
     from mentoring_program p
     join organization o on o.id = p.organization_id
     cross join lateral (select pg_temp.uniform('program-survey', o.code) as draw) u
     cross join lateral (values (2024), (2025)) as y(year)
     -- Most surveyed their first year; fewer have done so for the year still running.
     where (y.year = 2024 and u.draw < 0.7) or (y.year = 2025 and u.draw < 0.35)`,
  );
}

async function insertGroups(sql: SqlSession) {
  await sql.query(
    `insert into mentoring_group (id, region_id, municipality_id, organization_id, program_id, form, order_number,
                                  order_date, stage, status, started_on, ended_on, termination_reason, external_key,
                                  created_at, updated_at)
     select g.id, g.region_id, g.municipality_id, g.organization_id, case when g.in_program then p.id end, g.form,
            g.order_number, g.order_date, g.stage, g.status, g.started_on, g.ended_on, g.termination_reason, g.j::text,
            ${moscow('g.created_on', '10:00')},
            ${moscow('coalesce(g.ended_on, g.started_on, g.created_on)', '16:00')}
     from national_group_plan g
     join mentoring_program p on p.organization_id = g.organization_id`,
  );
  await sql.query(
    `insert into mentoring_group_member (group_id, participant_id, role)
     select g.id, m.participant_id, m.role
     from national_group_plan g
     cross join lateral (
       select g.mentor_id as participant_id, 'MENTOR' as role
       union all
       select g.mentee_first + (g.mentee_start + i) % g.mentee_used, 'MENTEE'
       from generate_series(0, g.mentees - 1) as i
     ) m`,
  );
  await sql.query(
    `select setval(pg_get_serial_sequence('mentoring_group', 'id'), (select max(id) from mentoring_group))`,
  );
}

export const groups: GenerationStep = {
  name: 'программы, пары и группы',
  tables: ['mentoring_program', 'program_quality_survey', 'mentoring_group', 'mentoring_group_member'],
  run: ({ sql }) =>
    withoutKeysAndIndexes(
      sql,
      ['mentoring_program', 'program_quality_survey', 'mentoring_group', 'mentoring_group_member'],
      async () => {
        await insertPrograms(sql);
        await insertGroups(sql);
      },
    ),
  async report(sql) {
    const [row] = await sql.query<{ programs: string; groups: string; statuses: string; members: string }>(
      `select (select count(*) from mentoring_program) as programs,
              (select count(*) from mentoring_group) as groups,
              (select string_agg(status || ' ' || share || ' %', ', ' order by count desc)
               from (select status, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) as share
                     from mentoring_group group by status) s) as statuses,
              (select count(*) from mentoring_group_member) as members`,
    );
    return (
      `mentoring_program ${n(row.programs)}, mentoring_group ${n(row.groups)} (${row.statuses}), ` +
      `mentoring_group_member ${n(row.members)}`
    );
  },
};

/**
 * Meetings of a third of the groups that started: an introduction a few days after the start, up
 * to four more spread until the end (or the data set's day), a final one on the day a completed
 * group ended; a fifth of the forming groups have had their introduction. Then feedback of the
 * members of a third of the completed groups and a few working ones, and start and end
 * assessments of the members of a fifth of the working and completed groups. Enough for every
 * indicator to have data, and modest next to the bases themselves.
 */
async function insertActivity(sql: SqlSession) {
  await sql.query(
    `insert into mentoring_meeting (region_id, municipality_id, organization_id, group_id, kind, held_on, format,
                                    created_at)
     with meeting_groups as (
       select g.*, g.meeting_draw / 0.3 as u,
              g.started_on + 3 + floor(10 * g.meeting_draw / 0.3)::int as introduced_on,
              coalesce(g.ended_on, ?::date - 1) as last_on
       from national_group_plan g
       where g.started_on is not null and g.meeting_draw < 0.3
     ),
     meetings as (
       select g.id, g.region_id, g.municipality_id, g.organization_id, m.kind, m.held_on, m.position, g.u
       from meeting_groups g
       cross join lateral (
         select 'INTRODUCTORY' as kind, g.introduced_on as held_on, 0 as position
         union all
         select case i when 1 then 'TRIAL' when 2 then 'PLANNING' else 'REGULAR' end,
                g.introduced_on + (g.last_on - g.introduced_on) * i / (r.count + 1), i
         from (select floor(5 * ${spread('g.u', '1', 7)})::int as count) r
         cross join lateral generate_series(1, r.count) as i
         union all
         select 'FINAL', g.last_on, 99 where g.status = 'COMPLETED'
       ) m
       where g.introduced_on <= g.last_on
       union all
       select g.id, g.region_id, g.municipality_id, g.organization_id, 'INTRODUCTORY',
              least(g.created_on + 5 + floor(60 * g.meeting_draw / 0.2)::int, ?::date - 1), 0, g.meeting_draw
       from national_group_plan g
       where g.status = 'FORMING' and g.meeting_draw < 0.2
     )
     select region_id, municipality_id, organization_id, id, kind, held_on,
            case when ${spread('u', 'position', 13)} < 0.2 then 'ONLINE' else 'IN_PERSON' end,
            ${moscow('held_on', '18:00')}
     from meetings`,
    [AS_OF, AS_OF],
  );
  await sql.query(
    `insert into mentoring_feedback (region_id, municipality_id, organization_id, group_id, participant_id, role,
                                     score, recorded_at)
     select g.region_id, g.municipality_id, g.organization_id, g.id, m.participant_id, m.role,
            case
              when v.draw < 0.5 then 5
              when v.draw < 0.85 then 4
              when v.draw < 0.95 then 3
              when v.draw < 0.99 then 2
              else 1
            end,
            ${moscow('coalesce(g.ended_on, ?::date - 10)', '12:00')}
     from national_group_plan g
     join mentoring_group_member m on m.group_id = g.id
     cross join lateral (select ${spread('g.feedback_draw', 'm.participant_id', 7919)} as draw) v
     where (g.status = 'COMPLETED' and g.feedback_draw < 0.35) or (g.status = 'ACTIVE' and g.feedback_draw < 0.08)`,
    [AS_OF],
  );
  await sql.query(
    `insert into participant_assessment (region_id, municipality_id, organization_id, group_id, participant_id, phase,
                                         assessed_on, scores, recorded_at)
     with assessed as (
       select g.region_id, g.municipality_id, g.organization_id, g.id, g.status, g.started_on, g.ended_on,
              m.participant_id,
              3 + floor(5 * ${spread('g.assessment_draw', 'm.participant_id', 101)})::int as motivation,
              2 + floor(5 * ${spread('g.assessment_draw', 'm.participant_id', 103)})::int as competences,
              2 + floor(5 * ${spread('g.assessment_draw', 'm.participant_id', 107)})::int as results,
              floor(4 * ${spread('g.assessment_draw', 'm.participant_id', 109)})::int as growth
       from national_group_plan g
       join mentoring_group_member m on m.group_id = g.id
       where g.status in ('ACTIVE', 'COMPLETED') and g.assessment_draw < 0.2
     )
     select a.region_id, a.municipality_id, a.organization_id, a.id, a.participant_id, p.phase, p.assessed_on,
            jsonb_build_object('MOTIVATION', a.motivation + p.gained, 'COMPETENCES', a.competences + p.gained,
                               'RESULTS', a.results + p.gained),
            ${moscow('p.assessed_on', '15:00')}
     from assessed a
     cross join lateral (
       select 'START' as phase, least(a.started_on + 7, ?::date - 1) as assessed_on, 0 as gained
       union all
       select 'END', a.ended_on - 2, a.growth where a.status = 'COMPLETED'
     ) p`,
    [AS_OF],
  );
}

export const activity: GenerationStep = {
  name: 'встречи, отзывы, мониторинг',
  tables: ['mentoring_meeting', 'mentoring_feedback', 'participant_assessment'],
  run: ({ sql }) =>
    withoutKeysAndIndexes(sql, ['mentoring_meeting', 'mentoring_feedback', 'participant_assessment'], () =>
      insertActivity(sql),
    ),
};
