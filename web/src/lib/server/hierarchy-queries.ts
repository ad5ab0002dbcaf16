import { gql, type TypedDocumentNode } from '@urql/core';
import type { OrganizationRow } from '$lib/hierarchy';
import type { ConnectionPage } from './collect-pages';

/**
 * The GraphQL operations of the hierarchy pages, with their result types written out by hand
 * (a handful of small queries does not yet justify a code generator). Lists are requested in
 * code order: the dashboard re-sorts them anyway, and a stable order keeps cursors cheap.
 */

/** A page of the list under one unit (`code`): a region's municipalities, a municipality's schools. */
interface ChildPageVariables {
  code: string;
  first: number;
  after?: string | null;
  search?: string | null;
  [name: string]: unknown;
}

interface Count {
  totalCount: number;
}

/** What `collectPages` follows from one page of a connection to the next (`ConnectionPage`). */
const PAGE_INFO = gql`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`;

/** An organization as the dashboard's tables and card show it (`OrganizationRow`). */
const ORGANIZATION_FIELDS = gql`
  fragment OrganizationFields on Organization {
    code
    name
    shortName
    kind
    inn
    address
  }
`;

export interface RegionsData {
  regions: { code: string; name: string; municipalities: Count; organizations: Count }[];
}

/** The regions are few (89), so the API returns them whole; `first: 0` asks for counts only. */
export const REGIONS: TypedDocumentNode<RegionsData, { search: string | null }> = gql`
  query Regions($search: String) {
    regions(search: $search, orderBy: CODE) {
      code
      name
      municipalities(first: 0) {
        totalCount
      }
      organizations(first: 0) {
        totalCount
      }
    }
  }
`;

export interface RegionMunicipalitiesData {
  region: {
    code: string;
    name: string;
    allMunicipalities: Count;
    organizations: Count;
    municipalities: ConnectionPage<{ code: string; name: string; kind: string; organizations: Count }>;
  } | null;
}

export const REGION_MUNICIPALITIES: TypedDocumentNode<RegionMunicipalitiesData, ChildPageVariables> = gql`
  query RegionMunicipalities($code: String!, $first: Int!, $after: String, $search: String) {
    region(code: $code) {
      code
      name
      allMunicipalities: municipalities(first: 0) {
        totalCount
      }
      organizations(first: 0) {
        totalCount
      }
      municipalities(first: $first, after: $after, search: $search, orderBy: CODE) {
        pageInfo {
          ...PageInfoFields
        }
        nodes {
          code
          name
          kind
          organizations(first: 0) {
            totalCount
          }
        }
      }
    }
  }
  ${PAGE_INFO}
`;

export interface MunicipalityOrganizationsData {
  municipality: {
    code: string;
    name: string;
    kind: string;
    region: { code: string; name: string };
    allOrganizations: Count;
    organizations: ConnectionPage<OrganizationRow>;
  } | null;
}

export const MUNICIPALITY_ORGANIZATIONS: TypedDocumentNode<
  MunicipalityOrganizationsData,
  ChildPageVariables
> = gql`
  query MunicipalityOrganizations($code: String!, $first: Int!, $after: String, $search: String) {
    municipality(code: $code) {
      code
      name
      kind
      region {
        code
        name
      }
      allOrganizations: organizations(first: 0) {
        totalCount
      }
      organizations(first: $first, after: $after, search: $search, orderBy: CODE) {
        pageInfo {
          ...PageInfoFields
        }
        nodes {
          ...OrganizationFields
        }
      }
    }
  }
  ${PAGE_INFO}
  ${ORGANIZATION_FIELDS}
`;

export interface OrganizationCardData {
  organization:
    | (OrganizationRow & {
        municipality: { code: string; name: string; kind: string };
        region: { code: string; name: string };
      })
    | null;
}

export const ORGANIZATION_CARD: TypedDocumentNode<OrganizationCardData, { code: string }> = gql`
  query OrganizationCard($code: String!) {
    organization(code: $code) {
      ...OrganizationFields
      municipality {
        code
        name
        kind
      }
      region {
        code
        name
      }
    }
  }
  ${ORGANIZATION_FIELDS}
`;
