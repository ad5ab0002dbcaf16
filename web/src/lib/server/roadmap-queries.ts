import { gql, type TypedDocumentNode } from '@urql/core';
import type { RoadmapStatus } from '$lib/labels';
import type { RoadmapImportReport } from '$lib/roadmap-forms';
import type { Roadmap, RoadmapItem, RoadmapProgress, RoadmapTemplate, UnitCompletionRow } from '$lib/roadmap';
import { SCHOOL_FIELDS, type School } from './school-heading';

/**
 * The GraphQL operations of the roadmap pages, result types written out by hand as in
 * hierarchy-queries.ts. Every figure is asked for on one date (`$asOf`), so the progress bar,
 * the overdue marks and the trackers agree with each other.
 */

const PROGRESS_FIELDS = gql`
  fragment RoadmapProgressFields on RoadmapProgress {
    itemsTotal
    dueByDate
    dueDone
    done
    doneOnTime
    overdue
    notDone
    cancelled
    completionShare
  }
`;

const ITEM_FIELDS = gql`
  fragment RoadmapItemFields on RoadmapItem {
    id
    position
    number
    title
    stage
    dueWording
    dueKind
    dueWindows {
      from
      to
    }
    dueProblem
    dueTo
    responsible
    expectedResult
    status
    completionNote
    evidenceOrderNumber
    evidenceOrderDate
    evidenceLink
    evidenceFileName
    completedAt
    overdue(asOf: $asOf)
    daysLate(asOf: $asOf)
    section {
      id
    }
  }
`;

const ROADMAP_FIELDS = gql`
  fragment RoadmapFields on Roadmap {
    id
    title
    periodFrom
    periodTo
    status
    statusComment
    updatedAt
    submittedAt
    agreedAt
    progress(asOf: $asOf) {
      ...RoadmapProgressFields
    }
    sections {
      id
      position
      title
    }
    items {
      ...RoadmapItemFields
    }
  }
  ${PROGRESS_FIELDS}
  ${ITEM_FIELDS}
`;

/** The caller's node and operations, which decide the buttons a roadmap page offers. */
const CALLER_FIELDS = gql`
  fragment CallerFields on Me {
    level
    permissions {
      operation
    }
    region {
      code
    }
    municipality {
      code
    }
    organization {
      code
    }
  }
`;

/** A template the caller may start a roadmap from. */
const TEMPLATE_FIELDS = gql`
  fragment RoadmapTemplateFields on RoadmapTemplate {
    code
    level
    title
    description
    itemCount
  }
`;

export interface CallerData {
  level: 'FEDERATION' | 'REGION' | 'MUNICIPALITY' | 'ORGANIZATION' | null;
  permissions: { operation: string }[];
  region: { code: string } | null;
  municipality: { code: string } | null;
  organization: { code: string } | null;
}

export interface RoadmapPageVariables {
  code: string;
  year: number;
  asOf: string;
  [name: string]: unknown;
}

interface RoadmapQueryData<Unit> {
  me: CallerData;
  roadmapTemplates: RoadmapTemplate[];
  unit: (Unit & { roadmap: Roadmap | null }) | null;
}

export type OrganizationRoadmapData = RoadmapQueryData<School>;

export const ORGANIZATION_ROADMAP: TypedDocumentNode<OrganizationRoadmapData, RoadmapPageVariables> = gql`
  query OrganizationRoadmap($code: String!, $year: Int!, $asOf: String!) {
    me {
      ...CallerFields
    }
    roadmapTemplates {
      ...RoadmapTemplateFields
    }
    unit: organization(code: $code) {
      ...SchoolHeadingFields
      roadmap(academicYear: $year) {
        ...RoadmapFields
      }
    }
  }
  ${CALLER_FIELDS}
  ${TEMPLATE_FIELDS}
  ${ROADMAP_FIELDS}
  ${SCHOOL_FIELDS}
`;

export type MunicipalityRoadmapData = RoadmapQueryData<{
  code: string;
  name: string;
  region: { code: string; name: string };
}>;

