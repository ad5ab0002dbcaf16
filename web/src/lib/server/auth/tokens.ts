import { isDashboardRole, ROLE_LABELS, ROLE_LEVELS, SCOPE_LEVELS, type Viewer } from '$lib/viewer';

/** A session's tokens, kept on the server only. Times are epoch milliseconds. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** The latest ID token: the end-session request names the session by it. */
  idToken: string | null;
  issuedAt: number;
  expiresAt: number;
  /** When the refresh token stops working; null when the server did not say. */
  refreshExpiresAt: number | null;
}

/** The fields of a token endpoint response that the dashboard keeps. */
export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  /** Keycloak's extension; 0 for offline tokens that never expire on their own. */
  refresh_expires_in?: unknown;
}

/** Used when a token's lifetime cannot be read; short, so such a token gets refreshed early. */
const FALLBACK_ACCESS_LIFETIME_MS = 60_000;
/** Keycloak's default SSO idle timeout, for refresh tokens without an announced expiry. */
const FALLBACK_SESSION_LIFETIME_MS = 30 * 60_000;
/** Refresh no earlier than this before expiry: enough for a slow page's API calls to finish. */
const MAX_REFRESH_LEAD_MS = 30_000;

/**
 * Tokens from a grant response. A refresh response may omit the refresh or ID token (the old ones
 * stay valid then), so they fall back to `previous`.
 */
export function tokenSetFrom(response: TokenResponse, now: number, previous?: TokenSet): TokenSet {
  const expiresIn =
    typeof response.expires_in === 'number' && response.expires_in > 0
      ? response.expires_in * 1000
      : lifetimeFromExp(response.access_token, now);
  const refreshToken = response.refresh_token ?? previous?.refreshToken ?? null;
  const refreshExpiresIn = Number(response.refresh_expires_in);
  return {
    accessToken: response.access_token,
    refreshToken,
    idToken: response.id_token ?? previous?.idToken ?? null,
    issuedAt: now,
    expiresAt: now + expiresIn,
    refreshExpiresAt:
      refreshExpiresIn > 0
        ? now + refreshExpiresIn * 1000
        : response.refresh_token
          ? null
          : (previous?.refreshExpiresAt ?? null),
  };
}

function lifetimeFromExp(accessToken: string, now: number): number {
  const exp = decodeJwtClaims(accessToken)?.exp;
  return typeof exp === 'number' && exp * 1000 > now ? exp * 1000 - now : FALLBACK_ACCESS_LIFETIME_MS;
}

/**
 * Whether to refresh before using the access token: shortly before it expires — 30 s ahead, or a
 * quarter of its lifetime for short-lived tokens, so a 10-second token is not refreshed on every
 * request.
 */
export function refreshDue(tokens: Pick<TokenSet, 'issuedAt' | 'expiresAt'>, now: number): boolean {
  const lead = Math.min(MAX_REFRESH_LEAD_MS, (tokens.expiresAt - tokens.issuedAt) / 4);
  return now >= tokens.expiresAt - lead;
}

/** How long the session may live in the store: as long as it can still be refreshed. */
export function sessionLifetimeMs(tokens: TokenSet, now: number): number {
  if (!tokens.refreshToken) return Math.max(0, tokens.expiresAt - now);
  if (tokens.refreshExpiresAt !== null) return Math.max(0, tokens.refreshExpiresAt - now);
  return FALLBACK_SESSION_LIFETIME_MS;
}

/**
 * The claims of a JWT, without verifying it. Only for tokens the dashboard received from the
 * token endpoint itself (over the back channel, authenticated with its client secret); the API
 * verifies the access token's signature on every call.
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export type ViewerFromClaims = { viewer: Viewer } | { refusal: string };

const CODE_CLAIMS = {
  region: 'region_code',
  municipality: 'municipality_code',
  organization: 'organization_code',
} as const;

const MISSING_NODE = {
  region: 'не указан субъект РФ',
  municipality: 'не указан муниципалитет',
  organization: 'не указана образовательная организация',
} as const;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * The user as the dashboard sees them, from the ID token (name) and the access token (Keycloak
 * puts realm roles there only; the scope claims are in both). Accounts the dashboard is not for —
 * external systems, users without a dashboard role or without the node their role needs — get a
 * refusal in Russian instead.
 */
export function viewerFromClaims(
  idClaims: Record<string, unknown>,
  accessClaims: Record<string, unknown>,
): ViewerFromClaims {
  const claim = (name: string) => text(accessClaims[name]) ?? text(idClaims[name]);
  const realmAccess = accessClaims.realm_access as { roles?: unknown } | undefined;
  const granted = Array.isArray(realmAccess?.roles) ? realmAccess.roles : [];
  const roles = Object.keys(ROLE_LEVELS)
    .filter(isDashboardRole)
    .filter((role) => granted.includes(role))
    .sort((a, b) => SCOPE_LEVELS.indexOf(ROLE_LEVELS[a]) - SCOPE_LEVELS.indexOf(ROLE_LEVELS[b]));
  if (roles.length === 0) {
    return {
      refusal: granted.includes('api-client')
        ? 'Эта учётная запись предназначена для внешних систем и не может входить в дашборд.'
        : 'У учётной записи нет роли для работы в дашборде. Обратитесь к администратору субъекта РФ.',
    };
  }

  const level = ROLE_LEVELS[roles[0]];
  let code: string | null = null;
  if (level !== 'federation') {
    code = claim(CODE_CLAIMS[level]);
    if (!code) {
      return {
        refusal: `В учётной записи ${MISSING_NODE[level]} для роли «${ROLE_LABELS[roles[0]]}». Обратитесь к администратору.`,
      };
    }
  }

  const username = claim('preferred_username') ?? text(idClaims.sub) ?? 'пользователь';
  const fullName =
    claim('name') ?? ([claim('given_name'), claim('family_name')].filter(Boolean).join(' ') || username);
  return { viewer: { name: fullName, username, roles, scope: { level, code, name: null } } };
}
