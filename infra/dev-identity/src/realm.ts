import { readFile } from 'node:fs/promises';

/** The parts of a Keycloak realm export that the dev identity server acts on. */
export interface RealmProtocolMapper {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}

export interface RealmClientScope {
  name: string;
  protocolMappers?: RealmProtocolMapper[];
}

export interface RealmClient {
  clientId: string;
  enabled?: boolean;
  publicClient?: boolean;
  bearerOnly?: boolean;
  secret?: string;
  standardFlowEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  redirectUris?: string[];
  attributes?: Record<string, string>;
  defaultClientScopes?: string[];
}

export interface RealmUser {
  username: string;
  enabled?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  attributes?: Record<string, string[]>;
  credentials?: { type: string; value: string }[];
  realmRoles?: string[];
  serviceAccountClientId?: string;
}

export interface Realm {
  realm: string;
  displayName?: string;
  accessTokenLifespan?: number;
  ssoSessionIdleTimeout?: number;
  clientScopes: RealmClientScope[];
  clients: RealmClient[];
  users: RealmUser[];
  roles?: { realm?: { name: string }[] };
}

export async function loadRealm(path: string): Promise<Realm> {
  return JSON.parse(await readFile(path, 'utf8')) as Realm;
}

/** Keycloak's redirect URI patterns: exact, or a trailing `*` wildcard. */
export function matchesRedirectPattern(uri: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern,
  );
}

export function postLogoutRedirectPatterns(client: RealmClient): string[] {
  const configured = client.attributes?.['post.logout.redirect.uris'];
  return configured ? configured.split('##') : [];
}

export type TokenKind = 'access' | 'id' | 'userinfo';

const TOKEN_FLAG: Record<TokenKind, string> = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
};

const USER_PROPERTY: Record<string, (user: RealmUser) => string | undefined> = {
  username: (user) => user.username,
  email: (user) => user.email,
  firstName: (user) => user.firstName,
  lastName: (user) => user.lastName,
};

/** Sets `a.b.c` style claim names the way Keycloak nests them (`realm_access.roles`). */
function setClaim(claims: Record<string, unknown>, name: string, value: unknown) {
  const path = name.split('.');
  let node = claims;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

/**
 * Claims the client's default scopes put into a token of the given kind: the same protocol
 * mappers Keycloak would run, read from the realm file rather than hard-coded here.
 */
export function mappedClaims(
  realm: Realm,
  client: RealmClient,
  user: RealmUser,
  userId: string,
  kind: TokenKind,
): { claims: Record<string, unknown>; audiences: string[] } {
  const claims: Record<string, unknown> = {};
  const audiences: string[] = [];
  const scopes = realm.clientScopes.filter((scope) => client.defaultClientScopes?.includes(scope.name));
  for (const mapper of scopes.flatMap((scope) => scope.protocolMappers ?? [])) {
    const config = mapper.config;
    const applies =
      config[TOKEN_FLAG[kind]] === 'true' || (kind === 'userinfo' && !(TOKEN_FLAG.userinfo in config));
    switch (mapper.protocolMapper) {
      case 'oidc-sub-mapper':
        if (kind !== 'id' && config['access.token.claim'] === 'true') claims.sub = userId;
        break;
      case 'oidc-usermodel-realm-role-mapper':
        if (applies) setClaim(claims, config['claim.name'], [...(user.realmRoles ?? [])]);
        break;
      case 'oidc-usermodel-attribute-mapper': {
        const value = user.attributes?.[config['user.attribute']]?.[0];
        if (applies && value !== undefined) setClaim(claims, config['claim.name'], value);
        break;
      }
      case 'oidc-usermodel-property-mapper': {
        const value = USER_PROPERTY[config['user.attribute']]?.(user);
        if (applies && value !== undefined) setClaim(claims, config['claim.name'], value);
        break;
      }
      case 'oidc-full-name-mapper': {
        const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
        if (applies && name) claims.name = name;
        break;
      }
      case 'oidc-audience-mapper':
        if (kind === 'access' && config['access.token.claim'] === 'true') {
          audiences.push(config['included.client.audience']);
        }
        break;
      // Other mappers (auth_time notes, audience resolve, web origins) add nothing our clients read.
    }
  }
  return { claims, audiences };
}
