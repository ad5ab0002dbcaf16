import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';

/** The cards of the school's dashboard: one participant and one pair or group by id. */

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };
const COORDINATOR = { user: 'coordinator.zeya' };

const PARTICIPANT = `query($id: ID!) { participant(id: $id) { id category consentStatus personal { lastName } } }`;
const GROUP = `query($id: ID!) {
  mentoringGroup(id: $id) { id form status members { role participant { id personal { lastName } } } meetings { kind } }
}`;

let mentorId: string;
let menteeId: string;
let groupId: string;

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  mentorId = await addParticipant(api, CURATOR, {
    category: 'TEACHER',
    lastName: 'Карточкина',
    birthDate: '1980-02-03',
    isMentor: true,
  });
  menteeId = await addParticipant(api, CURATOR, {
    category: 'TEACHER',
    lastName: 'Молодова',
    birthDate: '1999-05-06',
    isMentee: true,
    teachingExperienceYears: 1,
  });
  const created = await api.graphql<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form: 'TEACHER_TEACHER', mentorIds: [mentorId], menteeIds: [menteeId] } },
    CURATOR,
  );
  expect(created.errors).toBeUndefined();
  groupId = created.data!.createMentoringGroup.id;
});

afterAll(() => api.stop());

describe('participant card', () => {
  it('gives the curator their own participant with personal data', async () => {
    const result = await api.graphql(PARTICIPANT, { id: menteeId }, CURATOR);
    expect(result).toEqual({
      data: {
        participant: {
          id: menteeId,
          category: 'TEACHER',
          consentStatus: 'VALID',
          personal: { lastName: 'Молодова' },
        },
      },
    });
  });

  it.each([
    ['another school’s curator', OTHER_CURATOR, () => menteeId],
    ['the curator, for an id that does not exist', CURATOR, () => '999999'],
    ['the curator, for an id that is no number', CURATOR, () => 'абв'],
  ])('answers %s with null, as for nobody', async (_, caller: Caller, id: () => string) => {
    expect(await api.graphql(PARTICIPANT, { id: id() }, caller)).toEqual({ data: { participant: null } });
  });

  it('refuses a role above the school without a hint of the row', async () => {
    const result = await api.graphql(PARTICIPANT, { id: menteeId }, COORDINATOR);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data ?? null).toEqual({ participant: null });
    expect(JSON.stringify(result)).not.toMatch(/Молодова/);
  });
});

describe('group card', () => {
  it('gives the curator their own pair with its members and meetings', async () => {
    const result = await api.graphql(GROUP, { id: groupId }, CURATOR);
    expect(result).toEqual({
      data: {
        mentoringGroup: {
          id: groupId,
          form: 'TEACHER_TEACHER',
          status: 'FORMING',
          members: [
            { role: 'MENTOR', participant: { id: mentorId, personal: { lastName: 'Карточкина' } } },
            { role: 'MENTEE', participant: { id: menteeId, personal: { lastName: 'Молодова' } } },
          ],
          meetings: [],
        },
      },
    });
  });

  it.each([
    ['another school’s curator', OTHER_CURATOR, () => groupId],
    ['the curator, for an id that does not exist', CURATOR, () => '999999'],
  ])('answers %s with null', async (_, caller: Caller, id: () => string) => {
    expect(await api.graphql(GROUP, { id: id() }, caller)).toEqual({ data: { mentoringGroup: null } });
  });

  it('refuses a role above the school', async () => {
    const result = await api.graphql(GROUP, { id: groupId }, COORDINATOR);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data ?? null).toEqual({ mentoringGroup: null });
  });
});
