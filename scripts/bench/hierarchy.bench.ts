/**
 * Hierarchy API benchmark on the national data set (the harness: graphql-bench.ts).
 *
 *   pnpm -C scripts generate:national           # once: 89 regions, ~2,400 municipalities, ~40,000 ОО
 *   pnpm -C scripts bench:hierarchy             # 5 s per measurement
 *   pnpm -C scripts bench:hierarchy --seconds=15
 *
 * Uses the same database as the generator (DATABASE_URL, or the embedded one in .data/national/).
 */
import { largestUnits, runGraphqlBench, type Scenario } from './graphql-bench.js';

/** Matches about one organisation in eleven: a page of hits plus a count over many rows. */
const SEARCH_TERM = 'гимназ';

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

await runGraphqlBench(async (sql) => {
  const { region, municipality } = await largestUnits(sql);
  const [totals] = await sql.query<{ regions: string; municipalities: string; organizations: string }>(
    `select (select count(*) from region) as regions, (select count(*) from municipality) as municipalities,
            (select count(*) from organization) as organizations`,
  );
  return {
    description: [
      `Данные: ${totals.regions} субъектов, ${totals.municipalities} МО, ${totals.organizations} ОО; ` +
        `крупнейший регион ${region.code} «${region.name}» (${region.organizations} ОО), ` +
        `крупнейший МО ${municipality.code} «${municipality.name}» (${municipality.organizations} ОО)`,
    ],
    scenarios: scenarios(region.code, municipality.code),
  };
});
