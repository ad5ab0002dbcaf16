import type { Knex } from '@mikro-orm/postgresql';
import type { MunicipalityKind } from './municipality.entity.js';
import type { OrganizationKind } from './organization.entity.js';

/** What the database holds for the codes a file mentions. */
export interface StoredDirectory {
  regions: Map<string, { name: string }>;
  municipalities: Map<string, { name: string; kind: MunicipalityKind; regionCode: string }>;
  organizations: Map<string, StoredOrganization>;
}

export interface StoredOrganization {
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  address: string | null;
  inn: string | null;
  municipalityCode: string;
}

/** Rows to insert or update, each identified by its code. */
export interface DirectoryChanges {
  regions: { code: string; name: string }[];
  municipalities: { code: string; name: string; kind: MunicipalityKind; regionCode: string }[];
  organizations: ({ code: string } & StoredOrganization)[];
}

export interface DirectoryCodes {
  regions: Iterable<string>;
  municipalities: Iterable<string>;
  organizations: Iterable<string>;
}

/*
 * Codes and rows travel as one JSON parameter each: a national file has ~40,000 organisations,
 * too many for one bind parameter per value, and knex would expand an array parameter into a list.
 */
const codesIn = (column: string) => `${column} in (select jsonb_array_elements_text(?::jsonb))`;

/** Reads the stored rows for the given codes: one statement per entity type, whatever the file size. */
export async function readStoredDirectory(db: Knex, codes: DirectoryCodes): Promise<StoredDirectory> {
  const byCode = async <Row extends { code: string }>(sql: string, values: Iterable<string>) => {
    const list = [...values];
    const rows = list.length === 0 ? [] : (await db.raw<{ rows: Row[] }>(sql, [JSON.stringify(list)])).rows;
    return new Map(rows.map(({ code, ...stored }) => [code, stored]));
  };
  return {
    regions: await byCode<{ code: string; name: string }>(
      `select code, name from region where ${codesIn('code')}`,
      codes.regions,
    ),
    municipalities: await byCode<{ code: string; name: string; kind: MunicipalityKind; regionCode: string }>(
      `select m.code, m.name, m.kind, r.code as "regionCode"
         from municipality m join region r on r.id = m.region_id
        where ${codesIn('m.code')}`,
      codes.municipalities,
    ),
    organizations: await byCode<{ code: string } & StoredOrganization>(
      `select o.code, o.name, o.short_name as "shortName", o.kind, o.address, o.inn, m.code as "municipalityCode"
         from organization o join municipality m on m.id = o.municipality_id
        where ${codesIn('o.code')}`,
      codes.organizations,
    ),
  };
}

/**
 * Directory imports run one at a time, so the rows read before writing are still the rows in
 * the database when the counts are reported.
 */
export async function lockDirectoryImports(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext('nastavnik.directory-import'))`);
}

/**
 * Upserts the changed rows with one statement per entity type. Parents go first, and children
 * find them by code in SQL, so no ids travel back and forth. An organisation's region is always
 * taken from its municipality.
 */
export async function writeDirectoryChanges(trx: Knex.Transaction, changes: DirectoryChanges): Promise<void> {
  await upsert(
    trx,
    'region',
    `insert into region (code, name)
     select code, name from jsonb_to_recordset(?::jsonb) as r(code text, name text)
     on conflict (code) do update set name = excluded.name`,
    changes.regions,
  );
  await upsert(
    trx,
    'municipality',
    `insert into municipality (region_id, code, name, kind)
     select region.id, m.code, m.name, m.kind
       from jsonb_to_recordset(?::jsonb) as m("regionCode" text, code text, name text, kind text)
       join region on region.code = m."regionCode"
     on conflict (code) do update set name = excluded.name, kind = excluded.kind`,
    changes.municipalities,
  );
  await upsert(
    trx,
    'organization',
    `insert into organization (region_id, municipality_id, code, name, short_name, kind, address, inn)
     select municipality.region_id, municipality.id, o.code, o.name, o."shortName", o.kind, o.address, o.inn
       from jsonb_to_recordset(?::jsonb) as o(
              "municipalityCode" text, code text, name text, "shortName" text, kind text, address text, inn text)
       join municipality on municipality.code = o."municipalityCode"
     on conflict (code) do update set
       region_id = excluded.region_id, municipality_id = excluded.municipality_id, name = excluded.name,
       short_name = excluded.short_name, kind = excluded.kind, address = excluded.address, inn = excluded.inn`,
    changes.organizations,
  );
}

async function upsert(trx: Knex.Transaction, table: string, sql: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const result = await trx.raw<{ rowCount: number }>(sql, [JSON.stringify(rows)]);
  // A row whose parent code found no match would be dropped by the join without a word.
  if (result.rowCount !== rows.length) {
    throw new Error(`Импорт справочника: в ${table} записано ${result.rowCount} строк из ${rows.length}`);
  }
}
