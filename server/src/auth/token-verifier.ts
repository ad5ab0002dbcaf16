import { decodeJwt, decodeProtectedHeader } from 'jose';
import Keycloak from 'keycloak-connect';

export interface KeycloakSettings {
  /** Keycloak's base URL (auth-server-url), e.g. https://sso.example.ru or the dev identity server. */
  url: string;
  realm: string;
  /** The API's client id; access tokens must name it in `aud`. */
  audience: string;
}

/** The claims this API reads from a verified Keycloak access token. */
export interface AccessTokenClaims {
  sub?: string;
  azp?: string;
  preferred_username?: string;
  name?: string;
  realm_access?: { roles?: string[] };
  region_code?: string;
  municipality_code?: string;
  organization_code?: string;
}

export class InvalidTokenError extends Error {}

/** Tolerated clock difference between this server and Keycloak. */
const CLOCK_SKEW_S = 30;

/** Verified tokens remembered at most; a dashboard session reuses one token for minutes. */
const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Verifies bearer tokens with keycloak-connect (signature by the realm's JWKS, expiry, issuer,
 * `typ: Bearer`, audience). It is deprecated upstream, which is why it is imported nowhere else.
 * Two checks it lacks are added here: the header must say RS256 and the token must already be valid.
 */
export function createTokenVerifier(settings: KeycloakSettings) {
  const keycloak = new Keycloak({}, {
    realm: settings.realm,
    'auth-server-url': settings.url,
    resource: settings.audience,
    'bearer-only': true,
    'verify-token-audience': true,
    'ssl-required': 'external',
    'confidential-port': 0,
    // Unknown key ids refetch the JWKS at most this often, not on every request.
    'min-time-between-jwks-requests': 10,
  } as unknown as Keycloak.KeycloakConfig);

  // Checking the signature is the costliest step of a small request: a token that passed every
  // check is taken as verified again until it expires (nothing about it can change before).
  const verified = new Map<string, { claims: AccessTokenClaims; expiresAt: number }>();

  return async function verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now() / 1000) return known.claims;
    if (known) verified.delete(token);
    let claims: AccessTokenClaims & { nbf?: number; iat?: number; exp?: number };
    try {
      if (decodeProtectedHeader(token).alg !== 'RS256') throw new InvalidTokenError('unsupported algorithm');
      claims = decodeJwt(token);
    } catch (error) {
      throw error instanceof InvalidTokenError ? error : new InvalidTokenError('malformed token');
    }
    const now = Date.now() / 1000;
    if ((claims.nbf ?? 0) > now + CLOCK_SKEW_S || (claims.iat ?? 0) > now + CLOCK_SKEW_S) {
      throw new InvalidTokenError('token not yet valid');
    }
    try {
      await keycloak.grantManager.createGrant({ access_token: token } as never);
    } catch (error) {
      const reason =
        error instanceof Error ? error.message.replace(/^Grant validation failed\. Reason: /, '') : '';
      throw new InvalidTokenError(reason || 'invalid token');
    }
    if (claims.exp !== undefined) {
      if (verified.size >= VERIFIED_TOKENS_MAX) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, expiresAt: claims.exp });
    }
    return claims;
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
