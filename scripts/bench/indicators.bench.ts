/**
 * Target indicators benchmark on the national data set (the harness: graphql-bench.ts): the
 * rollups an analyst opens — the country with its 89 regions, the largest region with its
 * municipalities, the largest municipality with its schools — as the dashboard asks them (cards
 * of every indicator, the table's default columns), the country once more with every indicator
 * for every region (a tool's full table), all read from the per-organisation summary and its
 * municipality and region levels; and the data entry that keeps those exact: a school's
 * contingent written in a transaction that refreshes the summary.
 *
 *   pnpm -C scripts generate:national --force   # once: ~40,000 ОО with participants, groups, roadmaps
 *   pnpm -C scripts bench:indicators            # 5 s per measurement
 *   pnpm -C scripts bench:indicators --seconds=15
 *
 * «SQL Σ мс» of the country's rollup is the raw SQL time over the summary; the other columns are
 * the same rollup through the GraphQL API. Targets on 2 cores: the country's rollup p50 ≤ 10 ms and
 * ≥ 200 requests/s at 10 clients, the data-entry mutation p50 ≤ 15 ms; the check at the end shows
 * the rollup reflecting a write right after its commit.
 */
import type { BenchApi } from './bench-api.js';
import { largestUnits, runGraphqlBench, type Scenario } from './graphql-bench.js';
import type { SqlSession } from '../national/sql-session.js';

const ACADEMIC_YEAR = 2025;
/** The school curator the benchmark adds to its realm copy: the demo users hold demo codes only. */
const CURATOR = 'bench.curator';
const HEADLINE = 'PUPILS_10_18_MENTEES';

interface Value {
  code: string;
  value: number | null;
  denominator: number | null;
  complete: boolean;
}
interface Rollup {
  values: Value[];
  children: { unit: { code: string }; values: Value[] }[];
  trend: unknown[];
}

/** The table's default columns on the dashboard (web/src/lib/indicators.ts DEFAULT_COLUMNS). */
const DASHBOARD_COLUMNS = [
  'PUPILS_10_18_MENTEES',
  'YOUTH_15_19_MENTORS',
  'YOUNG_TEACHERS_MENTEES',
  'PARTNERS_PROVIDING_MENTORS',
];

/**
 * The dashboard's request: the unit's cards (every indicator), its trend, and the table of its
 * children for the chosen columns ($codes); null asks the children for every indicator.
 */
const ROLLUP_QUERY = `query ($unit: UnitInput!, $year: Int!, $codes: [String!]) {
  indicatorRollup(unit: $unit, academicYear: $year) {
    unit { level code name }
    values { code name unit numerator denominator value target gap complete reportedOrganizations organizations }
    children(codes: $codes) { unit { level code name } values { code numerator denominator value target gap complete } }
    trend { academicYear values { code value } } } }`;

function summarizeRollup(data: unknown): string {
  const rollup = (data as { indicatorRollup: Rollup }).indicatorRollup;
  const headline = rollup.values.find((value) => value.code === HEADLINE);
  const share = headline?.value === null || !headline ? '—' : `${headline.value.toFixed(1)} %`;
  const childValues = rollup.children.reduce((sum, child) => sum + child.values.length, 0);
  return (
    `${rollup.values.length} показателей, ${rollup.children.length} дочерних единиц × ` +
    `${childValues / Math.max(rollup.children.length, 1)} показателя в таблице, ` +
    `лет в динамике ${rollup.trend.length}; ${HEADLINE} ${share}` +
    (headline && !headline.complete ? ' (данные неполные)' : '')
  );
}

/** The school's contingent with the pupils 10–18 changing on every request, so every write refreshes. */
const contingent = (pupils10to18: number) => ({
  pupilsTotal: 1200,
  pupils10to18,
  youth15to19: 300,
  teachersTotal: 80,
  youngTeachers: 12,
});

const SET_CONTINGENT = `mutation ($code: String!, $year: Int!, $input: ContingentInput!) {
  setContingent(organizationCode: $code, academicYear: $year, input: $input) { academicYear } }`;

