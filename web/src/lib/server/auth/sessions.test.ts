import { describe, expect, it, vi } from 'vitest';
import type { Viewer } from '$lib/viewer';
import { MemorySessionStore } from '../session-store';
import { createSessionManager, type Session } from './sessions';
import { tokenSetFrom, type TokenResponse } from './tokens';

const VIEWER: Viewer = {
  name: 'Светлана Лысенко',
  username: 'coordinator.zeya',
  roles: ['municipal-coordinator'],
  scope: { level: 'municipality', code: '10712000', name: 'город Зея' },
};

function setup() {
  let clock = Date.UTC(2025, 8, 1, 9, 0, 0);
  const now = () => clock;
  const store = new MemorySessionStore<Session>(now);
  let issued = 0;
  const refresh = vi.fn(async (refreshToken: string): Promise<TokenResponse> => {
    if (refreshToken === 'revoked') throw new Error('invalid_grant');
    issued += 1;
    return {
      access_token: `access-${issued}`,
      refresh_token: `refresh-${issued}`,
      expires_in: 300,
      refresh_expires_in: 1800,
    };
  });
  const sessions = createSessionManager({ store, refresh, now });
  const tokens = (refreshToken = 'refresh-0') =>
    tokenSetFrom(
      {
        access_token: 'access-0',
        refresh_token: refreshToken,
        id_token: 'id-0',
        expires_in: 300,
        refresh_expires_in: 1800,
      },
      clock,
    );
  return { sessions, store, refresh, tokens, advance: (ms: number) => (clock += ms) };
}

describe('session manager', () => {
  it('resumes a session as it was while its access token is fresh', async () => {
    const { sessions, refresh, tokens, advance } = setup();
    const started = await sessions.start(VIEWER, tokens());
    advance(60_000);
    const resumed = await sessions.resume(started.id);
    expect(resumed?.tokens.accessToken).toBe('access-0');
    expect(resumed?.viewer).toEqual(VIEWER);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes shortly before the access token expires and keeps the ID token for sign-out', async () => {
    const { sessions, refresh, tokens, advance } = setup();
    const started = await sessions.start(VIEWER, tokens());
    advance(280_000);
    const resumed = await sessions.resume(started.id);
    expect(refresh).toHaveBeenCalledWith('refresh-0');
    expect(resumed?.tokens.accessToken).toBe('access-1');
    expect(resumed?.tokens.refreshToken).toBe('refresh-1');
    expect(resumed?.tokens.idToken).toBe('id-0');
    expect((await sessions.resume(started.id))?.tokens.accessToken).toBe('access-1');
  });

  it('refreshes once for many parallel requests of one session', async () => {
    const { sessions, refresh, tokens, advance } = setup();
    const started = await sessions.start(VIEWER, tokens());
    advance(295_000);
    const resumed = await Promise.all([1, 2, 3].map(() => sessions.resume(started.id)));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(resumed.map((session) => session?.tokens.accessToken)).toEqual([
      'access-1',
      'access-1',
      'access-1',
    ]);
  });

  it('ends the session when the identity server refuses the refresh', async () => {
    const { sessions, store, tokens, advance } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const started = await sessions.start(VIEWER, tokens('revoked'));
    advance(299_000);
    expect(await sessions.resume(started.id)).toBeNull();
    expect(await store.get(started.id)).toBeUndefined();
  });

  it('forgets a session once its refresh token has expired', async () => {
    const { sessions, tokens, advance } = setup();
    const started = await sessions.start(VIEWER, tokens());
    advance(1_800_001);
    expect(await sessions.resume(started.id)).toBeNull();
  });

  it('after the API refused a token, refreshes once; a token already replaced is not refreshed again', async () => {
    const { sessions, refresh, tokens } = setup();
    const started = await sessions.start(VIEWER, tokens());
    const renewed = await sessions.refreshAfterRejection(started.id, 'access-0');
    expect(renewed?.tokens.accessToken).toBe('access-1');
    // A parallel request that also got a 401 with the old token just takes the new one.
    const again = await sessions.refreshAfterRejection(started.id, 'access-0');
    expect(again?.tokens.accessToken).toBe('access-1');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ends a session for good and hands back its ID token for the identity server', async () => {
    const { sessions, tokens } = setup();
    const started = await sessions.start(VIEWER, tokens());
    expect((await sessions.end(started.id))?.tokens.idToken).toBe('id-0');
    expect(await sessions.resume(started.id)).toBeNull();
  });

  it('gives every session a different, long random id', async () => {
    const { sessions, tokens } = setup();
    const [first, second] = await Promise.all([
      sessions.start(VIEWER, tokens()),
      sessions.start(VIEWER, tokens()),
    ]);
    expect(first.id).not.toBe(second.id);
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
