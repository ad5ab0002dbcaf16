import { gql, type Client, type TypedDocumentNode } from '@urql/core';
import { displayName } from '$lib/hierarchy';
import type { ViewerScope } from '$lib/viewer';

const REGION_NAME: TypedDocumentNode<{ region: { name: string } | null }, { code: string }> = gql`
  query ViewerRegion($code: String!) {
    region(code: $code) {
      name
    }
  }
`;

const MUNICIPALITY_NAME: TypedDocumentNode<{ municipality: { name: string } | null }, { code: string }> = gql`
  query ViewerMunicipality($code: String!) {
    municipality(code: $code) {
      name
    }
  }
`;

const ORGANIZATION_NAME: TypedDocumentNode<
  { organization: { name: string; shortName: string | null } | null },
  { code: string }
> = gql`
  query ViewerOrganization($code: String!) {
    organization(code: $code) {
      name
      shortName
    }
  }
`;

/**
 * The name of the user's node for the header («МОАУ СОШ № 1», «город Зея»), asked of the API with
 * the user's own token, once per sign-in. Null when the API cannot say: the header then shows the
 * code, and signing in does not fail because of a name.
 */
export async function scopeNodeName(api: Client, scope: ViewerScope): Promise<string | null> {
  if (scope.level === 'federation' || !scope.code) return null;
  const variables = { code: scope.code };
  try {
    switch (scope.level) {
      case 'region':
        return (await api.query(REGION_NAME, variables).toPromise()).data?.region?.name ?? null;
      case 'municipality':
        return (await api.query(MUNICIPALITY_NAME, variables).toPromise()).data?.municipality?.name ?? null;
      case 'organization': {
        const organization = (await api.query(ORGANIZATION_NAME, variables).toPromise()).data?.organization;
        return organization ? displayName(organization) : null;
      }
    }
  } catch (error) {
    console.warn('Название узла пользователя не получено:', error instanceof Error ? error.message : error);
    return null;
  }
}
