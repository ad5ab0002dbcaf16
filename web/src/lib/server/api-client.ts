import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { error } from '@sveltejs/kit';
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
 * API down (503), a request it rejects as malformed (400), anything else it fails on (502).
 */
export async function queryApi<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) {
    console.error('Ошибка запроса к API:', result.error.message);
    if (
      result.error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === 'BAD_USER_INPUT')
    ) {
      error(400, 'Некорректные параметры запроса. Вернитесь к списку и повторите поиск.');
    }
    if (result.error.networkError) {
      error(503, 'Сервис данных временно недоступен. Повторите попытку через несколько минут.');
    }
    error(502, 'Сервис данных ответил ошибкой. Повторите попытку позже.');
  }
  if (!result.data) error(502, 'Сервис данных не вернул данных.');
  return result.data;
}
