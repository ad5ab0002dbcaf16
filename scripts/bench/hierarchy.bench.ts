/**
 * Hierarchy API benchmark on the national data set: the real app (createApp) in this process on
 * a free port, driven over HTTP by a closed loop of fetch clients.
 *
 *   pnpm -C scripts generate:national           # once: 89 regions, ~2,400 municipalities, ~40,000 ОО
 *   pnpm -C scripts bench:hierarchy             # 5 s per measurement
 *   pnpm -C scripts bench:hierarchy --seconds=15
 *
 * Uses the same database as the generator (DATABASE_URL, or the embedded one in .data/national/).
 * For each query it prints p50/p95 latency and requests/s at 1 and 10 clients, the SQL statements
 * one request sends, and how long each of those statements takes on its own (EXPLAIN ANALYZE and
 * a direct run). Figures are printed, never asserted: they depend on the machine and its load.
 * Clients and server share one Node process, so at 10 clients the loop's own work is included.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runScript } from '@nastavnik/server/cli/process-lifecycle.js';
import { formatTable } from '@nastavnik/server/cli/text-table.js';
import { openNationalDatabase, sqlSession, type Orm } from '../national/national-database.js';
import { startBenchApi } from './bench-api.js';
import { runLoad, type LoadResult } from './load-loop.js';
import { recordStatements, timeStatement, type StatementTiming } from './sql-statements.js';

const { values: options } = parseArgs({
  options: { seconds: { type: 'string', default: '5' } },
});
const seconds = Number(options.seconds);
const WARM_UP_SECONDS = 2;
const CONCURRENCY_LEVELS = [1, 10];
/** Requests sent one by one to count statements; the count must not depend on which one. */
const COUNTED_REQUESTS = 10;
/** Matches about one organisation in eleven: a page of hits plus a count over many rows. */
const SEARCH_TERM = 'гимназ';

interface Scenario {
  label: string;
  query: string;
  variables: Record<string, string>;
}

interface ScenarioResult {
  scenario: Scenario;
  statementsPerRequest: number;
  statements: StatementTiming[];
  loads: LoadResult[];
}

/** The largest region and the largest municipality (by organisations): the heaviest pages there are. */
async function pickTargets(orm: Orm) {
  const sql = sqlSession(orm.em.getConnection().getKnex());
  const [region] = await sql.query<{ code: string; name: string; organizations: string }>(
    `select r.code, r.name, count(*) as organizations
     from organization o join region r on r.id = o.region_id
     group by r.id order by count(*) desc, r.code limit 1`,
  );
  if (!region)
    throw new Error('В базе нет организаций: сначала выполните `pnpm -C scripts generate:national`.');
  const [municipality] = await sql.query<{ code: string; name: string; organizations: string }>(
    `select m.code, m.name, count(*) as organizations
     from organization o join municipality m on m.id = o.municipality_id
     group by m.id order by count(*) desc, m.code limit 1`,
  );
  const [totals] = await sql.query<{ regions: string; municipalities: string; organizations: string }>(
    `select (select count(*) from region) as regions, (select count(*) from municipality) as municipalities,
            (select count(*) from organization) as organizations`,
  );
  const [{ server_version: postgresVersion }] = await sql.query<{ server_version: string }>(
    `show server_version`,
  );
  return { region, municipality, totals, postgresVersion };
}

function scenarios(regionCode: string, municipalityCode: string): Scenario[] {
  return [
    {
      label: '(a) главная: регионы со счётчиками',
      query: `{ regions { code name municipalities(first: 0) { totalCount } organizations(first: 0) { totalCount } } }`,
      variables: {},
    },
    {
      label: `(b) МО региона ${regionCode} с числом ОО`,
      query: `query ($code: String!) { region(code: $code) { code name
                municipalities(first: 100) { totalCount nodes { code name kind
                  organizations(first: 1) { totalCount } } } } }`,
      variables: { code: regionCode },
    },
    {
      label: `(c) страница ОО муниципалитета ${municipalityCode}`,
      query: `query ($code: String!) { municipality(code: $code) { code name
                organizations(first: 100) { totalCount pageInfo { hasNextPage endCursor }
                  nodes { code name shortName kind address inn } } } }`,
      variables: { code: municipalityCode },
    },
    {
      label: `(d) поиск «${SEARCH_TERM}» в ОО региона ${regionCode}`,
      query: `query ($code: String!, $search: String!) { region(code: $code) {
                organizations(first: 20, search: $search) { totalCount
                  nodes { code name municipality { code name } } } } }`,
      variables: { code: regionCode, search: SEARCH_TERM },
    },
  ];
}

