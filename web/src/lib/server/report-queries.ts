import { gql, type TypedDocumentNode } from '@urql/core';
import type { UnitLevel } from '$lib/indicators';
import type { ReportCell, ReportFormLayout, ReportStatus, SubmissionRow } from '$lib/reports';
import { SCHOOL_FIELDS, type School } from './school-heading';

/**
 * The operations of the reporting pages, result types written out by hand as in
 * hierarchy-queries.ts. A page asks first for the forms of the year, the caller and its unit
 * (which also tells a foreign unit from an own one), then for the status or report of one form.
 */

interface Named {
  code: string;
  name: string;
}

export interface FormSummary {
  code: string;
  title: string;
  version: number;
  isDefault: boolean;
  note: string | null;
}

export interface CallerData {
  level: 'FEDERATION' | 'REGION' | 'MUNICIPALITY' | 'ORGANIZATION' | null;
  permissions: { operation: string }[];
  region: { code: string } | null;
  municipality: { code: string } | null;
  organization: { code: string } | null;
}

const CONTEXT_FIELDS = gql`
  fragment ReportFormFields on StatisticalForm {
    code
    title
    version
    isDefault
    note
  }

  fragment ReportCallerFields on Me {
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

interface ContextVariables {
  code: string;
  year: number;
  [name: string]: unknown;
}

export const MUNICIPALITY_REPORT_CONTEXT: TypedDocumentNode<
  {
    statisticalForms: FormSummary[];
    me: CallerData;
    municipality:
      | (Named & { region: Named; organizations: { nodes: { code: string; shortName: string | null }[] } })
      | null;
  },
  ContextVariables
> = gql`
  query MunicipalityReportContext($code: String!, $year: Int!) {
    statisticalForms(academicYear: $year) {
      ...ReportFormFields
    }
    me {
      ...ReportCallerFields
    }
    municipality(code: $code) {
      code
      name
      region {
        code
        name
      }
      # Schools go by their short names; the status knows only full ones (500 a page: more than
      # any municipality of the directory has, a school past them keeps its full name).
      organizations(first: 500, orderBy: CODE) {
        nodes {
          code
          shortName
        }
      }
    }
  }
  ${CONTEXT_FIELDS}
`;

export const REGION_REPORT_CONTEXT: TypedDocumentNode<
  { statisticalForms: FormSummary[]; me: CallerData; region: Named | null },
  ContextVariables
> = gql`
  query RegionReportContext($code: String!, $year: Int!) {
    statisticalForms(academicYear: $year) {
      ...ReportFormFields
    }
    me {
      ...ReportCallerFields
    }
    region(code: $code) {
      code
      name
    }
  }
  ${CONTEXT_FIELDS}
`;

export const ORGANIZATION_REPORT_CONTEXT: TypedDocumentNode<
  {
    statisticalForms: FormSummary[];
    me: CallerData;
    organization: School | null;
  },
  ContextVariables
> = gql`
  query OrganizationReportContext($code: String!, $year: Int!) {
    statisticalForms(academicYear: $year) {
      ...ReportFormFields
    }
    me {
      ...ReportCallerFields
    }
    organization(code: $code) {
      ...SchoolHeadingFields
    }
  }
  ${CONTEXT_FIELDS}
  ${SCHOOL_FIELDS}
`;

/** A row as the API sends it: the unit, then its counts. */
interface StatusRowData extends Omit<SubmissionRow, 'code' | 'name'> {
  unit: { code: string | null; name: string };
}

export interface SubmissionStatusData {
  reportSubmissionStatus: {
    formCode: string;
    academicYear: number;
    dueOn: string;
    asOf: string;
    total: StatusRowData;
    children: StatusRowData[];
  };
}

export const SUBMISSION_STATUS: TypedDocumentNode<
  SubmissionStatusData,
  { unit: { level: UnitLevel; code: string }; form: string; year: number; asOf: string }
> = gql`
  query ReportSubmissionStatus($unit: UnitInput!, $form: String!, $year: Int!, $asOf: String) {
    reportSubmissionStatus(unit: $unit, formCode: $form, academicYear: $year, asOf: $asOf) {
      formCode
      academicYear
      dueOn
      asOf
      total {
        ...SubmissionRowFields
      }
      children {
        ...SubmissionRowFields
      }
    }
  }

  fragment SubmissionRowFields on ReportSubmissionRow {
    unit {
      code
      name
    }
    expected
    submitted
    accepted
    approved
    returned
    onTime
    overdue
    status
    submittedAt
    statusComment
  }
