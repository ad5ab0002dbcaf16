import { gql, type TypedDocumentNode } from '@urql/core';
import type { MentoringStage } from '$lib/labels';
import type { ParticipantDetails } from '$lib/mentoring/participant-forms';
import type { MonitoringScale } from '$lib/mentoring/group-forms';
import type {
  ConsentSigner,
  GroupStatus,
  MatchFactor,
  MeetingFormat,
  MeetingKind,
  MentoringForm,
  ParticipantCategory,
  ParticipantRole,
} from '$lib/mentoring/labels';
import type { ImportProblem } from '$lib/mentoring/imports';
import type { OverviewGroup, ParticipantCounts } from '$lib/mentoring/overview';
import type { ParticipantSummary } from '$lib/mentoring/participants';
import type { ConnectionPage } from '../collect-pages';
import { SCHOOL_FIELDS, type School } from '../school-heading';

/**
 * The GraphQL operations of the school's mentoring pages (обзор, база, пары и группы, загрузка),
 * result types written out by hand as in hierarchy-queries.ts. Personal data is asked for only
 * where a page shows names: every read of it is written to the API's audit log.
 */

const PERSONAL_FIELDS = gql`
  fragment ParticipantPersonalFields on ParticipantPersonal {
    externalKey
    lastName
    firstName
    middleName
    birthDate
    contact
  }
`;

const SUMMARY_FIELDS = gql`
  fragment ParticipantSummaryFields on Participant {
    id
    category
    isMentor
    isMentee
    gradeOrCourse
    teachingExperienceYears
    consentStatus
    ovz
    gifted
    difficultSituation
    lowIncome
    orphan
    personal {
      ...ParticipantPersonalFields
    }
  }
  ${PERSONAL_FIELDS}
`;

// ── Overview (обзор) ──────────────────────────────────────────────────────────────────────────

export interface OverviewVariables {
  code: string;
  withGroups: boolean;
  first: number;
  after: string | null;
  [name: string]: unknown;
}

export interface OverviewData {
  organization:
    | (School & {
        participantCounts: ParticipantCounts;
        mentoringGroups?: ConnectionPage<OverviewGroup>;
      })
    | null;
}

/**
 * Counts for anyone who may see the school; pairs, groups and meetings (no names) only for its
 * curator, who alone may read them.
 */
export const MENTORING_OVERVIEW: TypedDocumentNode<OverviewData, OverviewVariables> = gql`
  query MentoringOverview($code: String!, $withGroups: Boolean!, $first: Int!, $after: String) {
    organization(code: $code) {
      ...SchoolHeadingFields
      participantCounts {
        total
        mentors
        mentees
        withValidConsent
        depersonalised
        byCategory {
          category
          total
          mentors
          mentees
        }
      }
      mentoringGroups(first: $first, after: $after) @include(if: $withGroups) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          form
          status
          members {
            role
            participant {
              id
            }
          }
          meetings {
            kind
            heldOn
          }
        }
      }
    }
  }
  ${SCHOOL_FIELDS}
`;

// ── The base (база наставников и наставляемых) ────────────────────────────────────────────────

export interface ParticipantFilterInput {
  category: ParticipantCategory | null;
  role: 'MENTOR' | 'MENTEE' | null;
  hasValidConsent: boolean | null;
}

export interface ParticipantListVariables {
  code: string;
  first: number;
  after: string | null;
  filter: ParticipantFilterInput;
  [name: string]: unknown;
}

export interface ParticipantListData {
  organization:
    (School & { participants: ConnectionPage<ParticipantSummary> & { totalCount: number } }) | null;
}

export const PARTICIPANT_LIST: TypedDocumentNode<ParticipantListData, ParticipantListVariables> = gql`
  query MentoringParticipants($code: String!, $first: Int!, $after: String, $filter: ParticipantFilter) {
    organization(code: $code) {
      ...SchoolHeadingFields
      participants(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ParticipantSummaryFields
        }
      }
    }
  }
  ${SCHOOL_FIELDS}
  ${SUMMARY_FIELDS}
`;

export interface Consent {
  id: string;
  signedBy: ConsentSigner;
  signedOn: string;
  revokedOn: string | null;
}

export interface ParticipantCardDetails extends ParticipantDetails {
  consents: Consent[];
  depersonalisedAt: string | null;
  under35: boolean | null;
  youngSpecialist: boolean | null;
  updatedAt: string;
  personal:
    | (ParticipantDetails['personal'] & {
        consentDocuments: {
          consentId: string;
          representativeName: string | null;
          documentReference: string | null;
        }[];
      })
    | null;
}

