import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { currentPath, sessionExpiredPath } from '$lib/return-to';
import { apiUrl } from './config';

/**
 * One client per request, built on SvelteKit's `fetch` so that `handleFetch` sees every API
 * call (that is where the user's bearer token will be attached). No cache exchange: a client
 * lives for one request, and the browser never talks to the API.
 */
export function createApiClient(fetch: typeof globalThis.fetch): Client {
  return new Client({
    url: apiUrl(),
    fetch,
    exchanges: [fetchExchange],
    // urql ≥ 5 sends queries as GET by default; the API (and the proxies in front of it) expect POST.
    preferGetMethod: false,
    requestPolicy: 'network-only',
  });
}

/**
 * Runs a query and returns its data, or ends the request with an error page in Russian: the
 * API down (503), a request it rejects as malformed (400), an operation the user's role may not
 * perform (403), anything else it fails on (502). A session the API no longer accepts sends the
 * user to «Сеанс истёк». Queries whose root field cannot be null answer an unknown (or foreign)
 * code with NOT_FOUND instead of null: with `notFound` that is a 404 page saying so.
 */
export async function queryApi<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: { notFound?: string } = {},
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) {
    const codes = result.error.graphQLErrors.map((graphQLError) => graphQLError.extensions?.code);
    if (options.notFound && codes.includes('NOT_FOUND')) error(404, options.notFound);
    console.error('Ошибка запроса к API:', result.error.message);
    if (result.error.response?.status === 401) apiRefusedToken();
    if (codes.includes('BAD_USER_INPUT')) {
      error(400, 'Некорректные параметры запроса. Вернитесь к списку и повторите поиск.');
    }
    if (codes.includes('FORBIDDEN')) {
      error(403, 'Недостаточно прав: этот раздел недоступен для вашей роли.');
    }
    if (result.error.networkError) {
      error(503, 'Сервис данных временно недоступен. Повторите попытку через несколько минут.');
    }
    error(502, 'Сервис данных ответил ошибкой. Повторите попытку позже.');
  }
  if (!result.data) error(502, 'Сервис данных не вернул данных.');
  return result.data;
}

/** What a change came to: the API's answer, or what to tell the user and beside which field. */
export type MutationOutcome<Data> =
  | { ok: true; data: Data }
  | {
      ok: false;
      /** Messages by input field (`completedAt` → «дата не может быть в будущем»). */
      fieldErrors: Record<string, string>;
      /** A message about the whole change («Нельзя: дорожная карта сейчас …»). */
      message: string | null;
    };

/**
 * Runs a mutation for a form action. Unlike `queryApi`, a refusal is not an error page: the
 * API's BAD_USER_INPUT names the field at fault («completedAt: дата …»), which the form shows
 * beside that field; FAILED_PRECONDITION and the rest come back as one Russian sentence.
 */
export async function mutateApi<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<MutationOutcome<Data>> {
  const result = await client.mutation(document, variables).toPromise();
  if (!result.error && result.data) return { ok: true, data: result.data };
  if (result.error?.response?.status === 401) apiRefusedToken();

  const fieldErrors: Record<string, string> = {};
  const messages: string[] = [];
  for (const graphQLError of result.error?.graphQLErrors ?? []) {
    const code = graphQLError.extensions?.code;
    const field = graphQLError.extensions?.field;
    if (code === 'BAD_USER_INPUT' && typeof field === 'string') {
      const prefix = `${field}: `;
      const message = graphQLError.message;
      fieldErrors[field] = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    } else if (code === 'FAILED_PRECONDITION' || code === 'NOT_FOUND') {
      messages.push(graphQLError.message);
    } else if (code === 'FORBIDDEN') {
      messages.push('Недостаточно прав: это действие недоступно для вашей роли.');
    } else {
      console.error('Ошибка изменения в API:', graphQLError.message);
      messages.push('Сервис данных не принял изменение. Проверьте введённые данные и повторите попытку.');
    }
  }
  if (result.error?.networkError) {
    console.error('Ошибка изменения в API:', result.error.message);
    messages.push('Сервис данных временно недоступен. Повторите попытку через несколько минут.');
  }
  if (messages.length === 0 && Object.keys(fieldErrors).length === 0) {
    messages.push('Сервис данных не подтвердил изменение. Обновите страницу и проверьте результат.');
  }
  return { ok: false, fieldErrors, message: messages.length > 0 ? [...new Set(messages)].join(' ') : null };
}

/**
 * The API answered 401 even after `handleFetch` refreshed the token once. If that refresh failed,
 * the session has ended: the user signs in again and comes back to this page. If the API refuses
 * a freshly issued token, signing in again would not help (and with single sign-on would loop),
 * so that is an error page.
 */
export function apiRefusedToken(): never {
  const event = getRequestEvent();
  if (!event.locals.session) redirect(303, sessionExpiredPath(currentPath(event.url)));
  error(502, 'Сервис данных не принял ключ доступа. Повторите попытку позже или войдите снова.');
}
