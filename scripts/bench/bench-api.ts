import { startLocalIdentity } from '@nastavnik/dev-identity/local-identity';
import { createApp } from '@nastavnik/server/app.js';
import type { OnExit } from '@nastavnik/server/cli/process-lifecycle.js';
import type { Server } from 'node:http';
import type { Orm } from '../national/national-database.js';

export interface BenchApi {
  url: string;
  /** Access token of the given demo user, as the dashboard would forward it. */
  tokenFor(username: string): Promise<string>;
}

/**
 * The real API as it runs in production — bearer tokens verified against the realm's keys —
 * with the dev identity server in this process issuing the tokens.
 */
export async function startBenchApi(orm: Orm, onExit: OnExit): Promise<BenchApi> {
  const identity = await startLocalIdentity();
  onExit(identity.close);

  const { app, stop } = await createApp(orm, {
    url: identity.url,
    realm: 'nastavnik',
    audience: 'nastavnik-api',
  });
  onExit(stop);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening)).once('error', reject);
  });
  onExit(async () => {
    // fetch keeps connections alive; close them, or close() waits for their idle timeout.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  return { url, tokenFor: (username) => identity.userToken(username) };
}