/** A pair or group a participant belongs to, as the card lists it. */
export interface MembershipGroup {
  id: string;
  title: string | null;
  form: MentoringForm;
  status: GroupStatus;
  members: { role: ParticipantRole; participant: { id: string } }[];
}

export interface ProgramSummary {
  id: string;
  title: string;
  forms: MentoringForm[];
  periodFrom: string;
  periodTo: string;
  personalised: boolean;
  goals: string | null;
}

export interface ParticipantCardData {
  organization:
    | (School & { mentoringPrograms: ProgramSummary[]; mentoringGroups: ConnectionPage<MembershipGroup> })
    | null;
  participant: ParticipantCardDetails | null;
}

const PROGRAM_FIELDS = gql`
  fragment MentoringProgramFields on MentoringProgram {
    id
    title
    forms
    periodFrom
    periodTo
    personalised
    goals
  }
`;

/** The card of one participant, the school's programmes and which pairs and groups they are in. */
export const PARTICIPANT_CARD: TypedDocumentNode<ParticipantCardData, { code: string; id: string }> = gql`
  query MentoringParticipantCard($code: String!, $id: ID!) {
    organization(code: $code) {
      ...SchoolHeadingFields
      mentoringPrograms {
        ...MentoringProgramFields
      }
      mentoringGroups(first: 500) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          form
          status
          members {
            role
            participant {
              id
            }
          }
        }
      }
    }
    participant(id: $id) {
      ...ParticipantSummaryFields
      competencies
      trainingCompletedAt
      maxLoad
      partnerOrganization
      requestTopics
      requestSource
      depersonalisedAt
      under35
      youngSpecialist
      updatedAt
      consents {
        id
        signedBy
        signedOn
        revokedOn
      }
      personal {
        consentDocuments {
          consentId
          representativeName
          documentReference
        }
      }
    }
  }
  ${SCHOOL_FIELDS}
  ${SUMMARY_FIELDS}
  ${PROGRAM_FIELDS}
`;

export interface MentorSuggestion {
  form: MentoringForm;
  score: number;
  freePlaces: number | null;
  reasons: { factor: MatchFactor; points: number; maxPoints: number; text: string }[];
  mentor: ParticipantSummary & { competencies: string[]; maxLoad: number | null };
}

export const MENTOR_SUGGESTIONS: TypedDocumentNode<
  { mentorSuggestions: MentorSuggestion[] },
  { menteeId: string; form: MentoringForm | null; first: number }
> = gql`
  query MentoringMentorSuggestions($menteeId: ID!, $form: MentoringForm, $first: Int!) {
    mentorSuggestions(menteeId: $menteeId, form: $form, first: $first) {
      form
      score
      freePlaces
      reasons {
        factor
        points
        maxPoints
        text
      }
      mentor {
        ...ParticipantSummaryFields
        competencies
        maxLoad
      }
    }
  }
  ${SUMMARY_FIELDS}
`;

// ── Programmes, pairs and groups ──────────────────────────────────────────────────────────────

export interface MemberPerson {
  id: string;
  category: ParticipantCategory;
  gradeOrCourse: string | null;
  consentStatus: ParticipantSummary['consentStatus'];
  personal: ParticipantSummary['personal'];
}

export interface GroupListItem {
  id: string;
  title: string | null;
  form: MentoringForm;
  status: GroupStatus;
  stage: MentoringStage;
  orderNumber: string | null;
  orderDate: string | null;
  startedOn: string | null;
  endedOn: string | null;
  program: { id: string; title: string } | null;
  members: { role: ParticipantRole; participant: MemberPerson }[];
  meetings: { kind: MeetingKind; heldOn: string }[];
}

const MEMBER_FIELDS = gql`
  fragment MentoringMemberFields on MentoringGroupMember {
    role
    participant {
      id
      category
      gradeOrCourse
      consentStatus
      personal {
        ...ParticipantPersonalFields
      }
    }
  }
  ${PERSONAL_FIELDS}
`;

export interface GroupsPageVariables {
  code: string;
  first: number;
  after: string | null;
  withCandidates: boolean;
  [name: string]: unknown;
}

export interface GroupsPageData {
  organization:
    | (School & {
        mentoringPrograms: ProgramSummary[];
        mentoringGroups: ConnectionPage<GroupListItem> & { totalCount: number };
        candidates?: { nodes: ParticipantSummary[]; pageInfo: ConnectionPage<unknown>['pageInfo'] };
      })
    | null;
}

/**
 * Programmes and every pair and group with their members; with `withCandidates` (the creation
 * form is open) also the people who may be put into one: those with a valid consent.
 */
