/**
 * Roadmap trackers benchmark on the national data set (the harness: graphql-bench.ts): what a
 * municipal coordinator, a regional and a federal analyst open to see how the 2025/2026 school
 * roadmaps are going, on the day the data set describes.
 *
 *   pnpm -C scripts generate:national --force   # once: ~36,000 school and ~2,300 municipal roadmaps
 *   pnpm -C scripts bench:roadmap               # 5 s per measurement
 *   pnpm -C scripts bench:roadmap --seconds=15
 *
 * Queries run as the federal analyst, who sees everything: the same rows a coordinator of the
 * largest municipality sees, with the widest access filter.
 */
import { AS_OF, ACADEMIC_YEAR } from '../national/roadmap-templates.js';
import { largestUnits, runGraphqlBench, type Scenario } from './graphql-bench.js';

interface Progress {
  dueByDate: number;
  done: number;
  overdue: number;
  completionShare: number | null;
}

const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${(100 * share).toFixed(1)} %`;
const describeProgress = (progress: Progress) =>
  `со сроком ${progress.dueByDate}, выполнено ${progress.done}, просрочено ${progress.overdue}, ` +
  `доля ${percent(progress.completionShare)}`;

interface CompletionData {
  roadmapCompletion: {
    total: {
      organizations: number;
      withRoadmap: number;
      agreed: number;
      progress: Pick<Progress, 'completionShare' | 'overdue'>;
    };
    rows: unknown[];
  } | null;
}

function summarizeCompletion(data: unknown): string {
  const completion = (data as CompletionData).roadmapCompletion;
  if (!completion) return 'null';
  const { total } = completion;
  return (
    `${completion.rows.length} строк; ОО ${total.organizations}, с картой ${total.withRoadmap}, ` +
    `согласовано ${total.agreed}; просрочено ${total.progress.overdue}, доля ${percent(total.progress.completionShare)}`
  );
}

const COMPLETION_QUERY = `query ($r: String) {
  roadmapCompletion(regionCode: $r, academicYear: ${ACADEMIC_YEAR}, asOf: "${AS_OF}") {
    total { organizations withRoadmap agreed progress { completionShare overdue } }
    rows { code name organizations withRoadmap agreed progress { dueByDate done overdue completionShare } } } }`;

function scenarios(regionCode: string, municipalityCode: string): Scenario[] {
  return [
    {
      label: `(a) трекер МО ${municipalityCode}`,
      query: `query ($m: String!) {
        roadmapTracker(municipalityCode: $m, academicYear: ${ACADEMIC_YEAR}, asOf: "${AS_OF}") {
          total { dueByDate done overdue completionShare }
          rows { organization { code shortName } status
                 progress { dueByDate done doneOnTime overdue notDone completionShare } lastUpdatedAt } } }`,
      variables: { m: municipalityCode },
      summarize: (data) => {
        const tracker = (
          data as { roadmapTracker: { total: Progress; rows: { status: string | null }[] } | null }
        ).roadmapTracker;
        if (!tracker) return 'null';
        const withRoadmap = tracker.rows.filter((row) => row.status !== null).length;
        return `${tracker.rows.length} ОО, с картой ${withRoadmap}; ${describeProgress(tracker.total)}`;
      },
    },
    {
      label: `(b) выполнение в регионе ${regionCode} по МО`,
      query: COMPLETION_QUERY,
      variables: { r: regionCode },
      summarize: summarizeCompletion,
    },
    {
      label: '(c) выполнение по стране (по регионам)',
      query: COMPLETION_QUERY,
      variables: { r: null },
      summarize: summarizeCompletion,
    },
    {
      label: `(d) просроченные в МО ${municipalityCode}, 50`,
      query: `query ($m: String!) {
        overdueRoadmapItems(municipalityCode: $m, academicYear: ${ACADEMIC_YEAR}, asOf: "${AS_OF}", first: 50) {
          totalCount nodes { title dueTo daysLate organization { code } } } }`,
      variables: { m: municipalityCode },
      summarize: (data) => {
        const overdue = (
          data as { overdueRoadmapItems: { totalCount: number; nodes: { daysLate: number }[] } | null }
        ).overdueRoadmapItems;
        if (!overdue) return 'null';
        const late = overdue.nodes.map((node) => node.daysLate);
        return (
          `всего ${overdue.totalCount}, на странице ${overdue.nodes.length}` +
          (late.length > 0 ? ` (просрочка ${Math.min(...late)}–${Math.max(...late)} дн.)` : '')
        );
      },
    },
  ];
}

await runGraphqlBench(async (sql) => {
  const { region, municipality } = await largestUnits(sql);
  const [totals] = await sql.query<{ school_roadmaps: string; municipal_roadmaps: string; items: string }>(
    `select count(*) filter (where level = 'ORGANIZATION') as school_roadmaps,
            count(*) filter (where level = 'MUNICIPALITY') as municipal_roadmaps,
            (select count(*) from roadmap_item) as items
     from roadmap`,
  );
  if (Number(totals.school_roadmaps) === 0) {
    throw new Error('В базе нет дорожных карт: выполните `pnpm -C scripts generate:national --force`.');
  }
  const [inMunicipality] = await sql.query<{ roadmaps: string; items: string }>(
    `select count(distinct r.id) as roadmaps, count(i.id) as items
     from roadmap r join roadmap_item i on i.roadmap_id = r.id
     where r.level = 'ORGANIZATION' and r.municipality_id = ?`,
    [municipality.id],
  );
  const n = (value: string) => Number(value).toLocaleString('ru-RU');
  return {
    description: [
      `Дорожные карты ${ACADEMIC_YEAR}/${ACADEMIC_YEAR + 1} на ${AS_OF}: ОО ${n(totals.school_roadmaps)}, ` +
        `МО ${n(totals.municipal_roadmaps)}, мероприятий ${n(totals.items)}`,
      `Крупнейший регион ${region.code} «${region.name}» (${n(region.organizations)} ОО), ` +
        `крупнейший МО ${municipality.code} «${municipality.name}» (${n(municipality.organizations)} ОО, ` +
        `${n(inMunicipality.roadmaps)} карт, ${n(inMunicipality.items)} мероприятий)`,
    ],
    scenarios: scenarios(region.code, municipality.code),
  };
});
