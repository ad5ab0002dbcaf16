import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, FIXTURE_ORGANIZATIONS, seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { buildApiSchema } from '../../graphql/build-schema.js';
import { OPERATIONS, POLICY, type Operation } from './policy.js';
import { Role } from './roles.js';
import { systemCaller } from './access-scope.js';
import { saveRoadmapPlan } from '../roadmap/roadmap-plan.service.js';
import { RoadmapLevel } from '../roadmap/roadmap.enums.js';
import { ParticipantCategory } from '../mentoring/participant.enums.js';
import { createParticipant } from '../mentoring/participant.service.js';

type FixtureOrganization = (typeof FIXTURE_ORGANIZATIONS)[number];

/** One caller per role, each a demo identity of the realm, and which fixture schools it covers. */
const CALLERS: Record<Role, { caller: () => Promise<Caller>; covers: (o: FixtureOrganization) => boolean }> =
  {
    [Role.FEDERAL_ANALYST]: { caller: async () => ({ user: 'analyst.rf' }), covers: () => true },
    [Role.REGIONAL_ANALYST]: {
      caller: async () => ({ user: 'analyst.28' }),
      covers: (o) => o.region === '28',
    },
    [Role.REGIONAL_ADMIN]: { caller: async () => ({ user: 'admin.28' }), covers: (o) => o.region === '28' },
    [Role.MUNICIPAL_COORDINATOR]: {
      caller: async () => ({ user: 'coordinator.zeya' }),
      covers: (o) => o.municipality === '10712000',
    },
    [Role.SCHOOL_CURATOR]: {
      caller: async () => ({ user: 'curator.zeya1' }),
      covers: (o) => o.code === '280001',
    },
    [Role.API_CLIENT]: {
      caller: async () => ({
        token: await api.serviceToken('nastavnik-analytics', 'nastavnik-analytics-dev-secret'),
      }),
      covers: (o) => o.region === '28',
    },
  };

type Result = { data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] };

interface Sample {
  /** Runs the operation against one target school as the caller. */
  run: (caller: Caller, target: FixtureOrganization) => Promise<Result>;
  /**
   * Whether an allowed caller may act on the target; by default, whether the target lies in the
   * caller's scope. Writes narrow it: only the owner plans, only the level above agrees.
   */
  covers?: (role: Role, target: FixtureOrganization) => boolean;
  /** What an allowed caller gets back for a target it covers / does not cover. */
  expectInScope: (result: Result, target: FixtureOrganization) => void;
  expectOutOfScope: (result: Result, target: FixtureOrganization) => void;
  /**
   * What a caller without the role gets; by default FORBIDDEN. Fields under a school answer
   * "no such school" first when the school is beyond the caller's reach; a field that answers
   * null to outsiders (personal data) says so here, since an error would hint something is there.
   */
  expectRefused?: (result: Result, targetInReach: boolean) => void;
}

/** A refusal that reveals nothing: the target is "not found", or the caller is the wrong level. */
function expectRefusedOrHidden(result: Result) {
  expect(result.data ?? null).toBeNull();
  expect(['NOT_FOUND', 'FAILED_PRECONDITION']).toContain(result.errors?.[0]?.extensions?.code);
}

/** Ids of each fixture school's roadmap and its first item (seeded in beforeAll). */
const schoolRoadmaps = new Map<string, { roadmapId: number; itemId: number }>();

/** Id of each fixture school's one mentoring group, still forming (seeded in beforeAll). */
const schoolGroups = new Map<string, number>();

/** Id of each fixture school's one participant (seeded in beforeAll). */
const schoolParticipants = new Map<string, number>();

/** Each fixture school's partner, its municipal-level case and its mentor's registry entry (seeded in beforeAll). */
const schoolCommunity = new Map<string, { partnerId: number; practiceId: number; registryEntryId: number }>();

