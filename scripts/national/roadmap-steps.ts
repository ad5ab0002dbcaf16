import type { GenerationStep } from './generation-steps.js';
import {
  AS_OF,
  MUNICIPALITY_ROADMAP,
  MUNICIPALITY_ROADMAP_TITLE,
  MUNICIPALITY_TEMPLATE_CODE,
  NOT_DONE_NOTES,
  ORGANIZATION_ROADMAP,
  ORGANIZATION_ROADMAP_TITLE,
  ORGANIZATION_TEMPLATE_CODE,
  PERIOD,
  RETURN_COMMENTS,
  type RoadmapEvent,
} from './roadmap-templates.js';
import type { SqlSession } from './sql-session.js';
import { createWorkTable, withoutKeysAndIndexes, withShareRanges } from './work-tables.js';

/** Tables the roadmap steps fill, children last (the order TRUNCATE and VACUUM take them in). */
export const ROADMAP_TABLES = ['roadmap', 'roadmap_section', 'roadmap_item'];

type Level = 'MUNICIPALITY' | 'ORGANIZATION';

/**
 * Agreement status shares per level, and how diligent an owner in that status is: the chance
 * that an event whose deadline has passed is done. An agreed roadmap is one that is being worked
 * on; a draft in January mostly is not.
 */
const ROADMAP_STATUSES: { level: Level; status: string; share: number; diligence: number }[] = [
  { level: 'ORGANIZATION', status: 'AGREED', share: 55, diligence: 0.86 },
  { level: 'ORGANIZATION', status: 'SUBMITTED', share: 20, diligence: 0.76 },
  { level: 'ORGANIZATION', status: 'RETURNED', share: 10, diligence: 0.6 },
  { level: 'ORGANIZATION', status: 'DRAFT', share: 15, diligence: 0.38 },
  { level: 'MUNICIPALITY', status: 'AGREED', share: 65, diligence: 0.88 },
  { level: 'MUNICIPALITY', status: 'SUBMITTED', share: 15, diligence: 0.8 },
  { level: 'MUNICIPALITY', status: 'RETURNED', share: 8, diligence: 0.65 },
  { level: 'MUNICIPALITY', status: 'DRAFT', share: 12, diligence: 0.45 },
];

/**
 * Which owners have a roadmap, as a SQL condition on `key` (the owner's code) and
 * `municipality_code`. Schools: ~90 %, but municipalities differ (80–100 %), so rollups vary.
 */
const HAS_ROADMAP: Record<Level, string> = {
  ORGANIZATION: `pg_temp.uniform('roadmap', key) < 0.80 + 0.20 * pg_temp.uniform('municipality-roadmaps', municipality_code)`,
  MUNICIPALITY: `pg_temp.uniform('roadmap', key) < 0.95`,
};

/** The owners of each level: ids of the path and the code that keys their random draws. */
const OWNERS: Record<Level, string> = {
  ORGANIZATION: `
    select o.region_id, o.municipality_id, o.id as organization_id, o.code as key, m.code as municipality_code
    from organization o join municipality m on m.id = o.municipality_id`,
  MUNICIPALITY: `
    select m.region_id, m.id as municipality_id, null::int as organization_id, m.code as key,
           m.code as municipality_code
    from municipality m`,
};

function eventRows(
  level: Level,
  events: { event: RoadmapEvent; section: number | null; number: string | null }[],
) {
  return events.map(({ event, section, number }, i) => ({
    level,
    position: i + 1,
    section,
    number,
    title: event.title,
    stage: event.stage,
    responsible: event.responsible,
    byOrder: event.byOrder ?? false,
  }));
}

function dueRows(level: Level, events: RoadmapEvent[]) {
  return withShareRanges(
    events.flatMap((event, i) =>
      event.due.map((due) => ({
        level,
        position: i + 1,
        share: due.share,
        wording: due.wording,
        kind: due.kind,
        windows: due.windows,
        firstFrom: due.windows[0]?.from ?? null,
        lastFrom: due.windows.at(-1)?.from ?? null,
        dueTo: due.windows.at(-1)?.to ?? null,
      })),
    ),
    (row) => `${row.level} ${row.position}`,
    (row) => row.share,
  );
}

