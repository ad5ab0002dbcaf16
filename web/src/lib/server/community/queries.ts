import { gql, type TypedDocumentNode } from '@urql/core';
import type { Partner, PartnerCounts } from '$lib/community/partners';
import type { Practice, PracticeLevel } from '$lib/community/practices';
import type { PublicationField, RegistryEntry } from '$lib/community/registry';
import type { ConsentStatus } from '$lib/mentoring/labels';
import type { ParticipantPersonal } from '$lib/mentoring/participants';
import type { ConnectionPage } from '../collect-pages';
import { SCHOOL_FIELDS, type School } from '../school-heading';

/**
 * The GraphQL operations of the partners, best practices and mentor registry pages, result types
 * written out by hand as in hierarchy-queries.ts. Partner organisations are organisations: their
 * names are read by every level in scope. Names of people appear only in the registry (as each
 * mentor agreed) and in the curator's own list of mentors to publish (an audited read).
 */

type Input = Record<string, unknown>;

const PARTNER_FIELDS = gql`
  fragment PartnerFields on PartnerOrganization {
    id
    name
    kind
    inn
    contactRole
    mentorCount
    providesMentors
    agreements {
      id
      number
      signedOn
      validFrom
      validTo
      subject
      status
    }
  }
`;

// ── Partners ─────────────────────────────────────────────────────────────────────────────────

export interface PartnersData {
  organization: (School & { partners: Partner[]; partnerCounts: PartnerCounts }) | null;
}

export const SCHOOL_PARTNERS: TypedDocumentNode<PartnersData, { code: string }> = gql`
  query CommunitySchoolPartners($code: String!) {
    organization(code: $code) {
      ...SchoolHeadingFields
      partnerCounts {
        partners
        providingMentors
        withActiveAgreement
      }
      partners {
        ...PartnerFields
      }
    }
  }
  ${SCHOOL_FIELDS}
  ${PARTNER_FIELDS}
`;

export const CREATE_PARTNER: TypedDocumentNode<
  { createPartner: { id: string; name: string } },
  { input: Input }
> = gql`
  mutation CommunityCreatePartner($input: PartnerInput!) {
    createPartner(input: $input) {
      id
      name
    }
  }
`;

export const UPDATE_PARTNER: TypedDocumentNode<
  { updatePartner: { id: string; name: string } },
  { id: string; input: Input }
> = gql`
  mutation CommunityUpdatePartner($id: ID!, $input: PartnerInput!) {
    updatePartner(id: $id, input: $input) {
      id
      name
    }
  }
`;

export const DELETE_PARTNER: TypedDocumentNode<{ deletePartner: boolean }, { id: string }> = gql`
  mutation CommunityDeletePartner($id: ID!) {
    deletePartner(id: $id)
  }
`;

export const ADD_AGREEMENT: TypedDocumentNode<
  { addPartnerAgreement: { id: string; number: string } },
  { partnerId: string; input: Input }
> = gql`
  mutation CommunityAddAgreement($partnerId: ID!, $input: PartnerAgreementInput!) {
    addPartnerAgreement(partnerId: $partnerId, input: $input) {
      id
      number
    }
  }
`;

export const UPDATE_AGREEMENT: TypedDocumentNode<
  { updatePartnerAgreement: { id: string; number: string } },
  { id: string; input: Input }
> = gql`
  mutation CommunityUpdateAgreement($id: ID!, $input: PartnerAgreementInput!) {
    updatePartnerAgreement(id: $id, input: $input) {
      id
      number
    }
  }
`;

export const DELETE_AGREEMENT: TypedDocumentNode<{ deletePartnerAgreement: boolean }, { id: string }> = gql`
  mutation CommunityDeleteAgreement($id: ID!) {
    deletePartnerAgreement(id: $id)
  }
`;

// ── Practices ────────────────────────────────────────────────────────────────────────────────

