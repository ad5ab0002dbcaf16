/** What a `?` placeholder may stand for; arrays and objects go in as JSON text. */
export type SqlValue = string | number | boolean | null;

/** One database session (one connection, one transaction) that generation steps run their SQL in. */
export interface SqlSession {
  /** Runs one statement with `?` placeholders and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, bindings?: readonly SqlValue[]): Promise<Row[]>;
}

/**
 * Functions every generation step may use, created in `pg_temp` so they vanish with the session
 * and never reach the schema that migrations own.
 *
 * Randomness comes from md5 of (seed, stream, key) rather than `random()`: a row's values then
 * depend only on its key, not on the order PostgreSQL happens to produce rows in, so the same
 * seed gives the same data set on every run and every PostgreSQL version.
 */
export async function createGeneratorFunctions(sql: SqlSession, seed: number): Promise<void> {
  if (!Number.isSafeInteger(seed)) throw new Error(`Зерно должно быть целым числом, передано ${seed}`);

  // A uniform number in [0, 1) from the first 52 bits of the hash (all a float8 mantissa holds).
  await sql.query(`
    create function pg_temp.uniform(stream text, key text) returns float8
    language sql immutable parallel safe as $$
      select ('x' || substr(md5('${seed}/' || stream || '/' || key), 1, 13))::bit(52)::bigint::float8
             / 4503599627370496
    $$`);

  // Tables of a million rows draw several numbers per row, and md5 is most of their cost: there a
  // row hashes once, pg_temp.hash(stream, key), and takes up to five uniform numbers of 24 bits
  // (16.7 million steps, plenty for shares and day counts) from it, pg_temp.hash_uniform(hash, 0..4).
  await sql.query(`
    create function pg_temp.hash(stream text, key text) returns text
    language sql immutable parallel safe as $$
      select md5('${seed}/' || stream || '/' || key)
    $$`);
  await sql.query(`
    create function pg_temp.hash_uniform(hash text, part int) returns float8
    language sql immutable parallel safe as $$
      select ('x' || substr(hash, 1 + 6 * part, 6))::bit(24)::int::float8 / 16777216
    $$`);

  await sql.query(`
    create function pg_temp.pick(items text[], u float8) returns text
    language sql immutable parallel safe as $$
      select items[1 + floor(u * cardinality(items))::int]
    $$`);

  // ИНН of a legal entity: nine digits, then the check digit with the tax service's weights.
  // Spelled out term by term so PostgreSQL inlines it instead of running a subquery per row.
  await sql.query(`
    create function pg_temp.inn_with_check_digit(first_nine text) returns text
    language sql immutable parallel safe as $$
      select first_nine || ((
          2 * substr(first_nine, 1, 1)::int + 4 * substr(first_nine, 2, 1)::int
        + 10 * substr(first_nine, 3, 1)::int + 3 * substr(first_nine, 4, 1)::int
        + 5 * substr(first_nine, 5, 1)::int + 9 * substr(first_nine, 6, 1)::int
        + 4 * substr(first_nine, 7, 1)::int + 6 * substr(first_nine, 8, 1)::int
        + 8 * substr(first_nine, 9, 1)::int
      ) % 11 % 10)::text
    $$`);
}