/** The templates as work tables: events, their dated variants, sections, statuses and words. */
async function createRoadmapWorkTables(sql: SqlSession): Promise<void> {
  const municipalEvents = MUNICIPALITY_ROADMAP.flatMap((section, s) =>
    section.events.map((event, e) => ({ event, section: s + 1, number: `${s + 1}.${e + 1}` })),
  );
  await createWorkTable(
    sql,
    'national_roadmap_event',
    `select * from jsonb_to_recordset(?::jsonb) as e(
       level text, position int, section int, number text, title text, stage text,
       responsible text, "byOrder" boolean)`,
    [
      JSON.stringify([
        ...eventRows(
          'ORGANIZATION',
          ORGANIZATION_ROADMAP.map((event) => ({ event, section: null, number: null })),
        ),
        ...eventRows('MUNICIPALITY', municipalEvents),
      ]),
    ],
  );
  await createWorkTable(
    sql,
    'national_roadmap_due',
    `select level, position, "shareFrom", "shareTo", wording, kind, windows,
            "firstFrom"::date as first_from, "lastFrom"::date as last_from, "dueTo"::date as due_to
     from jsonb_to_recordset(?::jsonb) as d(
       level text, position int, "shareFrom" float8, "shareTo" float8, wording text, kind text,
       windows jsonb, "firstFrom" text, "lastFrom" text, "dueTo" text)`,
    [
      JSON.stringify([
        ...dueRows('ORGANIZATION', ORGANIZATION_ROADMAP),
        ...dueRows(
          'MUNICIPALITY',
          municipalEvents.map(({ event }) => event),
        ),
      ]),
    ],
  );
  await createWorkTable(
    sql,
    'national_roadmap_section',
    `select * from jsonb_to_recordset(?::jsonb) as s(level text, position int, title text)`,
    [
      JSON.stringify(
        MUNICIPALITY_ROADMAP.map((section, s) => ({
          level: 'MUNICIPALITY',
          position: s + 1,
          title: section.title,
        })),
      ),
    ],
  );
  await createWorkTable(
    sql,
    'national_roadmap_status',
    `select * from jsonb_to_recordset(?::jsonb) as s(
       level text, status text, "shareFrom" float8, "shareTo" float8, diligence float8)`,
    [
      JSON.stringify(
        withShareRanges(
          ROADMAP_STATUSES,
          (s) => s.level,
          (s) => s.share,
        ),
      ),
    ],
  );
  await createWorkTable(
    sql,
    'national_roadmap_words',
    `select array(select jsonb_array_elements_text(words -> 'returned')) as return_comments,
            array(select jsonb_array_elements_text(words -> 'notDone')) as not_done_notes
     from (select ?::jsonb as words) as input`,
    [JSON.stringify({ returned: RETURN_COMMENTS, notDone: NOT_DONE_NOTES })],
  );
}

/**
 * Roadmaps of one level, one per chosen owner, in the owners' code order. Dates are Moscow
 * time: drafted in the last days of August or the first weeks of September, submitted days
 * later, agreed or returned within three weeks.
 */
