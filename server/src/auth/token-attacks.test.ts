import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@nastavnik/dev-identity/local-identity';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let api: TestServer;
let validClaims: JWTPayload;

const QUERY = JSON.stringify({ query: '{ regions { code name } }' });

beforeAll(async () => {
  api = await startTestServer();
  await api.orm.em
    .getConnection()
    .execute(`insert into region (code, name) values ('28', 'Амурская область')`);
  const token = await api.tokenFor('analyst.rf');
  validClaims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as JWTPayload;
});
afterAll(() => api.stop());

async function post(authorization?: string) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: QUERY,
  });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: await response.text(),
  };
}

/** A token signed with the realm's real key but with claims changed. */
function signWithRealmKey(changes: JWTPayload, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...validClaims, iat: now, exp: now + 300, ...changes })
    .setProtectedHeader({ alg: 'RS256', kid: api.identityKey.kid, typ: 'JWT', ...header })
    .sign(api.identityKey.privateKey);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function passwordGrantTokens() {
  const response = await fetch(`${api.identityUrl}/realms/nastavnik/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'nastavnik-web',
      client_secret: 'nastavnik-web-dev-secret',
      username: 'analyst.rf',
      password: DEMO_PASSWORD,
    }),
  });
  return (await response.json()) as { id_token: string; refresh_token: string };
}

/** Each attack with the reason the API must give (null: no token at all, so no error code). */
const attacks: [string, () => Promise<string | undefined>, string | null][] = [
  ['no Authorization header', async () => undefined, null],
  [
    'a non-Bearer scheme',
    async () => `Basic ${Buffer.from('analyst.rf:nastavnik').toString('base64')}`,
    'malformed authorization header',
  ],
  ['a malformed token', async () => 'Bearer not.a.jwt', 'malformed token'],
  [
    'an expired token',
    async () => `Bearer ${await signWithRealmKey({ iat: 1_700_000_000, exp: 1_700_000_300 })}`,
    'expired',
  ],
  [
    'a not-yet-valid token (nbf in the future)',
    async () => `Bearer ${await signWithRealmKey({ nbf: Math.floor(Date.now() / 1000) + 3600 })}`,
    'not yet valid',
  ],
  [
    'a token signed by another key under the realm key id',
    async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return `Bearer ${await new SignJWT(validClaims).setProtectedHeader({ alg: 'RS256', kid: api.identityKey.kid }).sign(privateKey)}`;
    },
    'signature',
  ],
  [
    'a token from another issuer',
    async () => `Bearer ${await signWithRealmKey({ iss: 'http://evil.example/realms/nastavnik' })}`,
    'wrong ISS',
  ],
  [
    'a token for another audience',
    async () => `Bearer ${await signWithRealmKey({ aud: 'account' })}`,
    'wrong audience',
  ],
  [
    'a token without audience',
    async () => `Bearer ${await signWithRealmKey({ aud: undefined })}`,
    'wrong audience',
  ],
  [
    'alg: none',
    async () =>
      `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...validClaims, exp: 4_000_000_000 })}.`,
    'unsupported algorithm',
  ],
  [
    'HS256 signed with the public key as the secret',
    async () => {
      const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT', kid: api.identityKey.kid })}.${base64url({ ...validClaims, exp: 4_000_000_000 })}`;
      const secret = JSON.stringify(api.identityKey.publicJwk);
      return `Bearer ${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    },
    'unsupported algorithm',
  ],
  [
    'an ID token used as bearer',
    async () => `Bearer ${(await passwordGrantTokens()).id_token}`,
    'wrong type',
  ],
  [
    'a refresh token used as bearer',
    async () => `Bearer ${(await passwordGrantTokens()).refresh_token}`,
    'wrong type',
  ],
  [
    'a token with typ changed to ID',
    async () => `Bearer ${await signWithRealmKey({ typ: 'ID' })}`,
    'wrong type',
  ],
];

describe('bearer token verification', () => {
  it('accepts a token the realm issued', async () => {
    const { status, body } = await post(`Bearer ${await api.tokenFor('analyst.rf')}`);
    expect(status).toBe(200);
    expect(body).toContain('Амурская область');
  });

  it.each(attacks)(
    'answers 401 with WWW-Authenticate and no data to %s',
    async (_name, authorization, reason) => {
      const { status, challenge, body } = await post(await authorization());
      expect(status).toBe(401);
      expect(challenge).toMatch(/^Bearer realm="nastavnik"/);
      if (reason) expect(challenge).toContain(reason);
      else expect(challenge).not.toContain('error=');
      expect(body).not.toContain('Амурская');
      expect(JSON.parse(body)).not.toHaveProperty('data');
    },
  );

  it('does not fetch the realm keys on every request with an unknown key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const unknownKid = await new SignJWT(validClaims)
      .setProtectedHeader({ alg: 'RS256', kid: 'unknown-key' })
      .sign(privateKey);
    const before = api.jwksRequests();
    for (let i = 0; i < 10; i++) expect((await post(`Bearer ${unknownKid}`)).status).toBe(401);
    expect(api.jwksRequests() - before).toBeLessThanOrEqual(1);
  });

  it('refuses a token it accepted before once the token has expired', async () => {
    const shortLived = await signWithRealmKey({ exp: Math.floor(Date.now() / 1000) + 2 });
    expect((await post(`Bearer ${shortLived}`)).status).toBe(200);
    // Verified tokens are remembered, but only until their expiry.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const { status, challenge } = await post(`Bearer ${shortLived}`);
    expect(status).toBe(401);
    expect(challenge).toMatch(/^Bearer realm="nastavnik"/);
  });
});
