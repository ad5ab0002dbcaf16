import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Role } from '../modules/access/roles.js';

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface RealmExport {
  realm: string;
  roles: { realm: { name: string }[] };
  clientScopes: { name: string; protocolMappers?: Mapper[] }[];
  defaultDefaultClientScopes: string[];
  clients: {
    clientId: string;
    publicClient?: boolean;
    bearerOnly?: boolean;
    secret?: string;
    standardFlowEnabled?: boolean;
    serviceAccountsEnabled?: boolean;
    directAccessGrantsEnabled?: boolean;
    redirectUris?: string[];
    attributes?: Record<string, string>;
    defaultClientScopes?: string[];
  }[];
  users: {
    username: string;
    realmRoles?: string[];
    attributes?: Record<string, string[]>;
    serviceAccountClientId?: string;
  }[];
  components: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}

const realm = JSON.parse(
  await readFile(new URL('../../../infra/keycloak/realm.json', import.meta.url), 'utf8'),
) as RealmExport;
const SCOPE_ATTRIBUTES = ['region_code', 'municipality_code', 'organization_code'];
const scope = (name: string) => realm.clientScopes.find((s) => s.name === name);
const client = (id: string) => realm.clients.find((c) => c.clientId === id)!;

describe('infra/keycloak/realm.json (importable by Keycloak 26)', () => {
  it('is the nastavnik realm with exactly the roles the API knows', () => {
    expect(realm.realm).toBe('nastavnik');
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual(Object.values(Role).sort());
  });

  it('declares the scope attributes in the user profile (Keycloak 24+ drops undeclared ones)', () => {
    const [profile] = realm.components['org.keycloak.userprofile.UserProfileProvider'];
    expect(profile.providerId).toBe('declarative-user-profile');
    const declared = (
      JSON.parse(profile.config['kc.user.profile.config'][0]) as { attributes: { name: string }[] }
    ).attributes;
    expect(declared.map((a) => a.name)).toEqual(
      expect.arrayContaining(['username', 'email', ...SCOPE_ATTRIBUTES]),
    );
  });

  it('maps every scope attribute and the realm roles into the access token', () => {
    const mappers = realm.clientScopes.flatMap((s) => s.protocolMappers ?? []);
    for (const attribute of SCOPE_ATTRIBUTES) {
      expect(mappers).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-usermodel-attribute-mapper',
          config: expect.objectContaining({
            'user.attribute': attribute,
            'claim.name': attribute,
            'access.token.claim': 'true',
          }),
        }),
      );
    }
    expect(scope('roles')?.protocolMappers).toContainEqual(
      expect.objectContaining({
        protocolMapper: 'oidc-usermodel-realm-role-mapper',
        config: expect.objectContaining({ 'claim.name': 'realm_access.roles' }),
      }),
    );
  });

  it('has the basic scope with the sub mapper, default for every client', () => {
    expect(scope('basic')?.protocolMappers?.map((m) => m.protocolMapper)).toContain('oidc-sub-mapper');
    expect(realm.defaultDefaultClientScopes).toContain('basic');
  });

  it('puts the API client into the audience of tokens for the dashboard and the service account', () => {
    const audienceScope = realm.clientScopes.find((s) =>
      s.protocolMappers?.some(
        (m) =>
          m.protocolMapper === 'oidc-audience-mapper' &&
          m.config['included.client.audience'] === 'nastavnik-api',
      ),
    );
    expect(audienceScope).toBeDefined();
    for (const id of ['nastavnik-web', 'nastavnik-analytics']) {
      expect(client(id).defaultClientScopes).toEqual(
        expect.arrayContaining(['basic', 'roles', 'nastavnik-hierarchy', audienceScope!.name]),
      );
    }
  });

  it('has a confidential dashboard client with code flow and S256 PKCE, no password grant', () => {
    const web = client('nastavnik-web');
    expect(web).toMatchObject({
      publicClient: false,
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
    });
    expect(web.secret).toBeTruthy();
    expect(web.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(web.redirectUris?.length).toBeGreaterThan(0);
    expect(web.attributes?.['post.logout.redirect.uris']).toBeTruthy();
  });

  it('has a bearer-only API client and a scoped service account for the example third-party tool', () => {
    expect(client('nastavnik-api')).toMatchObject({ bearerOnly: true });
    expect(client('nastavnik-analytics')).toMatchObject({
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
    });
    const serviceAccount = realm.users.find((u) => u.serviceAccountClientId === 'nastavnik-analytics');
    expect(serviceAccount?.realmRoles).toEqual(['api-client']);
    expect(serviceAccount?.attributes?.region_code).toEqual(['28']);
  });

  it('has a demo user for every role (the README lists them)', () => {
    const roles = new Set(realm.users.flatMap((u) => u.realmRoles ?? []));
    expect([...roles].sort()).toEqual(Object.values(Role).sort());
  });
});
