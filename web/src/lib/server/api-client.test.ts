import { isHttpError, isRedirect } from '@sveltejs/kit';
import { gql } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient, mutateApi, queryApi } from './api-client';
import { isApiRequest } from './config';

// The request being served, as SvelteKit's getRequestEvent() would return it.
const requestEvent = vi.hoisted(() => ({
  url: new URL('http://127.0.0.1:3000/regions/28?q=Зея'),
  locals: { session: null as object | null },
}));
vi.mock('$app/server', () => ({ getRequestEvent: () => requestEvent }));

const QUERY = gql<{ region: { name: string } | null }, { code: string }>`
  query Region($code: String!) {
    region(code: $code) {
      name
    }
  }
`;

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function httpStatusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
  } catch (thrown) {
    if (isHttpError(thrown)) return thrown.status;
    throw thrown;
  }
  return undefined;
}

describe('queryApi', () => {
  it('posts the query with its variables through the fetch it was given', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { region: { name: 'Амурская область' } } }));
    const data = await queryApi(createApiClient(fetch), QUERY, { code: '28' });

    expect(data).toEqual({ region: { name: 'Амурская область' } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:4000/graphql');
    // urql defaults to GET; the API is called with POST only.
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body)).variables).toEqual({ code: '28' });
  });

  it('answers 503 when the API cannot be reached', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await httpStatusOf(queryApi(createApiClient(fetch), QUERY, { code: '28' }))).toBe(503);
  });

  it('answers 400 when the API rejects an argument', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        errors: [{ message: 'after: неверный курсор', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    );
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await httpStatusOf(queryApi(createApiClient(fetch), QUERY, { code: '28' }))).toBe(400);
  });

  it('answers 403 when the user’s role may not perform the operation', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        data: null,
        errors: [{ message: 'Операция audit.read запрещена', extensions: { code: 'FORBIDDEN' } }],
      }),
    );
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await httpStatusOf(queryApi(createApiClient(fetch), QUERY, { code: '28' }))).toBe(403);
  });

  it('answers 502 when the API fails otherwise', async () => {
    const fetch = vi.fn(async () => jsonResponse({ errors: [{ message: 'boom' }] }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await httpStatusOf(queryApi(createApiClient(fetch), QUERY, { code: '28' }))).toBe(502);
  });

  it('passes a null result through, for the page to turn into a 404', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { region: null } }));
    expect(await queryApi(createApiClient(fetch), QUERY, { code: '99' })).toEqual({ region: null });
  });
});

describe('queryApi when the API answers 401', () => {
  const unauthorized = () =>
    vi.fn(async () => jsonResponse({ errors: [{ message: 'Требуется вход' }] }, 401));

  it('sends the user to «Сеанс истёк» and back to this page once the session has ended', async () => {
    requestEvent.locals.session = null;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const thrown = await queryApi(createApiClient(unauthorized()), QUERY, { code: '28' }).catch((e) => e);
    expect(isRedirect(thrown) && thrown.location).toBe(
      '/auth/expired?returnTo=' + encodeURIComponent('/regions/28?q=%D0%97%D0%B5%D1%8F'),
    );
  });

  it('shows an error instead of a new sign-in when the API refuses a session that is still alive', async () => {
    requestEvent.locals.session = { id: 'still-signed-in' };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await httpStatusOf(queryApi(createApiClient(unauthorized()), QUERY, { code: '28' }))).toBe(502);
  });
});

const MUTATION = gql<{ markRoadmapItem: { id: string } }, { id: string }>`
  mutation Mark($id: ID!) {
    markRoadmapItem(id: $id, input: { status: DONE }) {
      id
    }
  }
`;

describe('mutateApi', () => {
  it('hands back the API’s answer when the change is made', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { markRoadmapItem: { id: '1' } } }));
    expect(await mutateApi(createApiClient(fetch), MUTATION, { id: '1' })).toEqual({
      ok: true,
      data: { markRoadmapItem: { id: '1' } },
    });
  });

  it('puts a refused field’s message beside that field, without the field name in front', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        data: null,
        errors: [
          {
            message: 'completedAt: дата не может быть в будущем',
            extensions: { code: 'BAD_USER_INPUT', field: 'completedAt' },
          },
        ],
      }),
    );
    expect(await mutateApi(createApiClient(fetch), MUTATION, { id: '1' })).toEqual({
      ok: false,
      fieldErrors: { completedAt: 'дата не может быть в будущем' },
      message: null,
    });
  });

  it('passes the API’s Russian explanation of a refused step on as the message', async () => {
    const reason =
      'Нельзя: дорожная карта сейчас «согласована», а это действие возможно, когда она «черновик».';
    const fetch = vi.fn(async () =>
      jsonResponse({
        data: null,
        errors: [{ message: reason, extensions: { code: 'FAILED_PRECONDITION' } }],
      }),
    );
    expect(await mutateApi(createApiClient(fetch), MUTATION, { id: '1' })).toEqual({
      ok: false,
      fieldErrors: {},
      message: reason,
    });
  });

  it('says in Russian when the API cannot be reached, instead of failing the page', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const outcome = await mutateApi(createApiClient(fetch), MUTATION, { id: '1' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain('временно недоступен');
  });
});

describe('isApiRequest', () => {
  it('matches the API endpoint only, so the token goes nowhere else', () => {
    expect(isApiRequest('http://127.0.0.1:4000/graphql')).toBe(true);
    expect(isApiRequest('http://127.0.0.1:4000/graphql?op=x')).toBe(true);
    expect(isApiRequest('http://127.0.0.1:4000/health')).toBe(false);
    expect(isApiRequest('http://127.0.0.1:4001/graphql')).toBe(false);
    expect(isApiRequest('https://127.0.0.1:4000/graphql')).toBe(false);
    expect(isApiRequest('http://evil.example/graphql')).toBe(false);
  });

  it('also matches the API’s file exports beside the endpoint, and nothing else there', () => {
    expect(isApiRequest('http://127.0.0.1:4000/exports/roadmap-analysis.xlsx?academicYear=2025')).toBe(true);
    expect(isApiRequest('http://127.0.0.1:4000/exportsx/file')).toBe(false);
    expect(isApiRequest('http://evil.example/exports/roadmap-analysis.xlsx')).toBe(false);
  });
});
