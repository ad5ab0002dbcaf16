import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import {
  addParticipant,
  CURATOR_1,
  CURATOR_LYSKOVO,
  pupil,
  workingGroup,
} from '../../../test/report-fixture.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  rebuildSummaries,
  refreshOrganizationSummaries,
  summaryDifferences,
} from './organization-summary.js';
import { CURRENT_ACADEMIC_YEAR } from './summary-sources.js';
import { rollSummariesIntoCurrentYear } from './summary-year-rollover.js';

let api: TestServer;
let currentYear: number;
let organizations: number;
const knex = () => api.orm.em.getConnection().getKnex();
const sql = async <T>(text: string, bindings: unknown[] = []) =>
  (await knex().raw<{ rows: T[] }>(text, bindings as never)).rows;

const state = async () =>
  (
    await sql<{ academic_year: number; rollover_year: number | null; after: number | null }>(
      `select academic_year, rollover_year, rollover_after_organization_id as after from summary_state`,
    )
  )[0];

/** The summary as it stands on 1 September: nothing yet for the year that has just begun. */
async function newAcademicYearBegins(): Promise<void> {
  for (const table of ['organization_summary', 'municipality_summary', 'region_summary'])
    await sql(`delete from ${table} where academic_year = ?`, [currentYear]);
  await sql(`update summary_state set academic_year = ?`, [currentYear - 1]);
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  currentYear = (await sql<{ year: number }>(`select ${CURRENT_ACADEMIC_YEAR} as year`))[0]!.year;
  organizations = (await sql<{ n: number }>(`select count(*)::int as n from organization`))[0]!.n;
  // Groups that started last year and are still working: they count in the current year too.
  const mentor = await addParticipant(api, CURATOR_1, pupil('Старшеклассник', '2009-04-10', '10А', 'mentor'));
  const mentee = await addParticipant(api, CURATOR_1, pupil('Пятиклассник', '2014-01-15', '5А', 'mentee'));
  await workingGroup(api, CURATOR_1, 'PUPIL_PUPIL', [mentor], [mentee], `${currentYear - 1}-10-01`);
  const mentor2 = await addParticipant(
    api,
    CURATOR_LYSKOVO,
    pupil('Десятиклассница', '2009-03-01', '10Б', 'mentor'),
  );
  const mentee2 = await addParticipant(
    api,
    CURATOR_LYSKOVO,
    pupil('Шестиклассник', '2013-05-01', '6Б', 'mentee'),
  );
  await workingGroup(api, CURATOR_LYSKOVO, 'PUPIL_PUPIL', [mentor2], [mentee2], `${currentYear - 1}-10-01`);
});

afterAll(() => api.stop());

it('adds the new academic year for every organisation in batches and records the year', async () => {
  await newAcademicYearBegins();
  expect(await summaryDifferences(knex())).not.toEqual([]);

  expect(await rollSummariesIntoCurrentYear(knex(), 2)).toBe(organizations);
  await expectSummaryConsistent(api);
  expect(await state()).toEqual({ academic_year: currentYear, rollover_year: null, after: null });
  const [region] = await sql<{ mentees: string }>(
    `select sum(mentees) as mentees from region_summary where academic_year = ?`,
    [currentYear],
  );
  expect(Number(region!.mentees)).toBe(2);

  // Reached: the next hourly check does nothing.
  expect(await rollSummariesIntoCurrentYear(knex(), 2)).toBe(0);
});

it('resumes an interrupted rollover after the last organisation it finished', async () => {
  await newAcademicYearBegins();
  const ids = (await sql<{ id: number }>(`select id from organization order by id`)).map((row) => row.id);
  // The process stopped after all but the last two organisations: theirs are refreshed.
  await knex().transaction((trx) => refreshOrganizationSummaries(trx, ids.slice(0, -2)));
  await sql(
    `update summary_state set academic_year = ?, rollover_year = ?, rollover_after_organization_id = ?`,
    [currentYear - 1, currentYear, ids.at(-3)],
  );

  expect(await rollSummariesIntoCurrentYear(knex(), 10)).toBe(2);
  await expectSummaryConsistent(api);
  expect((await state())!.academic_year).toBe(currentYear);
});

it('a rebuild leaves no rollover pending', async () => {
  await newAcademicYearBegins();
  await rebuildSummaries(knex());
  expect(await state()).toEqual({ academic_year: currentYear, rollover_year: null, after: null });
  await expectSummaryConsistent(api);
});
