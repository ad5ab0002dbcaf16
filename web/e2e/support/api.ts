import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';

const REALM_FILE = new URL('../../../infra/keycloak/realm.json', import.meta.url);

/** The realm's example external system: client credentials, role api-client, субъект РФ 28. */
const ANALYTICS_CLIENT = 'nastavnik-analytics';

async function analyticsToken(): Promise<string> {
  const realm = JSON.parse(await readFile(REALM_FILE, 'utf8')) as {
    clients: { clientId: string; secret?: string }[];
  };
  const secret = realm.clients.find((client) => client.clientId === ANALYTICS_CLIENT)?.secret ?? '';
  const response = await fetch(`${inject('issuerUrl')}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ANALYTICS_CLIENT,
      client_secret: secret,
    }),
  });
  const { access_token: accessToken } = (await response.json()) as { access_token?: string };
  if (!accessToken) throw new Error(`Сервер идентификации не выдал токен (${response.status}).`);
  return accessToken;
}

/**
 * Asks the API directly, as a third-party tool within субъект РФ 28 would, so that a scenario can
 * compare what the dashboard shows or exports with the API's own figures.
 */
export async function queryApiAsAnalytics<Data>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  // A fresh token each time: the tests' tokens live 15 seconds.
  const token = analyticsToken();
  const response = await fetch(inject('apiUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(`API ответил ошибкой: ${JSON.stringify(body.errors)}`);
  return body.data;
}
