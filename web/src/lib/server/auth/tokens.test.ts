import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, refreshDue, sessionLifetimeMs, tokenSetFrom, viewerFromClaims } from './tokens';

/** An unsigned JWT with the given claims: enough for code that only reads claims. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

const NOW = Date.UTC(2025, 8, 1, 9, 0, 0);

describe('tokenSetFrom', () => {
  it('turns expires_in and refresh_expires_in into instants', () => {
    const tokens = tokenSetFrom(
      { access_token: 'a', refresh_token: 'r', id_token: 'i', expires_in: 300, refresh_expires_in: 1800 },
      NOW,
    );
    expect(tokens).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      idToken: 'i',
      issuedAt: NOW,
      expiresAt: NOW + 300_000,
      refreshExpiresAt: NOW + 1_800_000,
    });
  });

  it('keeps the old refresh and ID tokens when a refresh response leaves them out', () => {
    const first = tokenSetFrom(
      { access_token: 'a1', refresh_token: 'r1', id_token: 'i1', expires_in: 300, refresh_expires_in: 1800 },
      NOW,
    );
    const second = tokenSetFrom({ access_token: 'a2', expires_in: 300 }, NOW + 290_000, first);
    expect(second.refreshToken).toBe('r1');
    expect(second.idToken).toBe('i1');
    expect(second.refreshExpiresAt).toBe(first.refreshExpiresAt);
    expect(second.expiresAt).toBe(NOW + 590_000);
  });

  it('reads the lifetime from the token when the response does not state it', () => {
    const tokens = tokenSetFrom({ access_token: jwt({ exp: NOW / 1000 + 120 }) }, NOW);
    expect(tokens.expiresAt).toBe(NOW + 120_000);
  });
});

describe('refreshDue', () => {
  const fiveMinutes = { issuedAt: NOW, expiresAt: NOW + 300_000 };

  it('leaves a fresh token alone', () => {
    expect(refreshDue(fiveMinutes, NOW + 60_000)).toBe(false);
    expect(refreshDue(fiveMinutes, NOW + 269_999)).toBe(false);
  });

  it('refreshes 30 seconds before expiry, and after it', () => {
    expect(refreshDue(fiveMinutes, NOW + 270_000)).toBe(true);
    expect(refreshDue(fiveMinutes, NOW + 400_000)).toBe(true);
  });

  it('refreshes a short-lived token only in the last quarter of its life, not on every request', () => {
    const tenSeconds = { issuedAt: NOW, expiresAt: NOW + 10_000 };
    expect(refreshDue(tenSeconds, NOW + 7_000)).toBe(false);
    expect(refreshDue(tenSeconds, NOW + 7_500)).toBe(true);
  });
});

describe('sessionLifetimeMs', () => {
  it('lasts as long as the refresh token', () => {
    const tokens = tokenSetFrom(
      { access_token: 'a', refresh_token: 'r', expires_in: 300, refresh_expires_in: 1800 },
      NOW,
    );
    expect(sessionLifetimeMs(tokens, NOW + 1_000)).toBe(1_799_000);
  });

  it('lasts as long as the access token when there is nothing to refresh with', () => {
    const tokens = tokenSetFrom({ access_token: 'a', expires_in: 300 }, NOW);
    expect(sessionLifetimeMs(tokens, NOW)).toBe(300_000);
  });
});

describe('decodeJwtClaims', () => {
  it('reads the payload and refuses what is not a JWT', () => {
    expect(decodeJwtClaims(jwt({ sub: 'x', region_code: '28' }))).toEqual({ sub: 'x', region_code: '28' });
    expect(decodeJwtClaims('opaque-token')).toBeNull();
    expect(decodeJwtClaims('a.@@@.c')).toBeNull();
  });
});

describe('viewerFromClaims', () => {
  const idClaims = { sub: 'u1', name: 'Анна Белоглазова', preferred_username: 'curator.zeya1' };

  it('reads a school curator: name, roles and their organization as the scope', () => {
    const outcome = viewerFromClaims(idClaims, {
      realm_access: { roles: ['school-curator', 'offline_access', 'default-roles-nastavnik'] },
      region_code: '28',
      municipality_code: '10712000',
      organization_code: '280001',
    });
    expect(outcome).toEqual({
      viewer: {
        name: 'Анна Белоглазова',
        username: 'curator.zeya1',
        roles: ['school-curator'],
        scope: { level: 'organization', code: '280001', name: null },
      },
    });
  });

  it('scopes a user with several roles by the widest one', () => {
    const outcome = viewerFromClaims(idClaims, {
      realm_access: { roles: ['school-curator', 'regional-analyst'] },
      region_code: '52',
      organization_code: '520001',
    });
    expect(outcome).toMatchObject({
      viewer: { roles: ['regional-analyst', 'school-curator'], scope: { level: 'region', code: '52' } },
    });
  });

  it('gives a federal analyst the whole federation', () => {
    const outcome = viewerFromClaims(
      { given_name: 'Ирина', family_name: 'Соколова', preferred_username: 'analyst.rf' },
      {
        realm_access: { roles: ['federal-analyst'] },
      },
    );
    expect(outcome).toMatchObject({
      viewer: { name: 'Ирина Соколова', scope: { level: 'federation', code: null } },
    });
  });

  it('turns away external systems and users without a dashboard role', () => {
    expect(viewerFromClaims(idClaims, { realm_access: { roles: ['api-client'] } })).toEqual({
      refusal: 'Эта учётная запись предназначена для внешних систем и не может входить в дашборд.',
    });
    expect(viewerFromClaims(idClaims, {})).toMatchObject({ refusal: expect.stringContaining('нет роли') });
  });

  it('turns away a scoped role whose node is missing, rather than showing it everything', () => {
    expect(
      viewerFromClaims(idClaims, { realm_access: { roles: ['municipal-coordinator'] }, region_code: '28' }),
    ).toEqual({
      refusal:
        'В учётной записи не указан муниципалитет для роли «куратор муниципалитета». Обратитесь к администратору.',
    });
  });
});
