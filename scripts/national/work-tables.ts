import type { SqlSession, SqlValue } from './sql-session.js';

/** Turns percentage shares into [from, to) ranges of a uniform number, per group. */
export function withShareRanges<T>(rows: T[], group: (row: T) => string, share: (row: T) => number) {
  const used = new Map<string, number>();
  const ranged = rows
    .filter((row) => share(row) > 0)
    .map((row) => {
      const from = used.get(group(row)) ?? 0;
      used.set(group(row), from + share(row));
      return { ...row, shareFrom: from / 100, shareTo: (from + share(row)) / 100 };
    });
  for (const [name, total] of used) {
    if (total !== 100) throw new Error(`Доли в группе «${name}» дают ${total} %, а не 100 %`);
  }
  return ranged;
}

/**
 * A temporary table that lives until the load commits. Analysed at once: without statistics
 * the planner guesses thousands of rows per generated one and sorts on disk.
 */
export async function createWorkTable(
  sql: SqlSession,
  name: string,
  select: string,
  bindings: SqlValue[] = [],
) {
  await sql.query(`create temp table ${name} on commit drop as ${select}`, bindings);
  await sql.query(`analyze ${name}`);
}

/**
 * Runs a bulk load into `tables` without their foreign keys and plain (non-constraint) indexes,
 * then puts them back exactly as the catalog had them. Checked row by row, foreign keys cost a
 * trigger call and an index probe per row and key — a minute for a million rows with five keys —
 * and every index an insertion per row; added back, each key is validated by one join and each
 * index built by one sort. Inside the load's transaction: a failure restores them with the rest.
 */
export async function withoutKeysAndIndexes(sql: SqlSession, tables: string[], load: () => Promise<void>) {
  const dropped: { table: string; keys: { name: string; definition: string }[]; indexes: string[] }[] = [];
  for (const table of tables) {
    const keys = await sql.query<{ name: string; definition: string }>(
      `select conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where conrelid = ?::regclass and contype = 'f' order by conname`,
      [table],
    );
    const indexes = await sql.query<{ name: string; definition: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       where i.indrelid = ?::regclass and not exists (select from pg_constraint k where k.conindid = i.indexrelid)
       order by 1`,
      [table],
    );
    if (keys.length > 0) {
      await sql.query(`alter table ${table} ${keys.map((key) => `drop constraint ${key.name}`).join(', ')}`);
    }
    if (indexes.length > 0) await sql.query(`drop index ${indexes.map((index) => index.name).join(', ')}`);
    dropped.push({ table, keys, indexes: indexes.map((index) => index.definition) });
  }
  await load();
  for (const { table, keys, indexes } of dropped) {
    for (const index of indexes) await sql.query(index);
    if (keys.length > 0) {
      await sql.query(
        `alter table ${table} ${keys.map((key) => `add constraint ${key.name} ${key.definition}`).join(', ')}`,
      );
    }
  }
}