const PARTICIPANT = {
  category: ParticipantCategory.TEACHER,
  isMentor: true,
  isMentee: false,
  lastName: 'Матричная',
  firstName: 'Анна',
  birthDate: '1990-03-04',
  ovz: false,
  gifted: false,
  difficultSituation: false,
  lowIncome: false,
  orphan: false,
};

type ParticipantsData = { organization: { participants: { nodes: { personal: unknown }[] } } | null };

/** A field of a school refused by role where the school is visible, hidden with it where not. */
function expectForbiddenUnderSchool(result: Result, targetInReach: boolean) {
  if (targetInReach) {
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data ?? null).toEqual({ organization: null });
  } else {
    expect(result).toEqual({ data: { organization: null } });
  }
}

/** An executable example of every operation in the policy table. */
const SAMPLES: Record<Operation, Sample> = {
  'me.read': {
    run: (caller) => api.graphql(`{ me { roles } }`, {}, caller),
    expectInScope: (result) => expect(result.data).toMatchObject({ me: { roles: expect.any(Array) } }),
    expectOutOfScope: (result) => expect(result.data).toMatchObject({ me: { roles: expect.any(Array) } }),
  },
  'hierarchy.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!, $municipality: String!) {
           organization(code: $code) { code }
           municipality(code: $municipality) { organizations { nodes { code } } }
         }`,
        { code: target.code, municipality: target.municipality },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result.data).toMatchObject({
        organization: { code: target.code },
        municipality: { organizations: { nodes: expect.arrayContaining([{ code: target.code }]) } },
      }),
    expectOutOfScope: (result, target) => {
      const data = result.data as {
        organization: unknown;
        municipality: { organizations: { nodes: { code: string }[] } } | null;
      };
      expect(data.organization).toBeNull();
      // Either the municipality is hidden too, or it is the caller's own and does not list the school.
      expect(data.municipality?.organizations.nodes.map((o) => o.code) ?? []).not.toContain(target.code);
    },
  },
  'directory.import': {
    run: (caller, target) => {
      const csv =
        'Код субъекта;Субъект РФ;ОКТМО;Муниципальное образование;Вид МО;Код ОО;Полное наименование ОО;Тип ОО\n' +
        [target.region, FIXTURE_NAMES[target.region], target.municipality, FIXTURE_NAMES[target.municipality]]
          .concat(['городской округ', target.code, `Школа ${target.code}`, 'школа'])
          .join(';');
      return api.graphql(
        `mutation($input: DirectoryImportInput!) { importDirectory(input: $input) { applied problems { message } } }`,
        { input: { fileName: 'ou.csv', contentBase64: Buffer.from(csv).toString('base64') } },
        caller,
      );
    },
    expectInScope: (result) =>
      expect(result.data).toMatchObject({ importDirectory: { applied: true, problems: [] } }),
    expectOutOfScope: (result) =>
      expect(result.data).toMatchObject({
        importDirectory: {
          applied: false,
          problems: [{ message: expect.stringMatching(/вне вашей области доступа/) }],
        },
      }),
  },
  'roadmap.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { roadmap(academicYear: 2025) { items { id } } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result) => {
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({
        organization: { roadmap: { items: [{ id: expect.any(String) }] } },
      });
    },
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
  },
  'roadmap.plan': {
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!) { markRoadmapItem(id: $id, input: { status: IN_PROGRESS }) { status } }`,
        { id: String(schoolRoadmaps.get(target.code)!.itemId) },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) =>
      expect(result).toEqual({ data: { markRoadmapItem: { status: 'IN_PROGRESS' } } }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'roadmap.agree': {
    // The fixture roadmaps are drafts: an agreer who reaches the state check has passed access.
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!) { agreeRoadmap(id: $id) { status } }`,
        { id: String(schoolRoadmaps.get(target.code)!.roadmapId) },
        caller,
      ),
    covers: (role, target) => role === Role.MUNICIPAL_COORDINATOR && target.municipality === '10712000',
    expectInScope: (result) => expect(result.errors?.[0]?.message).toMatch(/сейчас «черновик»/),
    expectOutOfScope: (result) => {
      expectRefusedOrHidden(result);
      expect(result.errors?.[0]?.message).not.toMatch(/черновик/);
    },
  },
  'roadmap.track': {
    run: (caller, target) =>
      api.graphql(
        `query($m: String!) { roadmapTracker(municipalityCode: $m, academicYear: 2025) { rows { organization { code } } } }`,
        { m: target.municipality },
        caller,
      ),
    expectInScope: (result, target) => {
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({
        roadmapTracker: { rows: expect.arrayContaining([{ organization: { code: target.code } }]) },
      });
    },
    expectOutOfScope: (result, target) => {
      expect(result.errors).toBeUndefined();
      const rows =
        (result.data as { roadmapTracker: { rows: { organization: { code: string } }[] } | null })
          .roadmapTracker?.rows ?? [];
      expect(rows.map((row) => row.organization.code)).not.toContain(target.code);
    },
  },
  'participant.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { participants { totalCount nodes { id } } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result).toEqual({
        data: {
          organization: {
            participants: { totalCount: 1, nodes: [{ id: String(schoolParticipants.get(target.code)) }] },
          },
        },
      }),
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
    expectRefused: expectForbiddenUnderSchool,
  },
  'participant.personal.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { participants { nodes { personal { lastName } } } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result) =>
      expect(result).toEqual({
        data: { organization: { participants: { nodes: [{ personal: { lastName: 'Матричная' } }] } } },
      }),
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
    // Whoever may list participants gets `personal: null`; the rest are refused the list itself.
    expectRefused: (result, targetInReach) => {
      expect(JSON.stringify(result)).not.toMatch(/Матричная/);
      if (result.errors || !targetInReach) {
        expectForbiddenUnderSchool(result, targetInReach);
      } else {
        const nodes = (result.data as ParticipantsData).organization!.participants.nodes;
        expect(nodes).toEqual([{ personal: null }]);
      }
    },
  },
  'participant.write': {
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { maxLoad } }`,
        { id: String(schoolParticipants.get(target.code)), input: { ...PARTICIPANT, maxLoad: 2 } },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) => expect(result).toEqual({ data: { updateParticipant: { maxLoad: 2 } } }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'mentoring.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { mentoringGroups { totalCount nodes { id stage } } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result).toEqual({
        data: {
          organization: {
            mentoringGroups: {
              totalCount: 1,
              nodes: [{ id: String(schoolGroups.get(target.code)), stage: 'MATCHING' }],
            },
          },
        },
      }),
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
    expectRefused: expectForbiddenUnderSchool,
  },
  'mentoring.write': {
    // Staying on the current stage is allowed and changes nothing, so the sample can run again.
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!) { moveGroupStage(id: $id, stage: MATCHING) { stage status } }`,
        { id: String(schoolGroups.get(target.code)) },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) =>
      expect(result).toEqual({ data: { moveGroupStage: { stage: 'MATCHING', status: 'FORMING' } } }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'participant.count': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { participantCounts { total mentors } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result) =>
      expect(result).toEqual({ data: { organization: { participantCounts: { total: 1, mentors: 1 } } } }),
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
  },
  'partner.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { partners { name } partnerCounts { partners } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result).toEqual({
        data: {
          organization: { partners: [{ name: `Партнёр ${target.code}` }], partnerCounts: { partners: 1 } },
        },
      }),
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
  },
  'partner.write': {
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!, $input: PartnerInput!) { updatePartner(id: $id, input: $input) { name } }`,
        {
          id: String(schoolCommunity.get(target.code)!.partnerId),
          input: { name: `Партнёр ${target.code}`, kind: 'EMPLOYER' },
        },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) =>
      expect(result).toEqual({ data: { updatePartner: { name: 'Партнёр 280001' } } }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'practice.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) { organization(code: $code) { practices { nodes { title level } } } }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result).toEqual({
        data: {
          organization: {
            practices: { nodes: [{ title: `Практика ${target.code}`, level: 'MUNICIPALITY' }] },
          },
        },
      }),
    expectOutOfScope: (result) => expect(result).toEqual({ data: { organization: null } }),
  },
  'practice.write': {
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!, $input: PracticeInput!) { updatePractice(id: $id, input: $input) { title } }`,
        {
          id: String(schoolCommunity.get(target.code)!.practiceId),
          input: { title: `Практика ${target.code}`, summary: 'Кейс', form: 'TEACHER_TEACHER' },
        },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) =>
      expect(result).toEqual({ data: { updatePractice: { title: 'Практика 280001' } } }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'practice.publish': {
    // The seeded cases are municipal already: keeping the level changes nothing, so it can run again.
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!) { setPracticeLevel(id: $id, level: MUNICIPALITY) { level } }`,
        { id: String(schoolCommunity.get(target.code)!.practiceId) },
        caller,
      ),
    covers: (role, target) =>
      (role === Role.MUNICIPAL_COORDINATOR && target.municipality === '10712000') ||
      (role === Role.REGIONAL_ADMIN && target.region === '28'),
    expectInScope: (result) =>
      expect(result).toEqual({ data: { setPracticeLevel: { level: 'MUNICIPALITY' } } }),
    expectOutOfScope: (result) => {
      expect(result.data ?? null).toEqual({ setPracticeLevel: null });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  },
  'registry.read': {
    run: (caller, target) =>
      api.graphql(
        `query($m: String!) { mentorRegistry(municipalityCode: $m) { nodes { id fullName } } }`,
        { m: target.municipality },
        caller,
      ),
    // The registry is published to the whole municipality, the curators of its schools included.
    covers: (role, target) =>
      role === Role.SCHOOL_CURATOR ? target.municipality === '10712000' : CALLERS[role].covers(target),
    expectInScope: (result, target) => {
      expect(result.errors).toBeUndefined();
      const nodes = (result.data as { mentorRegistry: { nodes: unknown[] } }).mentorRegistry.nodes;
      expect(nodes).toContainEqual({
        id: String(schoolCommunity.get(target.code)!.registryEntryId),
        fullName: 'Матричная Анна',
      });
    },
    expectOutOfScope: (result) => expect(result).toEqual({ data: { mentorRegistry: null } }),
  },
  'registry.publish': {
    // Every fixture mentor is published already: a caller who gets as far as that refusal has passed access.
    run: (caller, target) =>
      api.graphql(
        `mutation($id: ID!) { recordPublicationConsent(participantId: $id,
           input: { fields: [FULL_NAME], signedBy: SELF, signedOn: "2025-10-01" }) { id } }`,
        { id: String(schoolParticipants.get(target.code)) },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) => {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(
        /^У наставника уже есть действующее согласие на публикацию/,
      );
    },
    expectOutOfScope: (result) => {
      expectRefusedOrHidden(result);
      expect(result.errors?.[0]?.message).not.toMatch(/согласие на публикацию/);
    },
  },
  'contingent.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) {
           contingent(unit: { level: ORGANIZATION, code: $code }, academicYear: 2025) { unit { code } values { figure } }
         }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) => {
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({ contingent: { unit: { code: target.code } } });
      expect((result.data as { contingent: { values: unknown[] } }).contingent.values).toHaveLength(6);
    },
    expectOutOfScope: (result) => {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  },
  'contingent.write': {
    run: (caller, target) =>
      api.graphql(
        `mutation($code: String!) {
           setContingent(organizationCode: $code, academicYear: 2025, input: { pupilsTotal: 100 }) {
             values { figure value }
           }
         }`,
        { code: target.code },
        caller,
      ),
    covers: (role, target) =>
      (role === Role.SCHOOL_CURATOR && target.code === '280001') ||
      (role === Role.REGIONAL_ADMIN && target.region === '28'),
    expectInScope: (result) =>
      expect(result.data).toMatchObject({
        setContingent: { values: expect.arrayContaining([{ figure: 'PUPILS_TOTAL', value: 100 }]) },
      }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'contingent.import': {
    run: (caller, target) =>
      api.graphql(
        `mutation($input: ContingentImportInput!) { importContingent(input: $input) { applied problems { message } } }`,
        {
          input: {
            fileName: 'contingent.csv',
            contentBase64: Buffer.from(
              `Код ОО;Учебный год;Обучающихся всего\n${target.code};2025/2026;100`,
            ).toString('base64'),
          },
        },
        caller,
      ),
    covers: (role, target) => role === Role.REGIONAL_ADMIN && target.region === '28',
    expectInScope: (result) =>
      expect(result.data).toEqual({ importContingent: { applied: true, problems: [] } }),
    expectOutOfScope: (result) =>
      expect(result.data).toMatchObject({
        importContingent: {
          applied: false,
          problems: [{ message: expect.stringMatching(/вашего субъекта РФ/) }],
        },
      }),
  },
  'audit.read': {
    run: (caller) => api.graphql(`{ auditLog(entity: "organization") { nodes { entityCode } } }`, {}, caller),
    expectInScope: (result, target) =>
      expect(result.data).toMatchObject({
        auditLog: { nodes: expect.arrayContaining([{ entityCode: target.code }]) },
      }),
    expectOutOfScope: (result, target) => {
      const codes = (result.data as { auditLog: { nodes: { entityCode: string }[] } }).auditLog.nodes.map(
        (n) => n.entityCode,
      );
      expect(codes).not.toContain(target.code);
    },
  },
  // Figures of a unit are visible in the caller's subtree only, never from below (a curator does
  // not see the municipality's sums); a foreign school answers as an unknown one.
  'indicator.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) {
           indicatorRollup(unit: { level: ORGANIZATION, code: $code }, academicYear: 2025,
                           codes: ["PUPILS_10_18_MENTEES"]) { unit { code } values { code } }
         }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result).toEqual({
        data: {
          indicatorRollup: { unit: { code: target.code }, values: [{ code: 'PUPILS_10_18_MENTEES' }] },
        },
      }),
    expectOutOfScope: (result) => {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  },
  'indicator.define': {
    run: (caller, target) =>
      api.graphql(
        `mutation($region: String!) {
           setIndicatorTarget(input: { regionCode: $region, code: "PUPILS_10_18_MENTEES", academicYear: 2030,
                                       value: 75 }) { targets { regionCode academicYear value } }
         }`,
        { region: target.region },
        caller,
      ),
    covers: (role, target) => role === Role.REGIONAL_ADMIN && target.region === '28',
    expectInScope: (result) =>
      expect(result.data).toEqual({
        setIndicatorTarget: {
          targets: [
            { regionCode: null, academicYear: 2024, value: 70 },
            { regionCode: '28', academicYear: 2030, value: 75 },
          ],
        },
      }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  'report.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!) {
           statisticalReport(formCode: "cmn", unit: { level: ORGANIZATION, code: $code }, academicYear: 2025) {
             unit { code } cells { key }
           }
         }`,
        { code: target.code },
        caller,
      ),
    expectInScope: (result, target) => {
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({
        statisticalReport: { unit: { code: target.code }, cells: expect.arrayContaining([{ key: '07.3' }]) },
      });
    },
    expectOutOfScope: (result) => {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  },
  // Correcting a cell to the same value again is allowed, so the sample can run again.
  'report.submit': {
    run: (caller, target) =>
      api.graphql(
        `mutation($code: String!) {
           correctReportCell(input: { formCode: "cmn", organizationCode: $code, academicYear: 2025, cell: "01.3",
                                      value: 1, reason: "Проверка прав" }) { status }
         }`,
        { code: target.code },
        caller,
      ),
    covers: (role, target) => role === Role.SCHOOL_CURATOR && target.code === '280001',
    expectInScope: (result) => expect(result).toEqual({ data: { correctReportCell: { status: 'DRAFT' } } }),
    expectOutOfScope: expectRefusedOrHidden,
  },
  // The fixture reports are drafts: whoever reaches the state check has passed access.
  'report.accept': {
    run: (caller, target) =>
      api.graphql(
        `mutation($code: String!) {
           acceptReport(report: { formCode: "cmn", organizationCode: $code, academicYear: 2025 }) { status }
         }`,
        { code: target.code },
        caller,
      ),
    covers: (role, target) => role === Role.MUNICIPAL_COORDINATOR && target.municipality === '10712000',
    expectInScope: (result) => expect(result.errors?.[0]?.message).toMatch(/сейчас «черновик»/),
    expectOutOfScope: (result) => {
      expectRefusedOrHidden(result);
      expect(result.errors?.[0]?.message).not.toMatch(/черновик/);
    },
  },
  'report.approve': {
    run: (caller, target) =>
      api.graphql(
        `mutation($code: String!) {
           approveReport(report: { formCode: "cmn", organizationCode: $code, academicYear: 2025 }) { status }
         }`,
        { code: target.code },
        caller,
      ),
    covers: (role, target) => role === Role.REGIONAL_ADMIN && target.region === '28',
    expectInScope: (result) => expect(result.errors?.[0]?.message).toMatch(/сейчас «черновик»/),
    expectOutOfScope: (result) => {
      expectRefusedOrHidden(result);
      expect(result.errors?.[0]?.message).not.toMatch(/черновик/);
    },
  },
};

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  for (const school of FIXTURE_ORGANIZATIONS) {
    schoolRoadmaps.set(school.code, await seedSchoolRoadmap(school.code));
    schoolParticipants.set(school.code, await seedSchoolParticipant(school.code));
    schoolGroups.set(school.code, await seedSchoolGroup(school.code));
    schoolCommunity.set(
      school.code,
      await seedSchoolCommunity(school.code, schoolParticipants.get(school.code)!),
    );
  }
});

/**
 * A partner, a case published in the municipality and the school's participant published in the
 * mentor registry (with the consents that needs): rows only, community/*.test.ts check the rules.
 */
async function seedSchoolCommunity(code: string, participantId: number) {
  const connection = api.orm.em.getConnection();
  await connection.execute(
    `insert into consent (participant_id, signed_by, signed_on) values (?, 'SELF', '2025-09-01')`,
    [participantId],
  );
  const [entry] = await connection.execute<{ id: number }[]>(
    `insert into mentor_publication_consent (region_id, municipality_id, organization_id, participant_id,
                                             fields, signed_by, signed_on)
     select region_id, municipality_id, organization_id, id, '{FULL_NAME}', 'SELF', '2025-10-01'
     from participant where id = ? returning id`,
    [participantId],
  );
  const [row] = await connection.execute<{ partner_id: number; practice_id: number }[]>(
    `with school as (select * from organization where code = ?),
     partner as (
       insert into partner_organization (region_id, municipality_id, organization_id, name, kind)
       select region_id, municipality_id, id, 'Партнёр ' || code, 'EMPLOYER' from school returning id),
     practice as (
       insert into mentoring_practice (region_id, municipality_id, organization_id, title, summary, form, level)
       select region_id, municipality_id, id, 'Практика ' || code, 'Кейс', 'TEACHER_TEACHER', 'MUNICIPALITY' from school
       returning id)
     select partner.id as partner_id, practice.id as practice_id from partner, practice`,
    [code],
  );
  return { partnerId: row!.partner_id, practiceId: row!.practice_id, registryEntryId: entry!.id };
}

/** A bare group row: the matrix checks access, not composition (mentoring-group.test.ts does). */
async function seedSchoolGroup(code: string) {
  const [group] = await api.orm.em.getConnection().execute<{ id: number }[]>(
    `insert into mentoring_group (region_id, municipality_id, organization_id, form, stage, status)
     select region_id, municipality_id, id, 'TEACHER_TEACHER', 'MATCHING', 'FORMING' from organization where code = ?
     returning id`,
    [code],
  );
  return group!.id;
}

async function seedSchoolParticipant(code: string) {
  const [school] = await api.orm.em
    .getConnection()
    .execute<{ id: number; municipality_id: number; region_id: number }[]>(
      `select id, municipality_id, region_id from organization where code = ?`,
      [code],
    );
  const path = {
    regionId: school!.region_id,
    municipalityId: school!.municipality_id,
    organizationId: school!.id,
  };
  return api.orm.em
    .fork()
    .transactional((tx) => createParticipant(tx, systemCaller('test'), path, PARTICIPANT, '2026-01-01'));
}

async function seedSchoolRoadmap(code: string) {
  const [school] = await api.orm.em
    .getConnection()
    .execute<{ id: number; municipality_id: number; region_id: number }[]>(
      `select id, municipality_id, region_id from organization where code = ?`,
      [code],
    );
  const owner = {
    level: RoadmapLevel.ORGANIZATION,
    regionId: school!.region_id,
    municipalityId: school!.municipality_id,
    organizationId: school!.id,
  };
  const plan = {
    title: 'Дорожная карта',
    periodFrom: '2025-09-01',
    periodTo: '2026-08-31',
    sections: [{ title: null, items: [{ title: 'Информирование', dueWording: 'Сентябрь 2025' }] }],
  };
  const { roadmapId } = await api.orm.em
    .fork()
    .transactional((tx) => saveRoadmapPlan(tx, systemCaller('test'), owner, plan, 'roadmap.plan'));
  const [item] = await api.orm.em
    .getConnection()
    .execute<{ id: number }[]>(`select id from roadmap_item where roadmap_id = ?`, [roadmapId]);
  return { roadmapId, itemId: item!.id };
}
afterAll(() => api.stop());

describe('authorization matrix', () => {
  it('covers every resolver with a policy operation (a new resolver without @Allow fails here)', async () => {
    await buildApiSchema();
    const metadata = getMetadataStorage();
    const authorized = new Map(
      metadata.authorizedFields.map((f) => [`${f.target.name}.${f.fieldName}`, f.roles]),
    );
    const resolvers = [...metadata.queries, ...metadata.mutations, ...metadata.fieldResolvers];
    const unguarded = resolvers
      .map((r) => `${r.target.name}.${r.methodName}`)
      .filter((key) => !(authorized.get(key) ?? []).every((op) => op in POLICY) || !authorized.has(key));
    expect(unguarded).toEqual([]);
  });

  it('has an executable sample for every operation in the policy table', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...OPERATIONS].sort());
  });

  const cases = Object.values(Role).flatMap((role) =>
    OPERATIONS.flatMap((operation) => FIXTURE_ORGANIZATIONS.map((target) => ({ role, operation, target }))),
  );

  it.each(cases)('$role × $operation × school $target.code', async ({ role, operation, target }) => {
    const { caller, covers } = CALLERS[role];
    const sample = SAMPLES[operation];
    const result = await sample.run(await caller(), target);
    if (!(POLICY[operation].roles as readonly Role[]).includes(role) && sample.expectRefused) {
      sample.expectRefused(result, covers(target));
    } else if (!(POLICY[operation].roles as readonly Role[]).includes(role)) {
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // A nullable root field comes back as null beside the error; nothing else may.
      expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
    } else if (sample.covers ? sample.covers(role, target) : covers(target)) {
      sample.expectInScope(result, target);
    } else {
      sample.expectOutOfScope(result, target);
    }
  });
});
