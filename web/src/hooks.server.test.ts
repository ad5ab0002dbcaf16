import { isRedirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '$lib/viewer';

// The identity server's refresh grant, replaced: each call issues the next access token.
const refreshGrant = vi.hoisted(() => vi.fn());
vi.mock('$lib/server/auth/oidc', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/auth/oidc')>()),
  refreshGrant,
}));

const { handle, handleFetch } = await import('./hooks.server');
const { sessions, SESSION_COOKIE } = await import('$lib/server/auth/auth-state');
const { tokenSetFrom } = await import('$lib/server/auth/tokens');

const API = 'http://127.0.0.1:4000/graphql';
const VIEWER: Viewer = {
  name: 'Анна Белоглазова',
  username: 'curator.zeya1',
  roles: ['school-curator'],
  scope: { level: 'organization', code: '280001', name: 'МОАУ СОШ № 1' },
};

function cookieJar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const deleted: string[] = [];
  const cookies = {
    get: (name: string) => values.get(name),
    delete: (name: string) => {
      values.delete(name);
      deleted.push(name);
    },
  } as unknown as Cookies;
  return { cookies, deleted };
}

function requestEvent(path: string, cookies: Cookies): RequestEvent {
  return {
    url: new URL(path, 'http://127.0.0.1:3000'),
    cookies,
    fetch: vi.fn(),
    locals: {} as App.Locals,
  } as unknown as RequestEvent;
}

async function signedIn(accessToken = 'access-0', refreshToken = 'refresh-0') {
  return sessions.start(
    VIEWER,
    tokenSetFrom({ access_token: accessToken, refresh_token: refreshToken, expires_in: 300 }, Date.now()),
  );
}

/** A stand-in for the network; handleFetch always passes a Request. */
function fakeFetch(answer: (request: Request) => Response | Promise<Response>) {
  return vi.fn<typeof fetch>(async (input) => answer(input as Request));
}

function sentRequests(fetch: ReturnType<typeof fakeFetch>): Request[] {
  return fetch.mock.calls.map(([input]) => input as Request);
}

function graphqlRequest(url = API): Request {
  return new Request(url, { method: 'POST', body: '{"query":"{ region(code: \\"28\\") { name } }"}' });
}

beforeEach(() => {
  refreshGrant.mockReset();
  refreshGrant.mockImplementation(async () => ({ access_token: 'access-1', expires_in: 300 }));
});

describe('handleFetch', () => {
  it('sends the access token to the API, with the request body intact', async () => {
    const session = await signedIn();
    const event = requestEvent('/organizations/280001', cookieJar().cookies);
    event.locals.session = session;
    const fetch = fakeFetch(async (request) => new Response(await request.text()));

    const response = await handleFetch({ event, request: graphqlRequest(), fetch });

    expect(sentRequests(fetch)[0].headers.get('authorization')).toBe('Bearer access-0');
    expect(await response.text()).toContain('region(code');
  });

  it('sends no token anywhere but the API', async () => {
    const event = requestEvent('/', cookieJar().cookies);
    event.locals.session = await signedIn();
    const fetch = fakeFetch(() => new Response('ok'));

    for (const url of [
      'http://127.0.0.1:4000/health',
      'http://evil.example/graphql',
      'http://127.0.0.1:3000/about',
    ]) {
      await handleFetch({ event, request: new Request(url), fetch });
    }
    expect(sentRequests(fetch).map((request) => request.headers.get('authorization'))).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('answers a 401 from the API with one refresh and one retry with the new token', async () => {
    const session = await signedIn();
    const event = requestEvent('/organizations/280001', cookieJar({ [SESSION_COOKIE]: session.id }).cookies);
    event.locals.session = session;
    const fetch = fakeFetch(async (request) =>
      request.headers.get('authorization') === 'Bearer access-1'
        ? new Response(`retried: ${await request.text()}`)
        : new Response('{"errors":[]}', { status: 401 }),
    );

    const response = await handleFetch({ event, request: graphqlRequest(), fetch });

    expect(refreshGrant).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('retried: {"query"');
    expect(event.locals.session?.tokens.accessToken).toBe('access-1');
  });

  it('ends the session when the refresh after a 401 fails, and passes the 401 on', async () => {
    const session = await signedIn();
    const jar = cookieJar({ [SESSION_COOKIE]: session.id });
    const event = requestEvent('/organizations/280001', jar.cookies);
    event.locals.session = session;
    event.locals.user = session.viewer;
    refreshGrant.mockRejectedValue(new Error('invalid_grant'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetch = fakeFetch(() => new Response('{"errors":[]}', { status: 401 }));

    const response = await handleFetch({ event, request: graphqlRequest(), fetch });

    expect(response.status).toBe(401);
    expect(event.locals.session).toBeNull();
    expect(event.locals.user).toBeNull();
    expect(jar.deleted).toContain(SESSION_COOKIE);
    expect(await sessions.resume(session.id)).toBeNull();
  });
});

describe('handle', () => {
  const resolve = vi.fn(async () => new Response('page'));

  async function redirectOf(event: RequestEvent): Promise<string | undefined> {
    try {
      await handle({ event, resolve });
    } catch (thrown) {
      if (isRedirect(thrown)) return thrown.location;
      throw thrown;
    }
    return undefined;
  }

  it('sends a visitor without a session to sign in, and back to the page afterwards', async () => {
    expect(await redirectOf(requestEvent('/regions/28?q=Зея', cookieJar().cookies))).toBe(
      '/auth/login?returnTo=' + encodeURIComponent('/regions/28?q=%D0%97%D0%B5%D1%8F'),
    );
  });

  it('tells a visitor whose session is gone that it expired, and forgets the cookie', async () => {
    const jar = cookieJar({ [SESSION_COOKIE]: 'unknown' });
    expect(await redirectOf(requestEvent('/organizations/280001', jar.cookies))).toBe(
      '/auth/expired?returnTo=%2Forganizations%2F280001',
    );
    expect(jar.deleted).toEqual([SESSION_COOKIE]);
  });

  it('lets anyone open «О системе» and the sign-in routes', async () => {
    for (const path of ['/about', '/auth/login', '/auth/logged-out']) {
      expect(await redirectOf(requestEvent(path, cookieJar().cookies)), path).toBeUndefined();
    }
  });

  it('serves a signed-in user with their session in locals and keeps the page out of shared caches', async () => {
    const session = await signedIn();
    const event = requestEvent('/organizations/280001', cookieJar({ [SESSION_COOKIE]: session.id }).cookies);
    const response = await handle({ event, resolve });
    expect(event.locals.user).toEqual(VIEWER);
    expect(event.locals.session?.id).toBe(session.id);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});
