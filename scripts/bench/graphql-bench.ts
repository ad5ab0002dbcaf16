/**
 * What every API benchmark on the national data set shares: the real app (createApp) in this
 * process on a free port, driven over HTTP by a closed loop of fetch clients with a federal
 * analyst's token; per query p50/p95 latency and requests/s at 1 and 10 clients, the SQL
 * statements one request sends and how long each of them takes on its own (EXPLAIN ANALYZE and
 * a direct run). Figures are printed, never asserted: they depend on the machine and its load.
 * Clients and server share one Node process, so at 10 clients the loop's own work is included.
 *
 * A benchmark supplies its queries (and the lines describing the data) and calls
 * {@link runGraphqlBench}; `--seconds=N` sets the measurement time per number of clients.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runScript } from '@nastavnik/server/cli/process-lifecycle.js';
import { formatTable } from '@nastavnik/server/cli/text-table.js';
import { openNationalDatabase, sqlSession, type Orm } from '../national/national-database.js';
import type { SqlSession } from '../national/sql-session.js';
import { startBenchApi, type BenchApi, type BenchUser } from './bench-api.js';
import { runLoad, type LoadResult } from './load-loop.js';
import { recordStatements, timeStatement, type StatementTiming } from './sql-statements.js';

const WARM_UP_SECONDS = 2;
const CONCURRENCY_LEVELS = [1, 10];
/** Requests sent one by one to count statements; the count must not depend on which one. */
const COUNTED_REQUESTS = 10;
/** The federal analyst sees the whole country: the widest, heaviest scope. */
const BENCH_USER = 'analyst.rf';

type Variables = Record<string, unknown>;

export interface Scenario {
  label: string;
  query: string;
  /** Fixed, or made per request (a write that must change something every time). */
  variables: Variables | ((request: number) => Variables);
  /** Who sends it; the federal analyst unless said. */
  user?: string;
  /** A mutation: its statements are counted but not re-run one by one outside its transaction. */
  write?: boolean;
  /** One line about the answer (row counts, totals), to show the query did real work. */
  summarize?(data: unknown): string;
}

export interface BenchPlan {
  /** Lines about the data measured on, printed before the measurements. */
  description: string[];
  scenarios: Scenario[];
  /** Users the scenarios act as that the demo realm lacks (it knows demo codes only). */
  users?: BenchUser[];
  /** Run after the measurements against the same API and database (checks, measured writes); each returns what to print. */
  checks?: ((api: BenchApi, orm: Orm) => Promise<string>)[];
}

interface ScenarioResult {
  scenario: Scenario;
  summary: string | undefined;
  statementsPerRequest: number;
  statements: StatementTiming[];
  loads: LoadResult[];
}

export interface LargestUnit {
  id: number;
  code: string;
  name: string;
  organizations: string;
}

/** The largest region and the largest municipality (by organisations): the heaviest pages there are. */
export async function largestUnits(
  sql: SqlSession,
): Promise<{ region: LargestUnit; municipality: LargestUnit }> {
  const [region] = await sql.query<LargestUnit>(
    `select r.id, r.code, r.name, count(*) as organizations
     from organization o join region r on r.id = o.region_id
     group by r.id order by count(*) desc, r.code limit 1`,
  );
  if (!region)
    throw new Error('В базе нет организаций: сначала выполните `pnpm -C scripts generate:national`.');
  const [municipality] = await sql.query<LargestUnit>(
    `select m.id, m.code, m.name, count(*) as organizations
     from organization o join municipality m on m.id = o.municipality_id
     group by m.id order by count(*) desc, m.code limit 1`,
  );
  return { region, municipality };
}

/** Distinct messages with the first path each came from (a list field may fail once per row). */
function describeErrors(errors: { message: string; path?: (string | number)[] }[] | undefined) {
  if (!errors?.length) return undefined;
  const distinct = new Map<string, { count: number; path: string }>();
  for (const error of errors) {
    const seen = distinct.get(error.message);
    if (seen) seen.count++;
    else distinct.set(error.message, { count: 1, path: error.path?.join('.') ?? '' });
  }
  return [...distinct]
    .map(
      ([message, { count, path }]) => `${count > 1 ? `${count}× ` : ''}${message}${path ? ` (${path})` : ''}`,
    )
    .join('; ');
}

/** Posts the query; fails on an HTTP error or any GraphQL error, so errors are never timed as answers. */
function graphqlSender(url: string, token: string, scenario: Scenario): () => Promise<unknown> {
  const { query, variables } = scenario;
  const fixedBody = typeof variables === 'function' ? undefined : JSON.stringify({ query, variables });
  let requests = 0;
  return async () => {
    const body =
      fixedBody ?? JSON.stringify({ query, variables: (variables as (n: number) => Variables)(requests++) });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const result = (await response.json()) as {
      data?: unknown;
      errors?: { message: string; path?: (string | number)[] }[];
    };
    if (!response.ok || result.errors?.length) {
      throw new Error(`${scenario.label}: ${describeErrors(result.errors) ?? `HTTP ${response.status}`}`);
    }
    return result.data;
  };
}

