import { expect } from 'vitest';
import { addParticipant } from './mentoring-fixture.js';
import type { Caller, TestServer } from './test-server.js';

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

const SET_CONTINGENT = `
  mutation($code: String!, $year: Int!, $input: ContingentInput!) {
    setContingent(organizationCode: $code, academicYear: $year, input: $input) { academicYear }
  }`;

/** The school's contingent for a year as its curator enters it; a figure left out is "not reported". */
export function setContingent(
  api: TestServer,
  caller: Caller,
  organizationCode: string,
  academicYear: number,
  input: Record<string, number>,
) {
  return api.graphql(SET_CONTINGENT, { code: organizationCode, year: academicYear, input }, caller);
}

export async function setContingentOk(...args: Parameters<typeof setContingent>): Promise<void> {
  expect((await setContingent(...args)).errors).toBeUndefined();
}