export const GROUPS_PAGE: TypedDocumentNode<GroupsPageData, GroupsPageVariables> = gql`
  query MentoringGroups($code: String!, $first: Int!, $after: String, $withCandidates: Boolean!) {
    organization(code: $code) {
      ...SchoolHeadingFields
      mentoringPrograms {
        ...MentoringProgramFields
      }
      mentoringGroups(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          form
          status
          stage
          orderNumber
          orderDate
          startedOn
          endedOn
          program {
            id
            title
          }
          members {
            ...MentoringMemberFields
          }
          meetings {
            kind
            heldOn
          }
        }
      }
      candidates: participants(first: 500, filter: { hasValidConsent: true }) @include(if: $withCandidates) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ParticipantSummaryFields
        }
      }
    }
  }
  ${SCHOOL_FIELDS}
  ${PROGRAM_FIELDS}
  ${MEMBER_FIELDS}
  ${SUMMARY_FIELDS}
`;

export interface GroupCard extends Omit<GroupListItem, 'meetings' | 'program'> {
  terminationReason: string | null;
  program: ProgramSummary | null;
  meetings: { id: string; kind: MeetingKind; heldOn: string; format: MeetingFormat; notes: string | null }[];
  feedback: {
    id: string;
    participantId: string;
    role: ParticipantRole;
    score: number;
    text: string | null;
  }[];
  satisfaction: {
    averageScore: number | null;
    responses: number;
    mentorResponses: number;
    menteeResponses: number;
  };
  assessments: { participantId: string; start: ScaleValue[]; end: ScaleValue[]; growth: ScaleValue[] }[];
  averageGrowth: ScaleValue[];
}

export interface ScaleValue {
  scale: string;
  value: number;
}

export interface GroupCardData {
  organization: School | null;
  mentoringGroup: GroupCard | null;
  monitoringScales: (MonitoringScale & { purpose: 'PARTICIPANT' | 'PROGRAM_QUALITY' })[];
}

export const GROUP_CARD: TypedDocumentNode<GroupCardData, { code: string; id: string }> = gql`
  query MentoringGroupCard($code: String!, $id: ID!) {
    organization(code: $code) {
      ...SchoolHeadingFields
    }
    mentoringGroup(id: $id) {
      id
      title
      form
      status
      stage
      orderNumber
      orderDate
      startedOn
      endedOn
      terminationReason
      program {
        ...MentoringProgramFields
      }
      members {
        ...MentoringMemberFields
      }
      meetings {
        id
        kind
        heldOn
        format
        notes
      }
      feedback {
        id
        participantId
        role
        score
        text
      }
      satisfaction {
        averageScore
        responses
        mentorResponses
        menteeResponses
      }
      assessments {
        participantId
        start {
          scale
          value
        }
        end {
          scale
          value
        }
        growth {
          scale
          value
        }
      }
      averageGrowth {
        scale
        value
      }
    }
    monitoringScales {
      code
      name
      purpose
      minValue
      maxValue
    }
  }
  ${SCHOOL_FIELDS}
  ${PROGRAM_FIELDS}
  ${MEMBER_FIELDS}
`;

// ── Changes ───────────────────────────────────────────────────────────────────────────────────

type Input = Record<string, unknown>;

export const CREATE_PARTICIPANT: TypedDocumentNode<{ createParticipant: { id: string } }, { input: Input }> =
  gql`
    mutation MentoringCreateParticipant($input: ParticipantInput!) {
      createParticipant(input: $input) {
        id
      }
    }
  `;

export const UPDATE_PARTICIPANT: TypedDocumentNode<
  { updateParticipant: { id: string } },
  { id: string; input: Input }
> = gql`
  mutation MentoringUpdateParticipant($id: ID!, $input: ParticipantInput!) {
    updateParticipant(id: $id, input: $input) {
      id
    }
  }
`;

export const RECORD_CONSENT: TypedDocumentNode<
  { recordConsent: { id: string; consentStatus: string } },
  { participantId: string; input: Input }
> = gql`
  mutation MentoringRecordConsent($participantId: ID!, $input: ConsentInput!) {
    recordConsent(participantId: $participantId, input: $input) {
      id
      consentStatus
    }
  }
`;

export const REVOKE_CONSENT: TypedDocumentNode<
  { revokeConsent: { id: string } },
  { consentId: string; revokedOn: string }
> = gql`
  mutation MentoringRevokeConsent($consentId: ID!, $revokedOn: String!) {
    revokeConsent(consentId: $consentId, revokedOn: $revokedOn) {
      id
    }
  }
`;

export const CREATE_PROGRAM: TypedDocumentNode<
  { createMentoringProgram: { id: string; title: string } },
  { input: Input }
