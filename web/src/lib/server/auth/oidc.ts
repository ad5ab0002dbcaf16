import * as client from 'openid-client';
import { env } from '$env/dynamic/private';
import type { TokenResponse } from './tokens';

/**
 * The dashboard as an OpenID Connect client of Keycloak (or of the dev identity server, which
 * serves the same realm with the same URLs). Everything protocol-level — PKCE, state and nonce
 * checks, ID token validation, client authentication — is openid-client's; this file only reads
 * the settings and names the steps.
 */

export interface OidcSettings {
  /** `<KEYCLOAK_URL>/realms/<KEYCLOAK_REALM>`. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
}

/** Read per call, like API_URL, so one build runs against any deployment. */
export function oidcSettings(): OidcSettings {
  const base = (env.KEYCLOAK_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const realm = env.KEYCLOAK_REALM || 'nastavnik';
  return {
    issuer: new URL(`${base}/realms/${encodeURIComponent(realm)}`),
    clientId: env.OIDC_CLIENT_ID || 'nastavnik-web',
    clientSecret: env.OIDC_CLIENT_SECRET || 'nastavnik-web-dev-secret',
  };
}

/** The dashboard's public address: ORIGIN when set (adapter-node reads it too), else the request's. */
export function publicOrigin(requestUrl: URL): string {
  return (env.ORIGIN || requestUrl.origin).replace(/\/+$/, '');
}

export function callbackUrl(origin: string): URL {
  return new URL('/auth/callback', origin);
}

let discovered: { key: string; configuration: Promise<client.Configuration> } | null = null;

/**
 * The identity server's metadata, discovered once and reused. A failed discovery is forgotten, so
 * the next sign-in tries again instead of failing until a restart.
 */
export function oidcConfiguration(): Promise<client.Configuration> {
  const settings = oidcSettings();
  const key = `${settings.issuer.href} ${settings.clientId} ${settings.clientSecret}`;
  if (discovered?.key !== key) {
    const configuration = client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a local identity server; a real Keycloak is reached over https.
        execute: settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        if (discovered?.configuration === configuration) discovered = null;
        throw error;
      });
    discovered = { key, configuration };
  }
  return discovered.configuration;
}

/** What must survive the round trip to the identity server, kept server-side. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** The random value in this browser's sign-in cookie: a callback from another browser is refused. */
  browserBinding: string;
}

/** Authorization code flow with S256 PKCE, a state and a nonce. */
export async function authorizationRequest(
  origin: string,
  pending: Omit<PendingLogin, 'state' | 'nonce' | 'codeVerifier'>,
): Promise<{ url: URL; pending: PendingLogin }> {
  const configuration = await oidcConfiguration();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(origin).href,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: 'ru',
  });
  return { url, pending: { ...pending, state, nonce, codeVerifier } };
}

/** Exchanges the code in the callback's query for tokens, checking state, nonce and PKCE. */
export async function exchangeCode(
  origin: string,
  callbackQuery: URLSearchParams,
  pending: PendingLogin,
): Promise<{ tokens: TokenResponse; idClaims: Record<string, unknown> }> {
  const configuration = await oidcConfiguration();
  // The redirect_uri sent to the token endpoint must be the registered one, whatever address
  // the request reached this server at (behind a proxy, say).
  const current = callbackUrl(origin);
  current.search = callbackQuery.toString();
  const response = await client.authorizationCodeGrant(configuration, current, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  return { tokens: response, idClaims: { ...response.claims() } };
}

export async function refreshGrant(refreshToken: string): Promise<TokenResponse> {
  return client.refreshTokenGrant(await oidcConfiguration(), refreshToken);
}

/** RP-initiated logout: the identity server ends its session too, then sends the user back. */
export async function endSessionUrl(idToken: string | null, postLogoutRedirect: URL): Promise<URL> {
  const configuration = await oidcConfiguration();
  return client.buildEndSessionUrl(configuration, {
    ...(idToken ? { id_token_hint: idToken } : {}),
    client_id: configuration.clientMetadata().client_id,
    post_logout_redirect_uri: postLogoutRedirect.href,
  });
}