async function measure(
  orm: Orm,
  url: string,
  token: string,
  scenario: Scenario,
  seconds: number,
): Promise<ScenarioResult> {
  const request = graphqlSender(url, token, scenario);
  const send = async () => {
    await request();
  };
  const summary = scenario.summarize?.(await request());
  await runLoad(send, Math.max(...CONCURRENCY_LEVELS), WARM_UP_SECONDS);

  const counted = await recordStatements(orm, async () => {
    for (let i = 0; i < COUNTED_REQUESTS; i++) await send();
  });
  const oneRequest = await recordStatements(orm, send);
  const statements: StatementTiming[] = [];
  if (!scenario.write) {
    for (const statement of oneRequest) statements.push(await timeStatement(orm, statement));
  }

  const loads: LoadResult[] = [];
  for (const clients of CONCURRENCY_LEVELS) loads.push(await runLoad(send, clients, seconds));
  return { scenario, summary, statementsPerRequest: counted.length / COUNTED_REQUESTS, statements, loads };
}

const ms = (value: number) => value.toFixed(1);
/** The table a statement reads, then its start: paged statements all begin with the same window. */
function describeStatement(sql: string, length: number): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const table = /\bfrom "?(\w+)"?/.exec(flat)?.[1] ?? '?';
  return `[${table}] ${flat.length > length ? `${flat.slice(0, length - 1)}…` : flat}`;
}

/** The scenario's label up to its first space: «(a)», for the statement table. */
const shortLabel = (label: string) => label.split(' ')[0];

function printResults(results: ScenarioResult[]): void {
  const rows = results.flatMap(({ scenario, statementsPerRequest, statements, loads }) => {
    const timed = statements.length > 0;
    const sqlTotal = timed ? ms(statements.reduce((sum, s) => sum + s.executionMs, 0)) : '—';
    const slowest = timed ? ms(Math.max(...statements.map((s) => s.executionMs))) : '—';
    return loads.map((load, i) => [
      i === 0 ? scenario.label : '',
      load.clients,
      load.requests,
      load.requestsPerSecond.toFixed(0),
      ms(load.p50),
      ms(load.p95),
      i === 0 ? String(statementsPerRequest) : '',
      i === 0 ? sqlTotal : '',
      i === 0 ? slowest : '',
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

  const summaries = results.filter((result) => result.summary !== undefined);
  if (summaries.length > 0) {
    console.log('Ответы:');
    for (const { scenario, summary } of summaries) console.log(`  ${shortLabel(scenario.label)} ${summary}`);
    console.log('');
  }

  console.log('Операторы SQL одного запроса (прямой прогон: медиана 5 раз, с передачей строк):');
  const details = results.flatMap(({ scenario, statements }) =>
    statements.map((s, i) => [
      i === 0 ? shortLabel(scenario.label) : '',
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

/** Runs a benchmark: its plan is made from the database, then every scenario is measured and printed. */
export function runGraphqlBench(plan: (sql: SqlSession) => Promise<BenchPlan>): Promise<void> {
  const { values: options } = parseArgs({
    options: { seconds: { type: 'string', default: '5' } },
  });
  const seconds = Number(options.seconds);

  return runScript(async (onExit) => {
    if (!(seconds > 0))
      throw new Error(`--seconds: нужно положительное число, передано «${options.seconds}»`);
    const { orm, description } = await openNationalDatabase(onExit);
    const sql = sqlSession(orm.em.getConnection().getKnex());
    const { description: dataLines, scenarios, users = [], checks = [] } = await plan(sql);
    const [{ server_version: postgresVersion }] = await sql.query<{ server_version: string }>(
      `show server_version`,
    );

    const api = await startBenchApi(orm, onExit, users);
    const tokens = new Map<string, string>();
    const tokenFor = async (user = BENCH_USER) => {
      if (!tokens.has(user)) tokens.set(user, await api.tokenFor(user));
      return tokens.get(user)!;
    };

    console.log(`База: ${description}, PostgreSQL ${postgresVersion}`);
    for (const line of dataLines) console.log(line);
    console.log(
      `Node ${process.version}, ${availableParallelism()} ядра; пользователь ${BENCH_USER}, если не указан другой; ` +
        `прогрев ${WARM_UP_SECONDS} с, замер ${seconds} с на каждое число клиентов\n`,
    );

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      console.log(`  замеряю ${scenario.label}…`);
      results.push(await measure(orm, api.url, await tokenFor(scenario.user), scenario, seconds));
    }
    console.log('');
    printResults(results);
    if (checks.length > 0) console.log('\nПроверки:');
    for (const check of checks) console.log(`  ${await check(api, orm)}`);
  });
}
