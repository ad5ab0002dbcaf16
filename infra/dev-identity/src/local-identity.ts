import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDevIdentityServer } from './dev-identity-server.js';
import type { SigningKey } from './signing-key.js';

const DEFAULT_REALM_FILE = fileURLToPath(new URL('../../keycloak/realm.json', import.meta.url));
/** The demo users' password in infra/keycloak/realm.json (README lists them). */
export const DEMO_PASSWORD = 'nastavnik';
/** The confidential client a password grant is requested for: the dashboard's. */
const PASSWORD_GRANT_CLIENT = 'nastavnik-web';

export interface LocalIdentity {
  /** Keycloak's auth-server-url for this server. */
  url: string;
  /** The realm's signing key, for tests that forge tokens the server would never issue. */
  key: SigningKey;
  countJwksRequests(): number;
  /** An access token of a realm user, by the password grant (enabled here for tests and tools). */
  userToken(username: string, password?: string): Promise<string>;
  /** An access token of a service-account client, by client credentials. */
  serviceToken(clientId: string, secret: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The dev identity server on a free loopback port, in this process, for tests and benchmarks:
 * the real realm file, the password grant switched on, tokens fetched over HTTP like any client.
 */
export async function startLocalIdentity(realmFile = DEFAULT_REALM_FILE): Promise<LocalIdentity> {
  // Listen first: the issuer URL inside every token needs the port.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identity = await createDevIdentityServer({ realmFile, publicUrl: url, allowPasswordGrant: true });
  server.on('request', identity.app);

  const requestToken = async (form: Record<string, string>) => {
    const response = await fetch(`${identity.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams(form),
    });
    const body = (await response.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`Токен не выдан: ${body.error_description}`);
    return body.access_token;
  };
  const passwordClient = identity.realm.clients.find((client) => client.clientId === PASSWORD_GRANT_CLIENT);

  return {
    url,
    key: identity.key,
    countJwksRequests: identity.countJwksRequests,
    userToken: (username, password = DEMO_PASSWORD) =>
      requestToken({
        grant_type: 'password',
        client_id: PASSWORD_GRANT_CLIENT,
        client_secret: passwordClient?.secret ?? '',
        username,
        password,
      }),
    serviceToken: (clientId, secret) =>
      requestToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
