import { createDevIdentityServer } from '@nastavnik/dev-identity';
import { createApp } from '@nastavnik/server/app.js';
import { findFreePort } from '@nastavnik/server/db/embedded-postgres.js';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Orm } from '../national/national-database.js';

const REALM_FILE = fileURLToPath(new URL('../../infra/keycloak/realm.json', import.meta.url));

export interface BenchApi {
  url: string;
  /** Access token of the given demo user, as the dashboard would forward it. */
  tokenFor(username: string): Promise<string>;
}

function listen(app: { listen: (port: number, host: string) => Server }, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1');
    server.once('listening', () => resolve(server)).once('error', reject);
  });
}

async function close(server: Server): Promise<void> {
  // fetch keeps connections alive; close them, or close() waits for their idle timeout.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * The real API as it runs in production — bearer tokens verified against the realm's keys —
 * with the dev identity server in this process issuing the tokens.
 */
export async function startBenchApi(
  orm: Orm,
  onExit: (step: () => Promise<unknown>) => void,
): Promise<BenchApi> {
  const identityPort = await findFreePort();
  const identityUrl = `http://127.0.0.1:${identityPort}`;
  const identity = await createDevIdentityServer({
    realmFile: REALM_FILE,
    publicUrl: identityUrl,
    allowPasswordGrant: true,
  });
  const identityServer = await listen(identity.app, identityPort);
  onExit(() => close(identityServer));

  const { app, stop } = await createApp(orm, {
    url: identityUrl,
    realm: 'nastavnik',
    audience: 'nastavnik-api',
  });
  onExit(stop);
  const server = await listen(app, 0);
  onExit(() => close(server));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;

  return {
    url,
    async tokenFor(username) {
      const response = await fetch(`${identityUrl}/realms/nastavnik/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'nastavnik-web',
          client_secret: 'nastavnik-web-dev-secret',
          username,
          password: 'nastavnik',
        }),
      });
      const body = (await response.json()) as { access_token?: string; error_description?: string };
      if (!body.access_token) throw new Error(`Токен не выдан: ${body.error_description}`);
      return body.access_token;
    },
  };
}
