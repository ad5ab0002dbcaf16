import { gql, type TypedDocumentNode } from '@urql/core';
import type { IndicatorRollup, UnitLevel } from '$lib/indicators';

/**
 * The operations of the indicators pages, result types written out by hand as in
 * hierarchy-queries.ts. A page is one request: the rollup of its unit (values, children, trend)
 * and, in the same document, the names of the units above it for the breadcrumbs. Children ask
 * only for what the table, the chart and the export use, and only for the indicators they show
 * (`$codes`): the country has 89 regions, a municipality may have hundreds of schools, times
 * every indicator.
 */

const ROLLUP_FIELDS = gql`
  fragment IndicatorRollupFields on IndicatorRollup {
    unit {
      level
      code
      name
    }
    academicYear
    on
    values {
      code
      name
      unit
      numerator
      denominator
      value
      target
      gap
      complete
      reportedOrganizations
      organizations
    }
    children(codes: $codes) {
      unit {
        level
        code
        name
      }
      values {
        code
        numerator
        denominator
        value
        target
        gap
        complete
      }
    }
    trend {
      academicYear
      values {
        code
        value
      }
    }
  }
`;

export interface RollupVariables {
  unit: { level: UnitLevel; code?: string | null };
  year: number;
  on: string | null;
  /** The indicators of the children's rows; null for all of them. */
  codes: string[] | null;
  [name: string]: unknown;
}

export interface Named {
  code: string;
  name: string;
}

export const FEDERATION_ROLLUP: TypedDocumentNode<{ indicatorRollup: IndicatorRollup }, RollupVariables> =
  gql`
    query FederationIndicators($unit: UnitInput!, $year: Int!, $on: Date, $codes: [String!]) {
      indicatorRollup(unit: $unit, academicYear: $year, on: $on) {
        ...IndicatorRollupFields
      }
    }
    ${ROLLUP_FIELDS}
  `;

/** A region's page names nothing above it but the federation. */
export const REGION_ROLLUP = FEDERATION_ROLLUP;

/**
 * A municipality's schools are named by their short names, as everywhere else on the dashboard;
 * the rollup knows only full ones. The API gives 500 organisations a page, more than any
 * municipality of the directory has; a school past them keeps its full name.
 */
export const MUNICIPALITY_ROLLUP: TypedDocumentNode<
  {
    indicatorRollup: IndicatorRollup;
    municipality: {
      region: Named;
      organizations: { nodes: { code: string; shortName: string | null }[] };
    } | null;
  },
  RollupVariables & { code: string }
> = gql`
  query MunicipalityIndicators($unit: UnitInput!, $year: Int!, $on: Date, $codes: [String!], $code: String!) {
    indicatorRollup(unit: $unit, academicYear: $year, on: $on) {
      ...IndicatorRollupFields
    }
    municipality(code: $code) {
      region {
        code
        name
      }
      organizations(first: 500, orderBy: CODE) {
        nodes {
          code
          shortName
        }
      }
    }
  }
  ${ROLLUP_FIELDS}
`;

export const ORGANIZATION_ROLLUP: TypedDocumentNode<
  {
    indicatorRollup: IndicatorRollup;
    organization: { name: string; shortName: string | null; municipality: Named; region: Named } | null;
  },
  RollupVariables & { code: string }
> = gql`
  query OrganizationIndicators($unit: UnitInput!, $year: Int!, $on: Date, $codes: [String!], $code: String!) {
    indicatorRollup(unit: $unit, academicYear: $year, on: $on) {
      ...IndicatorRollupFields
    }
    organization(code: $code) {
      name
      shortName
      municipality {
        code
        name
      }
      region {
        code
        name
      }
    }
  }
  ${ROLLUP_FIELDS}
`;