const PRACTICE_FIELDS = gql`
  fragment PracticeFields on MentoringPractice {
    id
    title
    summary
    form
    stage
    url
    level
    proposed
    publishedAt
    author {
      organizationCode
      organizationName
      municipalityName
    }
  }
`;

/** A page of cases, as every list of them (the school's, the municipality's, the region's) reads it. */
const PRACTICE_PAGE_FIELDS = gql`
  fragment PracticePageFields on MentoringPracticeConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...PracticeFields
    }
  }
  ${PRACTICE_FIELDS}
`;

type PracticePage = ConnectionPage<Practice> & { totalCount: number };

export interface PracticeListVariables {
  code: string;
  level: PracticeLevel | null;
  first: number;
  after: string | null;
}

export const SCHOOL_PRACTICES: TypedDocumentNode<
  { organization: (School & { practices: PracticePage }) | null },
  PracticeListVariables
> = gql`
  query CommunitySchoolPractices($code: String!, $level: PracticeLevel, $first: Int!, $after: String) {
    organization(code: $code) {
      ...SchoolHeadingFields
      practices(level: $level, first: $first, after: $after) {
        ...PracticePageFields
      }
    }
  }
  ${SCHOOL_FIELDS}
  ${PRACTICE_PAGE_FIELDS}
`;

export interface MunicipalityPracticesData {
  municipality: {
    code: string;
    name: string;
    region: { code: string; name: string; practices: PracticePage };
    practices: PracticePage;
  } | null;
}

/** The municipality's cases and, beside them, the cases published for the whole region. */
export const MUNICIPALITY_PRACTICES: TypedDocumentNode<
  MunicipalityPracticesData,
  PracticeListVariables & { regionAfter: string | null }
> = gql`
  query CommunityMunicipalityPractices(
    $code: String!
    $level: PracticeLevel
    $first: Int!
    $after: String
    $regionAfter: String
  ) {
    municipality(code: $code) {
      code
      name
      practices(level: $level, first: $first, after: $after) {
        ...PracticePageFields
      }
      region {
        code
        name
        practices(level: REGION, first: $first, after: $regionAfter) {
          ...PracticePageFields
        }
      }
    }
  }
  ${PRACTICE_PAGE_FIELDS}
`;

export const CREATE_PRACTICE: TypedDocumentNode<
  { createPractice: { id: string; title: string } },
  { input: Input }
> = gql`
  mutation CommunityCreatePractice($input: PracticeInput!) {
    createPractice(input: $input) {
      id
      title
    }
  }
`;

export const UPDATE_PRACTICE: TypedDocumentNode<
  { updatePractice: { id: string; title: string } },
  { id: string; input: Input }
> = gql`
  mutation CommunityUpdatePractice($id: ID!, $input: PracticeInput!) {
    updatePractice(id: $id, input: $input) {
      id
      title
    }
  }
`;

export const DELETE_PRACTICE: TypedDocumentNode<{ deletePractice: boolean }, { id: string }> = gql`
  mutation CommunityDeletePractice($id: ID!) {
    deletePractice(id: $id)
  }
`;

export const PROPOSE_PRACTICE: TypedDocumentNode<
  { proposePractice: { id: string; title: string; proposed: boolean } },
  { id: string; proposed: boolean }
> = gql`
  mutation CommunityProposePractice($id: ID!, $proposed: Boolean!) {
    proposePractice(id: $id, proposed: $proposed) {
      id
      title
      proposed
    }
  }
`;

export const SET_PRACTICE_LEVEL: TypedDocumentNode<
  { setPracticeLevel: { id: string; level: PracticeLevel } | null },
  { id: string; level: PracticeLevel }
> = gql`
  mutation CommunitySetPracticeLevel($id: ID!, $level: PracticeLevel!) {
    setPracticeLevel(id: $id, level: $level) {
      id
      level
    }
  }
`;

// ── Mentor registry ──────────────────────────────────────────────────────────────────────────

