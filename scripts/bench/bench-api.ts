import { startLocalIdentity } from '@nastavnik/dev-identity/local-identity';
import { createApp } from '@nastavnik/server/app.js';
import type { OnExit } from '@nastavnik/server/cli/process-lifecycle.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Orm } from '../national/national-database.js';

const REALM_FILE = fileURLToPath(new URL('../../infra/keycloak/realm.json', import.meta.url));

/** A user the benchmark adds to its copy of the realm: the demo users work in demo codes only. */
export interface BenchUser {
  username: string;
  role: 'school-curator' | 'municipal-coordinator' | 'regional-admin';
  regionCode: string;
  municipalityCode?: string;
  organizationCode?: string;
}

/** The realm file with the benchmark's users added, written to a temporary directory. */
async function realmWithUsers(users: BenchUser[], onExit: OnExit): Promise<string> {
  if (users.length === 0) return REALM_FILE;
  const realm = JSON.parse(await readFile(REALM_FILE, 'utf8')) as { users: unknown[] };
  const curator = realm.users.find((user) => (user as { username: string }).username === 'curator.zeya1');
  for (const user of users) {
    const attributes: Record<string, string[]> = { region_code: [user.regionCode] };
    if (user.municipalityCode) attributes.municipality_code = [user.municipalityCode];
    if (user.organizationCode) attributes.organization_code = [user.organizationCode];
    realm.users.push({
      ...(curator as object),
      username: user.username,
      email: `${user.username}@nastavnik.example`,
      attributes,
      realmRoles: [user.role],
    });
  }
  const directory = await mkdtemp(join(tmpdir(), 'nastavnik-bench-realm-'));
  onExit(() => rm(directory, { recursive: true, force: true }));
  const file = join(directory, 'realm.json');
  await writeFile(file, JSON.stringify(realm));
  return file;
}

export interface BenchApi {
  url: string;
  /** Access token of the given demo user, as the dashboard would forward it. */
  tokenFor(username: string): Promise<string>;
}

/**
 * The real API as it runs in production — bearer tokens verified against the realm's keys —
 * with the dev identity server in this process issuing the tokens.
 */
export async function startBenchApi(orm: Orm, onExit: OnExit, users: BenchUser[] = []): Promise<BenchApi> {
  const identity = await startLocalIdentity(await realmWithUsers(users, onExit));
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
