import type { Orm } from '../national/national-database.js';

export interface RecordedStatement {
  sql: string;
  bindings: unknown[];
}

export interface StatementTiming {
  sql: string;
  /** Server-side time reported by EXPLAIN ANALYZE. */
  executionMs: number;
  planningMs: number;
  /** Median time to send the statement and receive all its rows, as the API does. */
  roundTripMs: number;
  rows: number;
}

/**
 * Every statement the ORM sends while `during` runs. The hook sees the whole pool, so run
 * nothing else meanwhile — requests one after another give exact counts per request.
 */
export async function recordStatements(orm: Orm, during: () => Promise<void>): Promise<RecordedStatement[]> {
  const knex = orm.em.getConnection().getKnex();
  const recorded: RecordedStatement[] = [];
  const record = (query: { sql: string; bindings?: unknown[] }) =>
    recorded.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', record);
  try {
    await during();
  } finally {
    knex.off('query', record);
  }
  return recorded;
}

interface PlanOutput {
  'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number; Plan: { 'Actual Rows': number } }];
}

/** Times one recorded statement on its own connection: EXPLAIN ANALYZE, then direct runs. */
export async function timeStatement(
  orm: Orm,
  statement: RecordedStatement,
  repetitions = 5,
): Promise<StatementTiming> {
  const client = orm.em.getConnection().getKnex().client;
  const connection = await client.acquireConnection();
  try {
    const explained = await connection.query(
      `explain (analyze, format json) ${statement.sql}`,
      statement.bindings,
    );
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = explained.rows as PlanOutput[];

    const roundTrips: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const sent = performance.now();
      await connection.query(statement.sql, statement.bindings);
      roundTrips.push(performance.now() - sent);
    }
    roundTrips.sort((a, b) => a - b);

    return {
      sql: statement.sql,
      executionMs: plan['Execution Time'],
      planningMs: plan['Planning Time'],
      roundTripMs: roundTrips[Math.floor(repetitions / 2)],
      rows: plan.Plan['Actual Rows'],
    };
  } finally {
    await client.releaseConnection(connection);
  }
}