export const MUNICIPALITY_ROADMAP: TypedDocumentNode<MunicipalityRoadmapData, RoadmapPageVariables> = gql`
  query MunicipalityRoadmap($code: String!, $year: Int!, $asOf: String!) {
    me {
      ...CallerFields
    }
    roadmapTemplates {
      ...RoadmapTemplateFields
    }
    unit: municipality(code: $code) {
      code
      name
      region {
        code
        name
      }
      roadmap(academicYear: $year) {
        ...RoadmapFields
      }
    }
  }
  ${CALLER_FIELDS}
  ${TEMPLATE_FIELDS}
  ${ROADMAP_FIELDS}
`;

export type RegionRoadmapData = RoadmapQueryData<{ code: string; name: string }>;

export const REGION_ROADMAP: TypedDocumentNode<RegionRoadmapData, RoadmapPageVariables> = gql`
  query RegionRoadmap($code: String!, $year: Int!, $asOf: String!) {
    me {
      ...CallerFields
    }
    roadmapTemplates {
      ...RoadmapTemplateFields
    }
    unit: region(code: $code) {
      code
      name
      roadmap(academicYear: $year) {
        ...RoadmapFields
      }
    }
  }
  ${CALLER_FIELDS}
  ${TEMPLATE_FIELDS}
  ${ROADMAP_FIELDS}
`;

// ── Trackers ──────────────────────────────────────────────────────────────────────────────────

export interface MunicipalityTrackerData {
  municipality: { code: string; name: string; region: { code: string; name: string } } | null;
  roadmapTracker: {
    asOf: string;
    organizations: number;
    withRoadmap: number;
    agreed: number;
    total: RoadmapProgress;
    rows: {
      organization: { code: string; name: string; shortName: string | null };
      roadmap: { id: string } | null;
      status: RoadmapStatus | null;
      progress: RoadmapProgress;
      lastUpdatedAt: string | null;
    }[];
  } | null;
  overdueRoadmapItems: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    nodes: {
      title: string;
      dueTo: string;
      daysLate: number;
      organization: { code: string; name: string; shortName: string | null };
      item: { id: string; responsible: string | null; dueWording: string };
    }[];
  } | null;
}

export const MUNICIPALITY_TRACKER: TypedDocumentNode<
  MunicipalityTrackerData,
  { code: string; year: number; asOf: string; overdueFirst: number }
> = gql`
  query MunicipalityRoadmapTracker($code: String!, $year: Int!, $asOf: String!, $overdueFirst: Int!) {
    municipality(code: $code) {
      code
      name
      region {
        code
        name
      }
    }
    roadmapTracker(municipalityCode: $code, academicYear: $year, asOf: $asOf) {
      asOf
      organizations
      withRoadmap
      agreed
      total {
        ...RoadmapProgressFields
      }
      rows {
        organization {
          code
          name
          shortName
        }
        roadmap {
          id
        }
        status
        progress {
          ...RoadmapProgressFields
        }
        lastUpdatedAt
      }
    }
    overdueRoadmapItems(municipalityCode: $code, academicYear: $year, asOf: $asOf, first: $overdueFirst) {
      totalCount
      pageInfo {
        hasNextPage
      }
      nodes {
        title
        dueTo
        daysLate
        organization {
          code
          name
          shortName
        }
        item {
          id
          responsible
          dueWording
        }
      }
    }
  }
  ${PROGRESS_FIELDS}
`;

const UNIT_COMPLETION_FIELDS = gql`
  fragment UnitCompletionFields on UnitRoadmapCompletion {
    code
    name
    organizations
    withRoadmap
    agreed
    progress {
      ...RoadmapProgressFields
    }
  }
  ${PROGRESS_FIELDS}
`;

const COMPLETION_FIELDS = gql`
  fragment CompletionFields on RoadmapCompletion {
    asOf
    rows {
      ...UnitCompletionFields
    }
    total {
      ...UnitCompletionFields
    }
  }
  ${UNIT_COMPLETION_FIELDS}
`;

interface CompletionData {
  asOf: string;
  rows: UnitCompletionRow[];
  total: UnitCompletionRow;
}

export interface RegionCompletionData {
  region: { code: string; name: string } | null;
  roadmapCompletion: CompletionData | null;
}

export const REGION_COMPLETION: TypedDocumentNode<
  RegionCompletionData,
  { code: string; year: number; asOf: string }
> = gql`
  query RegionRoadmapCompletion($code: String!, $year: Int!, $asOf: String!) {
    region(code: $code) {
      code
      name
    }
    roadmapCompletion(regionCode: $code, academicYear: $year, asOf: $asOf) {
      ...CompletionFields
    }
  }
  ${COMPLETION_FIELDS}
`;