async function insertRoadmaps(sql: SqlSession, level: Level, title: string, templateCode: string) {
  await sql.query(
    `insert into roadmap (level, region_id, municipality_id, organization_id, title, period_from, period_to,
                          template_code, status, status_comment, submitted_at, agreed_at, created_at, updated_at)
     with owners as (${OWNERS[level]}),
     drawn as materialized (
       select owners.*,
              pg_temp.uniform('roadmap-status', key) as status_draw,
              date '2025-08-20' + floor(27 * pg_temp.uniform('roadmap-created', key))::int
                + make_interval(secs => 8 * 3600 + 10 * 3600 * pg_temp.uniform('roadmap-created-time', key))
                as created,
              make_interval(days => 2 + floor(15 * pg_temp.uniform('roadmap-submitted', key))::int,
                            secs => 3600 * floor(6 * pg_temp.uniform('roadmap-submitted-time', key)))
                as to_submission,
              make_interval(days => 1 + floor(21 * pg_temp.uniform('roadmap-decided', key))::int,
                            secs => 3600 * floor(8 * pg_temp.uniform('roadmap-decided-time', key)))
                as to_decision,
              pg_temp.uniform('roadmap-comment', key) as comment_draw
       from owners
       where ${HAS_ROADMAP[level]}
     ),
     dated as (
       select d.*, s.status,
              d.created + d.to_submission as submitted,
              d.created + d.to_submission + d.to_decision as decided
       from drawn d
       join national_roadmap_status s
         on s.level = ? and d.status_draw >= s."shareFrom" and d.status_draw < s."shareTo"
     )
     select ?, region_id, municipality_id, organization_id, ?, ?::date, ?::date, ?, status,
            case when status = 'RETURNED' then pg_temp.pick(w.return_comments, comment_draw) end,
            case when status <> 'DRAFT' then submitted at time zone 'Europe/Moscow' end,
            case when status = 'AGREED' then decided at time zone 'Europe/Moscow' end,
            created at time zone 'Europe/Moscow',
            case status
              when 'DRAFT' then created
              when 'SUBMITTED' then submitted
              else decided
            end at time zone 'Europe/Moscow'
     from dated cross join national_roadmap_words w
     order by key`,
    [level, level, title, PERIOD.from, PERIOD.to, templateCode],
  );
}

/** Sections of the level's roadmaps (only municipal roadmaps have them). */
async function insertSections(sql: SqlSession, level: Level) {
  await sql.query(
    `insert into roadmap_section (roadmap_id, position, title)
     select r.id, s.position, s.title
     from roadmap r join national_roadmap_section s on s.level = r.level
     where r.level = ? and r.period_from = ?::date
     order by r.id, s.position`,
    [level, PERIOD.from],
  );
}

/**
 * One row per event of each roadmap of the level, with the owner's path copied, one wording per
 * event and a status as a tracker would see it on {@link AS_OF}:
 * - deadline passed: done with the owner's diligence (completed on time, or up to three and a
 *   half weeks late), otherwise not done, in progress or still planned — overdue either way;
 * - started but not yet due (a span or a second window ahead): mostly in progress;
 * - not started: planned; through the whole year: mostly in progress; on an external schedule:
 *   some done, some in progress.
 * Diligence varies by municipality and by owner around the status's level.
 */