> = gql`
  mutation MentoringCreateProgram($input: MentoringProgramInput!) {
    createMentoringProgram(input: $input) {
      id
      title
    }
  }
`;

export const CREATE_GROUP: TypedDocumentNode<{ createMentoringGroup: { id: string } }, { input: Input }> =
  gql`
    mutation MentoringCreateGroup($input: MentoringGroupInput!) {
      createMentoringGroup(input: $input) {
        id
      }
    }
  `;

export const ACTIVATE_GROUP: TypedDocumentNode<
  { activateGroup: { id: string; status: GroupStatus } },
  { id: string; orderNumber: string; orderDate: string; startedOn: string | null }
> = gql`
  mutation MentoringActivateGroup($id: ID!, $orderNumber: String, $orderDate: String, $startedOn: String) {
    activateGroup(id: $id, orderNumber: $orderNumber, orderDate: $orderDate, startedOn: $startedOn) {
      id
      status
    }
  }
`;

export const MOVE_GROUP_STAGE: TypedDocumentNode<
  { moveGroupStage: { id: string; stage: MentoringStage } },
  { id: string; stage: string }
> = gql`
  mutation MentoringMoveGroupStage($id: ID!, $stage: MentoringStage!) {
    moveGroupStage(id: $id, stage: $stage) {
      id
      stage
    }
  }
`;

export const COMPLETE_GROUP: TypedDocumentNode<
  { completeGroup: { id: string } },
  { id: string; endedOn: string }
> = gql`
  mutation MentoringCompleteGroup($id: ID!, $endedOn: String!) {
    completeGroup(id: $id, endedOn: $endedOn) {
      id
    }
  }
`;

export const TERMINATE_GROUP: TypedDocumentNode<
  { terminateGroup: { id: string } },
  { id: string; endedOn: string; reason: string }
> = gql`
  mutation MentoringTerminateGroup($id: ID!, $endedOn: String!, $reason: String!) {
    terminateGroup(id: $id, endedOn: $endedOn, reason: $reason) {
      id
    }
  }
`;

export const RECORD_MEETING: TypedDocumentNode<
  { recordMeeting: { id: string; kind: MeetingKind } },
  { groupId: string; input: Input }
> = gql`
  mutation MentoringRecordMeeting($groupId: ID!, $input: MeetingInput!) {
    recordMeeting(groupId: $groupId, input: $input) {
      id
      kind
    }
  }
`;

export const RECORD_FEEDBACK: TypedDocumentNode<
  { recordFeedback: { id: string } },
  { groupId: string; participantId: string; input: Input }
> = gql`
  mutation MentoringRecordFeedback($groupId: ID!, $participantId: ID!, $input: FeedbackInput!) {
    recordFeedback(groupId: $groupId, participantId: $participantId, input: $input) {
      id
    }
  }
`;

export const RECORD_ASSESSMENT: TypedDocumentNode<
  { recordAssessment: { participantId: string } },
  { groupId: string; participantId: string; input: Input }
> = gql`
  mutation MentoringRecordAssessment($groupId: ID!, $participantId: ID!, $input: AssessmentInput!) {
    recordAssessment(groupId: $groupId, participantId: $participantId, input: $input) {
      participantId
    }
  }
`;

// ── Imports (the same report for every kind of file) ────────────────────────────────────────

export interface ApiImportReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

export type ImportVariables = { input: { fileName: string; contentBase64: string; dryRun: boolean } };

const PROBLEM_FIELDS = gql`
  fragment MentoringImportProblemFields on ImportProblem {
    sheet
    row
    column
    message
  }
`;

export const IMPORT_PARTICIPANTS: TypedDocumentNode<
  { importParticipants: ApiImportReport & { consentsRecorded: number } },
  ImportVariables
> = gql`
  mutation MentoringImportParticipants($input: ParticipantImportInput!) {
    importParticipants(input: $input) {
      dryRun
      applied
      rows
      created
      updated
      unchanged
      consentsRecorded
      problems {
        ...MentoringImportProblemFields
      }
    }
  }
  ${PROBLEM_FIELDS}
`;

export const IMPORT_GROUPS: TypedDocumentNode<{ importMentoringGroups: ApiImportReport }, ImportVariables> =
  gql`
    mutation MentoringImportGroups($input: MentoringGroupImportInput!) {
      importMentoringGroups(input: $input) {
        dryRun
        applied
        rows
        created
        updated
        unchanged
        problems {
          ...MentoringImportProblemFields
        }
      }
    }
    ${PROBLEM_FIELDS}
  `;