export interface NationalCompletionData {
  roadmapCompletion: CompletionData | null;
}

export const NATIONAL_COMPLETION: TypedDocumentNode<NationalCompletionData, { year: number; asOf: string }> =
  gql`
    query NationalRoadmapCompletion($year: Int!, $asOf: String!) {
      roadmapCompletion(regionCode: null, academicYear: $year, asOf: $asOf) {
        ...CompletionFields
      }
    }
    ${COMPLETION_FIELDS}
  `;

// ── Changes ───────────────────────────────────────────────────────────────────────────────────

type Variables = Record<string, unknown>;

export const CREATE_ROADMAP: TypedDocumentNode<{ createRoadmapFromTemplate: { id: string } }, Variables> =
  gql`
    mutation CreateRoadmap($templateCode: String!, $academicYear: Int!) {
      createRoadmapFromTemplate(input: { templateCode: $templateCode, academicYear: $academicYear }) {
        id
      }
    }
  `;

export const MARK_ITEM: TypedDocumentNode<
  { markRoadmapItem: Pick<RoadmapItem, 'id' | 'status'> },
  Variables
> = gql`
  mutation MarkRoadmapItem($id: ID!, $input: RoadmapItemMarkInput!) {
    markRoadmapItem(id: $id, input: $input) {
      id
      status
    }
  }
`;

export const ADD_ITEM: TypedDocumentNode<{ addRoadmapItem: { id: string } }, Variables> = gql`
  mutation AddRoadmapItem($roadmapId: ID!, $input: RoadmapItemPlanInput!) {
    addRoadmapItem(roadmapId: $roadmapId, input: $input) {
      id
    }
  }
`;

export const UPDATE_ITEM: TypedDocumentNode<{ updateRoadmapItem: { id: string } }, Variables> = gql`
  mutation UpdateRoadmapItem($id: ID!, $input: RoadmapItemPlanInput!) {
    updateRoadmapItem(id: $id, input: $input) {
      id
    }
  }
`;

export const REMOVE_ITEM: TypedDocumentNode<{ removeRoadmapItem: boolean }, Variables> = gql`
  mutation RemoveRoadmapItem($id: ID!) {
    removeRoadmapItem(id: $id)
  }
`;

interface Moved {
  id: string;
  status: RoadmapStatus;
}

/** What a move between agreement states answers with. */
const MOVED_FIELDS = gql`
  fragment MovedRoadmapFields on Roadmap {
    id
    status
  }
`;

export const SUBMIT_ROADMAP: TypedDocumentNode<{ submitRoadmap: Moved }, Variables> = gql`
  mutation SubmitRoadmap($id: ID!) {
    submitRoadmap(id: $id) {
      ...MovedRoadmapFields
    }
  }
  ${MOVED_FIELDS}
`;

export const AGREE_ROADMAP: TypedDocumentNode<{ agreeRoadmap: Moved }, Variables> = gql`
  mutation AgreeRoadmap($id: ID!) {
    agreeRoadmap(id: $id) {
      ...MovedRoadmapFields
    }
  }
  ${MOVED_FIELDS}
`;

export const RETURN_ROADMAP: TypedDocumentNode<{ returnRoadmap: Moved }, Variables> = gql`
  mutation ReturnRoadmap($id: ID!, $comment: String!) {
    returnRoadmap(id: $id, comment: $comment) {
      ...MovedRoadmapFields
    }
  }
  ${MOVED_FIELDS}
`;

export const REOPEN_ROADMAP: TypedDocumentNode<{ reopenRoadmap: Moved }, Variables> = gql`
  mutation ReopenRoadmap($id: ID!) {
    reopenRoadmap(id: $id) {
      ...MovedRoadmapFields
    }
  }
  ${MOVED_FIELDS}
`;

export const IMPORT_ROADMAP: TypedDocumentNode<{ importRoadmap: RoadmapImportReport }, Variables> = gql`
  mutation ImportRoadmap($input: RoadmapImportInput!) {
    importRoadmap(input: $input) {
      applied
      dryRun
      items
      sections
      outcome
      periodFrom
      periodTo
      title
      itemsByStatus {
        status
        items
      }
      problems {
        row
        column
        sheet
        message
      }
      unparsedDeadlines {
        row
        sheet
        wording
        problem
      }
    }
  }
`;