async function insertItems(sql: SqlSession, level: Level) {
  // A roadmap was last touched when its latest event was: set from the inserted rows, rather than
  // by reading a million of them back.
  await sql.query(
    `with inserted as (
     insert into roadmap_item (roadmap_id, section_id, region_id, municipality_id, organization_id, position, number,
                               title, stage, due_wording, due_kind, due_windows, due_to, responsible, status,
                               completion_note, evidence_order_number, evidence_order_date, evidence_link,
                               evidence_file_name, completed_at, updated_at)
     with settings as (select ?::text as level, ?::date as period_from, ?::date as as_of),
     roadmaps as materialized (
       select r.id, r.level, r.region_id, r.municipality_id, r.organization_id, r.created_at,
              coalesce(o.code, m.code) as owner_code,
              r.level || '/' || coalesce(o.code, m.code) as key,
              least(0.98, greatest(0.05, s.diligence
                + 0.25 * (pg_temp.uniform('municipality-diligence', m.code) - 0.5)
                + 0.16 * (pg_temp.uniform('owner-diligence', r.level || '/' || coalesce(o.code, m.code)) - 0.5)))
                as diligence
       from roadmap r
       join municipality m on m.id = r.municipality_id
       left join organization o on o.id = r.organization_id
       join national_roadmap_status s on s.level = r.level and s.status = r.status
       join settings on settings.level = r.level and settings.period_from = r.period_from
     ),
     drawn as materialized (
       -- Materialised, so every draw is computed once per row however often the CASEs below read it.
       select r.id as roadmap_id, r.region_id, r.municipality_id, r.organization_id, r.owner_code,
              r.created_at, r.diligence, e.position, e.section, e.number, e.title, e.stage, e.responsible,
              e."byOrder" as by_order,
              pg_temp.hash_uniform(h.hash, 0) as due_draw,
              pg_temp.hash_uniform(h.hash, 1) as status_draw,
              pg_temp.hash_uniform(h.hash, 2) as completed_draw,
              pg_temp.hash_uniform(h.hash, 3) as delay_draw,
              pg_temp.hash_uniform(h.hash, 4) as evidence_draw
       from roadmaps r
       join national_roadmap_event e on e.level = r.level
       -- OFFSET 0 keeps the subquery whole: pulled up, its md5 would be repeated in every draw.
       cross join lateral (select pg_temp.hash('item', r.key || '/' || e.position) as hash offset 0) as h
     ),
     dated as (
       select d.*, v.wording, v.kind, v.windows, v.first_from, v.last_from, v.due_to, settings.*
       from drawn d
       cross join settings
       join national_roadmap_due v
         on v.level = settings.level and v.position = d.position
        and d.due_draw >= v."shareFrom" and d.due_draw < v."shareTo"
     ),
     statused as (
       select dated.*,
              case
                when kind = 'DATES' and due_to < as_of then
                  case
                    when status_draw < diligence then 'DONE'
                    when status_draw < diligence + (1 - diligence) * 0.2 then 'NOT_DONE'
                    when status_draw < diligence + (1 - diligence) * 0.5 then 'IN_PROGRESS'
                    else 'PLANNED'
                  end
                when kind = 'DATES' and first_from <= as_of then
                  case when status_draw < 0.85 * diligence then 'IN_PROGRESS' else 'PLANNED' end
                when kind = 'DATES' then
                  case when status_draw < 0.03 then 'IN_PROGRESS' else 'PLANNED' end
                when kind = 'WHOLE_PERIOD' then
                  case when status_draw < 0.85 * diligence then 'IN_PROGRESS' else 'PLANNED' end
                else
                  case
                    when status_draw < 0.2 * diligence then 'DONE'
                    when status_draw < 0.7 * diligence then 'IN_PROGRESS'
                    else 'PLANNED'
                  end
              end as status
       from dated
     ),
     completed as (
       select statused.*,
              case
                when status <> 'DONE' then null
                -- No deadline of its own: done some day between the roadmap's start and today.
                when due_to is null then
                  period_from + floor(completed_draw * (as_of - period_from))::int
                -- On time: within the last ten days of the last window (or of a shorter window).
                when delay_draw < 0.7 then
                  due_to - floor(completed_draw * least(10, due_to - last_from))::int
                -- Late: up to 24 days after the deadline, never after yesterday.
                else least(due_to + 1 + floor(completed_draw * 24)::int, as_of - 1)
              end as completed_at
       from statused
     )
     select c.roadmap_id, rs.id, c.region_id, c.municipality_id, c.organization_id, c.position, c.number,
            c.title, c.stage, c.wording, c.kind, c.windows, c.due_to, c.responsible, c.status,
            case when c.status = 'NOT_DONE' then pg_temp.pick(w.not_done_notes, c.evidence_draw) end,
            case when c.status = 'DONE' and c.by_order
              then (1 + floor(c.evidence_draw * 300))::int || '-од' end,
            case when c.status = 'DONE' and c.by_order then c.completed_at end,
            case when c.status = 'DONE' and not c.by_order and c.evidence_draw < 0.35
              then 'https://sh' || c.owner_code || '.gosuslugi.ru/nastavnichestvo/' end,
            case when c.status = 'DONE' and not c.by_order and c.evidence_draw >= 0.35 and c.evidence_draw < 0.5
              then 'Отчёт о мероприятии ' || c.position || '.pdf' end,
            c.completed_at,
            case
              when c.status = 'PLANNED' then c.created_at
              when c.status = 'DONE' then
                (least(c.completed_at + floor(4 * c.delay_draw)::int, c.as_of - 1)
                  + make_interval(secs => 9 * 3600 + 9 * 3600 * c.evidence_draw)) at time zone 'Europe/Moscow'
              else
                (least(greatest(coalesce(c.first_from, c.period_from), (c.created_at at time zone 'Europe/Moscow')::date)
                         + floor(60 * c.delay_draw)::int, c.as_of - 1)
                  + make_interval(secs => 9 * 3600 + 9 * 3600 * c.evidence_draw)) at time zone 'Europe/Moscow'
            end
     from completed c
     cross join national_roadmap_words w
     left join roadmap_section rs on rs.roadmap_id = c.roadmap_id and rs.position = c.section
     order by c.roadmap_id, c.position
     returning roadmap_id, updated_at
     )
     update roadmap r set updated_at = i.updated_at
     from (select roadmap_id, max(updated_at) as updated_at from inserted group by roadmap_id) i
     where i.roadmap_id = r.id and i.updated_at > r.updated_at`,
    [level, PERIOD.from, AS_OF],
  );
}