export interface RegistryData {
  municipality: { code: string; name: string; region: { code: string; name: string } } | null;
  mentorRegistry: (ConnectionPage<RegistryEntry> & { totalCount: number }) | null;
}

export const MENTOR_REGISTRY: TypedDocumentNode<
  RegistryData,
  { code: string; first: number; after: string | null }
> = gql`
  query CommunityMentorRegistry($code: String!, $first: Int!, $after: String) {
    municipality(code: $code) {
      code
      name
      region {
        code
        name
      }
    }
    mentorRegistry(municipalityCode: $code, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fullName
        competencies
        category
        organizationName
        partnerOrganizationName
        contact
        publishedFields
        publishedSince
      }
    }
  }
`;

export interface OwnMentorSource {
  id: string;
  consentStatus: ConsentStatus;
  personal: Pick<ParticipantPersonal, 'lastName' | 'firstName' | 'middleName' | 'birthDate'> | null;
  publicationConsents: {
    id: string;
    fields: PublicationField[];
    signedOn: string;
    revokedOn: string | null;
  }[];
}

/** The curator's own mentors with their publication consents (names: an audited read). */
export const OWN_MENTORS: TypedDocumentNode<
  { organization: { participants: ConnectionPage<OwnMentorSource> } | null },
  { code: string; first: number; after: string | null }
> = gql`
  query CommunityOwnMentors($code: String!, $first: Int!, $after: String) {
    organization(code: $code) {
      participants(first: $first, after: $after, filter: { role: MENTOR }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          consentStatus
          personal {
            lastName
            firstName
            middleName
            birthDate
          }
          publicationConsents {
            id
            fields
            signedOn
            revokedOn
          }
        }
      }
    }
  }
`;

export const RECORD_PUBLICATION_CONSENT: TypedDocumentNode<
  { recordPublicationConsent: { id: string } },
  { participantId: string; input: Input }
> = gql`
  mutation CommunityRecordPublicationConsent($participantId: ID!, $input: PublicationConsentInput!) {
    recordPublicationConsent(participantId: $participantId, input: $input) {
      id
    }
  }
`;

export const REVOKE_PUBLICATION_CONSENT: TypedDocumentNode<
  { revokePublicationConsent: { id: string; revokedOn: string | null } },
  { id: string; revokedOn: string }
> = gql`
  mutation CommunityRevokePublicationConsent($id: ID!, $revokedOn: String!) {
    revokePublicationConsent(id: $id, revokedOn: $revokedOn) {
      id
      revokedOn
    }
  }
`;

// ── Employer mentors and their partner ───────────────────────────────────────────────────────

export interface EmployerMentorSource {
  id: string;
  partnerOrganization: string | null;
  personal: Pick<ParticipantPersonal, 'lastName' | 'firstName' | 'middleName'> | null;
  partner: { id: string; name: string } | null;
}

/** The school's employer representative mentors (names: an audited read, for its curator only). */
export const EMPLOYER_MENTORS: TypedDocumentNode<
  { organization: { participants: ConnectionPage<EmployerMentorSource> } | null },
  { code: string; first: number; after: string | null }
> = gql`
  query CommunityEmployerMentors($code: String!, $first: Int!, $after: String) {
    organization(code: $code) {
      participants(
        first: $first
        after: $after
        filter: { category: EMPLOYER_REPRESENTATIVE, role: MENTOR }
      ) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          partnerOrganization
          personal {
            lastName
            firstName
            middleName
          }
          partner {
            id
            name
          }
        }
      }
    }
  }
`;

export const LINK_MENTOR: TypedDocumentNode<
  { linkMentorToPartner: { id: string; partner: { name: string } | null } },
  { participantId: string; partnerId: string | null }
> = gql`
  mutation CommunityLinkMentor($participantId: ID!, $partnerId: ID) {
    linkMentorToPartner(participantId: $participantId, partnerId: $partnerId) {
      id
      partner {
        name
      }
    }
  }
`;
