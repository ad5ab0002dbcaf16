import { gql } from '@urql/core';

/**
 * The school in the headings and breadcrumbs of its pages (mentoring, community, roadmap, report):
 * each of their queries asks for it beside the page's own data.
 */
export interface School {
  code: string;
  name: string;
  shortName: string | null;
  municipality: { code: string; name: string };
  region: { code: string; name: string };
}

export const SCHOOL_FIELDS = gql`
  fragment SchoolHeadingFields on Organization {
    code
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
`;
