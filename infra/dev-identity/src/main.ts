import { fileURLToPath } from 'node:url';
import { createDevIdentityServer } from './dev-identity-server.js';

const port = Number(process.env.IDENTITY_PORT ?? 8080);
const host = process.env.IDENTITY_HOST ?? '127.0.0.1';
const realmFile =
  process.env.REALM_FILE ?? fileURLToPath(new URL('../../keycloak/realm.json', import.meta.url));

const { app, issuer } = await createDevIdentityServer({
  realmFile,
  publicUrl: process.env.IDENTITY_PUBLIC_URL ?? `http://${host}:${port}`,
  keyFile: process.env.IDENTITY_KEY_FILE,
  allowPasswordGrant: process.env.IDENTITY_ALLOW_PASSWORD_GRANT === '1',
});
const server = app.listen(port, host, () => console.log(`Сервер идентификации (dev): ${issuer}`));
server.once('error', (error) => {
  console.error('Сервер идентификации не запущен:', error.message);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