`;

export interface StatisticalReportData {
  statisticalReport: {
    form: ReportFormLayout;
    academicYear: number;
    dueOn: string;
    status: ReportStatus | null;
    statusComment: string | null;
    submittedAt: string | null;
    submittedOnTime: boolean | null;
    acceptedAt: string | null;
    approvedAt: string | null;
    locked: boolean | null;
    cells: ReportCell[];
  };
}

export const STATISTICAL_REPORT: TypedDocumentNode<
  StatisticalReportData,
  { code: string; form: string; year: number }
> = gql`
  query OrganizationStatisticalReport($code: String!, $form: String!, $year: Int!) {
    statisticalReport(formCode: $form, unit: { level: ORGANIZATION, code: $code }, academicYear: $year) {
      form {
        code
        title
        version
        note
        sections {
          code
          title
          note
          columns {
            code
            title
          }
          rows {
            code
            title
            cells {
              key
              columnCode
              correctable
            }
          }
        }
      }
      academicYear
      dueOn
      status
      statusComment
      submittedAt
      submittedOnTime
      acceptedAt
      approvedAt
      locked
      cells {
        key
        value
        computedValue
        corrected
        correctedOrganizations
        correctionReason
      }
    }
  }
`;

/** The key of a school's report, as every step takes it. */
export interface ReportKey {
  formCode: string;
  organizationCode: string;
  academicYear: number;
}

type StepResult = { status: ReportStatus | null };

export const SUBMIT_REPORT: TypedDocumentNode<{ submitReport: StepResult }, { report: ReportKey }> = gql`
  mutation SubmitReport($report: ReportKeyInput!) {
    submitReport(report: $report) {
      status
    }
  }
`;

export const ACCEPT_REPORT: TypedDocumentNode<{ acceptReport: StepResult }, { report: ReportKey }> = gql`
  mutation AcceptReport($report: ReportKeyInput!) {
    acceptReport(report: $report) {
      status
    }
  }
`;

export const RETURN_REPORT: TypedDocumentNode<
  { returnReport: StepResult },
  { report: ReportKey; comment: string }
> = gql`
  mutation ReturnReport($report: ReportKeyInput!, $comment: String!) {
    returnReport(report: $report, comment: $comment) {
      status
    }
  }
`;

export const APPROVE_REPORT: TypedDocumentNode<{ approveReport: StepResult }, { report: ReportKey }> = gql`
  mutation ApproveReport($report: ReportKeyInput!) {
    approveReport(report: $report) {
      status
    }
  }
`;

export const UNLOCK_REPORT: TypedDocumentNode<
  { unlockReport: StepResult },
  { report: ReportKey; reason: string }
> = gql`
  mutation UnlockReport($report: ReportKeyInput!, $reason: String!) {
    unlockReport(report: $report, reason: $reason) {
      status
    }
  }
`;

/** A cell corrected by hand with a reason; value null removes the correction. */
export interface ReportCellCorrection extends ReportKey {
  cell: string;
  value: number | null;
  reason: string;
}

/** The cells after the change: the page says what the cell now reads and what was computed. */
export const CORRECT_REPORT_CELL: TypedDocumentNode<
  { correctReportCell: { cells: Pick<ReportCell, 'key' | 'value' | 'computedValue'>[] } },
  { input: ReportCellCorrection }
> = gql`
  mutation CorrectReportCell($input: ReportCellCorrectionInput!) {
    correctReportCell(input: $input) {
      cells {
        key
        value
        computedValue
      }
    }
  }
`;