/** Counts of the level's roadmaps by status and of their events, for the step's line. */
async function reportLevel(sql: SqlSession, level: Level): Promise<string> {
  const [row] = await sql.query<{ roadmaps: string; statuses: string; sections: string; items: string }>(
    `select (select count(*) from roadmap where level = ?) as roadmaps,
            (select string_agg(status || ' ' || share || ' %', ', ' order by count desc)
             from (select status, count(*),
                          round(100.0 * count(*) / sum(count(*)) over (), 1) as share
                   from roadmap where level = ? group by status) s) as statuses,
            (select count(*) from roadmap_section s join roadmap r on r.id = s.roadmap_id where r.level = ?)
              as sections,
            (select count(*) from roadmap_item i join roadmap r on r.id = i.roadmap_id where r.level = ?) as items`,
    [level, level, level, level],
  );
  const n = (value: string) => Number(value).toLocaleString('ru-RU');
  return (
    `roadmap ${n(row.roadmaps)} (${row.statuses}), ` +
    (Number(row.sections) > 0 ? `roadmap_section ${n(row.sections)}, ` : '') +
    `roadmap_item ${n(row.items)}`
  );
}

export const municipalityRoadmaps: GenerationStep = {
  name: 'дорожные карты МО',
  tables: ROADMAP_TABLES,
  async run({ sql }) {
    await createRoadmapWorkTables(sql);
    await withoutKeysAndIndexes(sql, ROADMAP_TABLES, async () => {
      await insertRoadmaps(sql, 'MUNICIPALITY', MUNICIPALITY_ROADMAP_TITLE, MUNICIPALITY_TEMPLATE_CODE);
      await insertSections(sql, 'MUNICIPALITY');
      await insertItems(sql, 'MUNICIPALITY');
    });
  },
  report: (sql) => reportLevel(sql, 'MUNICIPALITY'),
};

export const organizationRoadmaps: GenerationStep = {
  name: 'дорожные карты ОО',
  tables: ROADMAP_TABLES,
  async run({ sql }) {
    await withoutKeysAndIndexes(sql, ROADMAP_TABLES, async () => {
      await insertRoadmaps(sql, 'ORGANIZATION', ORGANIZATION_ROADMAP_TITLE, ORGANIZATION_TEMPLATE_CODE);
      await insertItems(sql, 'ORGANIZATION');
    });
  },
  report: (sql) => reportLevel(sql, 'ORGANIZATION'),
};
