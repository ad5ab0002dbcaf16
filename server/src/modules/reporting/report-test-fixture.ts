import { expect } from 'vitest';
import { addParticipant } from '../../../test/mentoring-fixture.js';
import type { Caller, TestServer } from '../../../test/test-server.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';

export const CURATOR_1 = { user: 'curator.zeya1' };
export const CURATOR_4 = { user: 'curator.zeya4' };
export const CURATOR_LYSKOVO = { user: 'curator.lyskovo3' };
export const COORDINATOR = { user: 'coordinator.zeya' };
export const REGION_ADMIN = { user: 'admin.28' };

export const pupil = (lastName: string, birthDate: string, grade: string, role: 'mentor' | 'mentee') => ({
  category: 'PUPIL',
  lastName,
  birthDate,
  gradeOrCourse: grade,
  isMentor: role === 'mentor',
  isMentee: role === 'mentee',
});

export const adult = (
  category: string,
  lastName: string,
  birthDate: string,
  role: 'mentor' | 'mentee',
  extra: Record<string, unknown> = {},
) => ({ category, lastName, birthDate, isMentor: role === 'mentor', isMentee: role === 'mentee', ...extra });

/** A working pair or group under an order, as the curator creates and activates it. Returns its id. */
export async function workingGroup(
  api: TestServer,
  caller: Caller,
  form: string,
  mentorIds: string[],
  menteeIds: string[],
  startedOn = '2025-10-01',
): Promise<string> {
  const created = await api.graphql<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form, mentorIds, menteeIds, orderNumber: '12-од', orderDate: startedOn, startedOn } },
    caller,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createMentoringGroup.id;
  const activated = await api.graphql(`mutation($id: ID!) { activateGroup(id: $id) { id } }`, { id }, caller);
  expect(activated.errors).toBeUndefined();
  return id;
}

export { addParticipant };

/**
 * A school's contingent for a year, written as the contingent entry would write it (with the
 * summary refreshed in the same transaction); null is "not reported".
 */
export async function setContingentRow(
  api: TestServer,
  organizationCode: string,
  academicYear: number,
  figures: Record<string, number | null>,
): Promise<void> {
  const knex = api.orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    const { rows } = await trx.raw<{ rows: { id: number }[] }>(
      `insert into contingent (region_id, municipality_id, organization_id, academic_year, ${Object.keys(figures).join(', ')})
       select o.region_id, o.municipality_id, o.id, ?, ${Object.keys(figures)
         .map(() => '?')
         .join(', ')}
       from organization o where o.code = ? returning organization_id as id`,
      [academicYear, ...Object.values(figures), organizationCode],
    );
    await refreshOrganizationSummaries(trx, [rows[0]!.id]);
  });
}