function graphqlSender(url: string, token: string, scenario: Scenario): () => Promise<void> {
  const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const result = (await response.json()) as { errors?: { message: string }[] };
    if (!response.ok || result.errors?.length) {
      const reason = result.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`;
      throw new Error(`${scenario.label}: ${reason}`);
    }
  };
}

async function measure(orm: Orm, url: string, token: string, scenario: Scenario): Promise<ScenarioResult> {
  const send = graphqlSender(url, token, scenario);
  await runLoad(send, Math.max(...CONCURRENCY_LEVELS), WARM_UP_SECONDS);

  const counted = await recordStatements(orm, async () => {
    for (let i = 0; i < COUNTED_REQUESTS; i++) await send();
  });
  const oneRequest = await recordStatements(orm, send);
  const statements: StatementTiming[] = [];
  for (const statement of oneRequest) statements.push(await timeStatement(orm, statement));

  const loads: LoadResult[] = [];
  for (const clients of CONCURRENCY_LEVELS) loads.push(await runLoad(send, clients, seconds));
  return { scenario, statementsPerRequest: counted.length / COUNTED_REQUESTS, statements, loads };
}

const ms = (value: number) => value.toFixed(1);
/** The table a statement reads, then its start: paged statements all begin with the same window. */
function describeStatement(sql: string, length: number): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const table = /\bfrom "?(\w+)"?/.exec(flat)?.[1] ?? '?';
  return `[${table}] ${flat.length > length ? `${flat.slice(0, length - 1)}…` : flat}`;
}

function printResults(results: ScenarioResult[]): void {
  const rows = results.flatMap(({ scenario, statementsPerRequest, statements, loads }) => {
    const sqlTotal = statements.reduce((sum, s) => sum + s.executionMs, 0);
    const slowest = Math.max(...statements.map((s) => s.executionMs));
    return loads.map((load, i) => [
      i === 0 ? scenario.label : '',
      load.clients,
      load.requests,
      load.requestsPerSecond.toFixed(0),
      ms(load.p50),
      ms(load.p95),
      i === 0 ? String(statementsPerRequest) : '',
      i === 0 ? ms(sqlTotal) : '',
      i === 0 ? ms(slowest) : '',
    ]);
  });
  console.log(
    formatTable(
      [
        'запрос',
        'клиентов',
        'запросов',
        'запр/с',
        'p50 мс',
        'p95 мс',
        'SQL/запрос',
        'SQL Σ мс',
        'главный SQL мс',
      ],
      rows,
    ),
  );
  console.log('SQL Σ и главный SQL: Execution Time из EXPLAIN ANALYZE операторов одного запроса.\n');

  console.log('Операторы SQL одного запроса (прямой прогон: медиана 5 раз, с передачей строк):');
  const details = results.flatMap(({ scenario, statements }) =>
    statements.map((s, i) => [
      i === 0 ? scenario.label.slice(0, 3) : '',
      i + 1,
      ms(s.executionMs),
      ms(s.planningMs),
      ms(s.roundTripMs),
      s.rows,
      describeStatement(s.sql, 90),
    ]),
  );
  console.log(formatTable(['', '#', 'EXPLAIN ANALYZE мс', 'план мс', 'прямой мс', 'строк', 'SQL'], details));
}

await runScript(async (onExit) => {
  if (!(seconds > 0)) throw new Error(`--seconds: нужно положительное число, передано «${options.seconds}»`);
  const { orm, description } = await openNationalDatabase(onExit);
  const { region, municipality, totals, postgresVersion } = await pickTargets(orm);

  const api = await startBenchApi(orm, onExit);
  // The federal analyst sees the whole country: the widest, heaviest scope.
  const token = await api.tokenFor('analyst.rf');

  console.log(`База: ${description}, PostgreSQL ${postgresVersion}`);
  console.log(
    `Данные: ${totals.regions} субъектов, ${totals.municipalities} МО, ${totals.organizations} ОО; ` +
      `крупнейший регион ${region.code} «${region.name}» (${region.organizations} ОО), ` +
      `крупнейший МО ${municipality.code} «${municipality.name}» (${municipality.organizations} ОО)`,
  );
  console.log(
    `Node ${process.version}, ${availableParallelism()} ядра; прогрев ${WARM_UP_SECONDS} с, замер ${seconds} с ` +
      `на каждое число клиентов\n`,
  );

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios(region.code, municipality.code)) {
    console.log(`  замеряю ${scenario.label}…`);
    results.push(await measure(orm, api.url, token, scenario));
  }
  console.log('');
  printResults(results);
});