async function countryDenominator(api: BenchApi, token: string): Promise<number | null> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query ($year: Int!, $codes: [String!]) {
        indicatorRollup(unit: { level: FEDERATION }, academicYear: $year, codes: $codes) { values { denominator } } }`,
      variables: { year: ACADEMIC_YEAR, codes: [HEADLINE] },
    }),
  });
  const result = (await response.json()) as { data: { indicatorRollup: { values: Value[] } } };
  return result.data.indicatorRollup.values[0].denominator;
}

async function sendWrite(api: BenchApi, token: string, code: string, pupils10to18: number): Promise<void> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: SET_CONTINGENT,
      variables: { code, year: ACADEMIC_YEAR, input: contingent(pupils10to18) },
    }),
  });
  const result = (await response.json()) as { errors?: { message: string }[] };
  if (result.errors?.length) throw new Error(result.errors[0].message);
}

/** A write followed at once by the country's rollup: the denominator moves by exactly the change. */
function reflectsWriteCheck(organizationCode: string) {
  return async (api: BenchApi) => {
    const analyst = await api.tokenFor('analyst.rf');
    const curator = await api.tokenFor(CURATOR);
    await sendWrite(api, curator, organizationCode, 700);
    const before = await countryDenominator(api, analyst);
    await sendWrite(api, curator, organizationCode, 742);
    const after = await countryDenominator(api, analyst);
    const moved = before !== null && after !== null ? after - before : null;
    return (
      `свод по стране сразу после записи: знаменатель ${HEADLINE} ${before} → ${after} ` +
      `(ожидалось +42): ${moved === 42 ? 'отражает' : 'НЕ отражает'}`
    );
  };
}

async function firstOrganization(sql: SqlSession, municipalityId: number) {
  const [organization] = await sql.query<{ code: string; region_code: string; municipality_code: string }>(
    `select o.code, r.code as region_code, m.code as municipality_code
     from organization o join municipality m on m.id = o.municipality_id join region r on r.id = o.region_id
     where o.municipality_id = ? order by o.code limit 1`,
    [municipalityId],
  );
  return organization;
}

await runGraphqlBench(async (sql) => {
  const { region, municipality } = await largestUnits(sql);
  const [totals] = await sql.query<{ organizations: string; mentees: string; participants: string }>(
    `select sum(organizations) as organizations, sum(mentees) as mentees, sum(participants) as participants
     from region_summary where academic_year = ?`,
    [ACADEMIC_YEAR],
  );
  if (!totals || Number(totals.organizations ?? 0) === 0) {
    throw new Error(
      `В сводке нет ${ACADEMIC_YEAR}/${ACADEMIC_YEAR + 1} года: выполните \`pnpm -C scripts generate:national --force\`.`,
    );
  }
  const school = await firstOrganization(sql, municipality.id);
  const n = (value: string) => Number(value).toLocaleString('ru-RU');
  const rollup = (
    label: string,
    unit: Record<string, string>,
    codes: string[] | null = DASHBOARD_COLUMNS,
  ): Scenario => ({
    label,
    query: ROLLUP_QUERY,
    variables: { unit, year: ACADEMIC_YEAR, codes },
    summarize: summarizeRollup,
  });

  const scenarios: Scenario[] = [
    rollup('(a) показатели страны по 89 регионам', { level: 'FEDERATION' }),
    rollup('(a′) то же, все показатели в таблице', { level: 'FEDERATION' }, null),
    rollup(`(b) показатели региона ${region.code} по МО`, { level: 'REGION', code: region.code }),
    rollup(`(c) показатели МО ${municipality.code} по ОО`, {
      level: 'MUNICIPALITY',
      code: municipality.code,
    }),
    {
      label: `(d) запись контингента ОО ${school.code} с пересчётом сводки`,
      query: SET_CONTINGENT,
      variables: (request) => ({
        code: school.code,
        year: ACADEMIC_YEAR,
        input: contingent(600 + (request % 50)),
      }),
      user: CURATOR,
      write: true,
    },
  ];

  return {
    description: [
      `Сводка ${ACADEMIC_YEAR}/${ACADEMIC_YEAR + 1}: ОО ${n(totals.organizations)}, участников ${n(totals.participants)}, ` +
        `наставляемых ${n(totals.mentees)}`,
      `Крупнейший регион ${region.code} «${region.name}» (${n(region.organizations)} ОО), ` +
        `крупнейший МО ${municipality.code} «${municipality.name}» (${n(municipality.organizations)} ОО); ` +
        `запись — куратор ОО ${school.code}`,
    ],
    scenarios,
    users: [
      {
        username: CURATOR,
        role: 'school-curator',
        regionCode: school.region_code,
        municipalityCode: school.municipality_code,
        organizationCode: school.code,
      },
    ],
    checks: [reflectsWriteCheck(school.code)],
  };
});
