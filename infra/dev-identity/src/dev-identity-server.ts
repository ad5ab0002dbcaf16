import express, { type Request, type Response } from 'express';
import { jwtVerify, SignJWT, createLocalJWKSet, type JWTPayload } from 'jose';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { loginPage } from './login-page.js';
import {
  loadRealm,
  mappedClaims,
  matchesRedirectPattern,
  postLogoutRedirectPatterns,
  type Realm,
  type RealmClient,
  type RealmUser,
} from './realm.js';
import { loadSigningKey, type SigningKey } from './signing-key.js';

export type { SigningKey } from './signing-key.js';

export interface DevIdentityOptions {
  /** Path of infra/keycloak/realm.json (or any Keycloak realm export). */
  realmFile: string;
  /** Base URL clients reach this server at, e.g. http://127.0.0.1:8080 (Keycloak's auth-server-url). */
  publicUrl: string;
  /** Persist the signing key here; otherwise a fresh key per start. */
  keyFile?: string;
  /** Resource-owner password grant, for tests only (Keycloak: directAccessGrantsEnabled). */
  allowPasswordGrant?: boolean;
}

interface PendingLogin {
  client: RealmClient;
  redirectUri: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  scope: string;
}

interface IssuedCode extends PendingLogin {
  user: RealmUser;
  sessionId: string;
  authTime: number;
  expiresAt: number;
}

interface Session {
  user: RealmUser;
  clientId: string;
  authTime: number;
  lastActive: number;
}

const CODE_LIFETIME_S = 60;
const PENDING_LOGIN_LIFETIME_MS = 30 * 60_000;

const now = () => Math.floor(Date.now() / 1000);

/** Stable Keycloak-like UUID for a username, so `sub` survives restarts. */
function userId(user: RealmUser): string {
  const hex = createHash('sha1').update(`nastavnik:${user.username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function oauthError(res: Response, status: number, error: string, description: string) {
  res.status(status).json({ error, error_description: description });
}

/**
 * A stand-in for Keycloak that serves a realm export with Keycloak's URL layout and token
 * shape, so the API and dashboard run unchanged against either. Signing and verification are
 * jose's; this file only decides what goes into the tokens.
 */
export async function createDevIdentityServer(options: DevIdentityOptions) {
  const realm: Realm = await loadRealm(options.realmFile);
  const key: SigningKey = await loadSigningKey(options.keyFile);
  const issuer = `${options.publicUrl.replace(/\/$/, '')}/realms/${realm.realm}`;
  const accessLifetime = realm.accessTokenLifespan ?? 300;
  const sessionIdle = realm.ssoSessionIdleTimeout ?? 1800;
  const localKeys = createLocalJWKSet({ keys: [key.publicJwk] });

  const pendingLogins = new Map<string, PendingLogin & { createdAt: number }>();
  const codes = new Map<string, IssuedCode>();
  const sessions = new Map<string, Session>();

  const findClient = (clientId: unknown) =>
    realm.clients.find((c) => c.clientId === clientId && c.enabled !== false && !c.bearerOnly);
  const findUser = (username: string) =>
    realm.users.find((u) => u.username === username && u.enabled !== false && !u.serviceAccountClientId);

  const sign = (payload: JWTPayload, typ: string, expiresIn: number) =>
    new SignJWT({ ...payload, typ })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime(now() + expiresIn)
      .setJti(randomUUID())
      .sign(key.privateKey);

  /** Access, ID and refresh tokens for one session, shaped like Keycloak's. */
  async function issueTokens(
    client: RealmClient,
    user: RealmUser,
    sessionId: string | null,
    extra: { nonce?: string; scope: string; authTime?: number },
  ) {
    const sub = userId(user);
    const access = mappedClaims(realm, client, user, sub, 'access');
    const common = { azp: client.clientId, scope: extra.scope, ...(sessionId ? { sid: sessionId } : {}) };
    const body: Record<string, unknown> = {
      access_token: await sign(
        {
          ...access.claims,
          ...common,
          ...(access.audiences.length
            ? { aud: access.audiences.length === 1 ? access.audiences[0] : access.audiences }
            : {}),
          ...(extra.authTime ? { auth_time: extra.authTime } : {}),
        },
        'Bearer',
        accessLifetime,
      ),
      expires_in: accessLifetime,
      token_type: 'Bearer',
      scope: extra.scope,
      'not-before-policy': 0,
    };
    if (sessionId) {
      const id = mappedClaims(realm, client, user, sub, 'id');
      body.id_token = await sign(
        {
          ...id.claims,
          ...common,
          sub,
          aud: client.clientId,
          ...(extra.nonce ? { nonce: extra.nonce } : {}),
          auth_time: extra.authTime,
        },
        'ID',
        accessLifetime,
      );
      body.refresh_token = await sign({ sub, ...common, aud: issuer }, 'Refresh', sessionIdle);
      body.refresh_expires_in = sessionIdle;
      body.session_state = sessionId;
    }
    return body;
  }

  /** client_secret_basic or client_secret_post, as Keycloak accepts both. */
  function authenticateClient(req: Request): RealmClient | null {
    let clientId = req.body?.client_id as string | undefined;
    let secret = req.body?.client_secret as string | undefined;
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ')) {
      const [id, pass] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id ?? '');
      secret = decodeURIComponent(pass ?? '');
    }
    const client = findClient(clientId);
    if (!client) return null;
    if (client.publicClient) return client;
    return client.secret && secret && safeEqual(client.secret, secret) ? client : null;
  }

  const app = express();
  app.disable('x-powered-by');
  const router = express.Router();
  router.use(express.urlencoded({ extended: false }));

  router.get('/.well-known/openid-configuration', (_req, res) => {
    const base = `${issuer}/protocol/openid-connect`;
    res.json({
      issuer,
      authorization_endpoint: `${base}/auth`,
      token_endpoint: `${base}/token`,
      userinfo_endpoint: `${base}/userinfo`,
      end_session_endpoint: `${base}/logout`,
      jwks_uri: `${base}/certs`,
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        ...(options.allowPasswordGrant ? ['password'] : []),
      ],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256', 'plain'],
      scopes_supported: ['openid', ...realm.clientScopes.map((s) => s.name)],
      claims_parameter_supported: false,
    });
  });

  let jwksRequests = 0;
  router.get('/protocol/openid-connect/certs', (_req, res) => {
    jwksRequests += 1;
    res.json({ keys: [key.publicJwk] });
  });

  router.get('/protocol/openid-connect/auth', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const client = findClient(q.client_id);
    if (!client || !client.standardFlowEnabled)
      return void res.status(400).send('Неизвестный клиент (client_id).');
    if (!q.redirect_uri || !matchesRedirectPattern(q.redirect_uri, client.redirectUris ?? [])) {
      return void res.status(400).send('Недопустимый адрес возврата (redirect_uri).');
    }
    const back = new URL(q.redirect_uri);
    const fail = (error: string, description: string) => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      if (q.state) back.searchParams.set('state', q.state);
      res.redirect(back.href);
    };
    if (q.response_type !== 'code') return fail('unsupported_response_type', 'Only code flow is supported');
    const requiredMethod = client.attributes?.['pkce.code.challenge.method'];
    if (requiredMethod && (q.code_challenge_method !== requiredMethod || !q.code_challenge)) {
      return fail('invalid_request', `Missing parameter: code_challenge_method ${requiredMethod}`);
    }
    const requestId = randomBytes(16).toString('base64url');
    pendingLogins.set(requestId, {
      client,
      redirectUri: q.redirect_uri,
      state: q.state,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      codeChallengeMethod: q.code_challenge_method,
      scope: q.scope ?? 'openid',
      createdAt: Date.now(),
    });
    res.type('html').send(loginPage({ realmTitle: realm.displayName ?? realm.realm, requestId }));
  });

  router.post('/protocol/openid-connect/auth', (req, res) => {
    const { request_id: requestId, username, password } = req.body as Record<string, string>;
    const pending = pendingLogins.get(requestId);
    if (!pending || Date.now() - pending.createdAt > PENDING_LOGIN_LIFETIME_MS) {
      return void res.status(400).send('Сеанс входа истёк. Вернитесь в приложение и войдите снова.');
    }
    const user = findUser(String(username ?? '').trim());
    const secret = user?.credentials?.find((c) => c.type === 'password')?.value;
    if (!user || !secret || !safeEqual(secret, String(password ?? ''))) {
      return void res
        .status(401)
        .type('html')
        .send(
          loginPage({
            realmTitle: realm.displayName ?? realm.realm,
            requestId,
            username,
            error: 'Неверное имя пользователя или пароль.',
          }),
        );
    }
    pendingLogins.delete(requestId);
    const sessionId = randomUUID();
    const authTime = now();
    sessions.set(sessionId, { user, clientId: pending.client.clientId, authTime, lastActive: authTime });
    const code = randomBytes(32).toString('base64url');
    codes.set(code, { ...pending, user, sessionId, authTime, expiresAt: authTime + CODE_LIFETIME_S });
    const back = new URL(pending.redirectUri);
    back.searchParams.set('code', code);
    if (pending.state) back.searchParams.set('state', pending.state);
    back.searchParams.set('session_state', sessionId);
    back.searchParams.set('iss', issuer);
    res.redirect(back.href);
  });

  router.post('/protocol/openid-connect/token', async (req, res) => {
    const client = authenticateClient(req);
    if (!client)
      return oauthError(res, 401, 'unauthorized_client', 'Invalid client or Invalid client credentials');
    const grantType = req.body?.grant_type as string | undefined;

    if (grantType === 'authorization_code') {
      const issued = codes.get(String(req.body.code));
      codes.delete(String(req.body.code));
      if (!issued || issued.expiresAt < now() || issued.client.clientId !== client.clientId) {
        return oauthError(res, 400, 'invalid_grant', 'Code not valid');
      }
      if (req.body.redirect_uri !== issued.redirectUri)
        return oauthError(res, 400, 'invalid_grant', 'Incorrect redirect_uri');
      if (issued.codeChallenge) {
        const verifier = String(req.body.code_verifier ?? '');
        const computed =
          issued.codeChallengeMethod === 'S256'
            ? createHash('sha256').update(verifier).digest('base64url')
            : verifier;
        if (!verifier || computed !== issued.codeChallenge) {
          return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed: Code mismatch');
        }
      }
      return void res.json(await issueTokens(client, issued.user, issued.sessionId, issued));
    }

    if (grantType === 'refresh_token') {
      try {
        const { payload } = await jwtVerify(String(req.body.refresh_token), localKeys, {
          issuer,
          audience: issuer,
          typ: 'JWT',
        });
        const session = sessions.get(String(payload.sid));
        if (
          payload.typ !== 'Refresh' ||
          payload.azp !== client.clientId ||
          !session ||
          now() - session.lastActive > sessionIdle
        ) {
          throw new Error('session not active');
        }
        session.lastActive = now();
        return void res.json(
          await issueTokens(client, session.user, String(payload.sid), {
            scope: String(payload.scope),
            authTime: session.authTime,
          }),
        );
      } catch {
        return oauthError(res, 400, 'invalid_grant', 'Token is not active');
      }
    }

    if (grantType === 'client_credentials') {
      const serviceAccount = realm.users.find((u) => u.serviceAccountClientId === client.clientId);
      if (!client.serviceAccountsEnabled || !serviceAccount) {
        return oauthError(res, 400, 'unauthorized_client', 'Client not enabled to retrieve service account');
      }
      return void res.json(await issueTokens(client, serviceAccount, null, { scope: 'profile email' }));
    }

    if (grantType === 'password' && options.allowPasswordGrant) {
      const user = findUser(String(req.body.username ?? ''));
      const secret = user?.credentials?.find((c) => c.type === 'password')?.value;
      if (!user || !secret || !safeEqual(secret, String(req.body.password ?? ''))) {
        return oauthError(res, 401, 'invalid_grant', 'Invalid user credentials');
      }
      const sessionId = randomUUID();
      sessions.set(sessionId, { user, clientId: client.clientId, authTime: now(), lastActive: now() });
      return void res.json(
        await issueTokens(client, user, sessionId, { scope: 'openid profile email', authTime: now() }),
      );
    }

    return oauthError(res, 400, 'unsupported_grant_type', `Unsupported grant_type ${grantType ?? ''}`);
  });

  const userinfo = async (req: Request, res: Response) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    try {
      const { payload } = await jwtVerify(String(token), localKeys, { issuer });
      const session = payload.sid ? sessions.get(String(payload.sid)) : undefined;
      const user = session?.user;
      if (payload.typ !== 'Bearer' || !user) throw new Error('inactive');
      const client = findClient(payload.azp)!;
      res.json({ sub: userId(user), ...mappedClaims(realm, client, user, userId(user), 'userinfo').claims });
    } catch {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer error="invalid_token"')
        .json({ error: 'invalid_token' });
    }
  };
  router.get('/protocol/openid-connect/userinfo', userinfo);
  router.post('/protocol/openid-connect/userinfo', userinfo);

  const logout = async (req: Request, res: Response) => {
    const params = {
      ...(req.query as Record<string, string>),
      ...((req.body ?? {}) as Record<string, string>),
    };
    let client = findClient(params.client_id);
    if (params.id_token_hint) {
      try {
        // An expired ID token still identifies the session to end (Keycloak accepts it too).
        const { payload } = await jwtVerify(params.id_token_hint, localKeys, {
          issuer,
          clockTolerance: sessionIdle,
        });
        sessions.delete(String(payload.sid));
        client ??= findClient(payload.azp);
      } catch {
        return void res.status(400).send('Недействительный id_token_hint.');
      }
    }
    const target = params.post_logout_redirect_uri;
    if (target) {
      if (!client || !matchesRedirectPattern(target, postLogoutRedirectPatterns(client))) {
        return void res.status(400).send('Недопустимый адрес возврата после выхода.');
      }
      const back = new URL(target);
      if (params.state) back.searchParams.set('state', params.state);
      return void res.redirect(back.href);
    }
    res
      .type('html')
      .send('<!doctype html><html lang="ru"><meta charset="utf-8"><p>Вы вышли из системы.</p></html>');
  };
  router.get('/protocol/openid-connect/logout', logout);
  router.post('/protocol/openid-connect/logout', logout);

  app.use(`/realms/${realm.realm}`, router);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** How often clients fetched the keys: resource servers should cache them, not ask per request. */
  const countJwksRequests = () => jwksRequests;
  return { app, issuer, realm, key, countJwksRequests };
}
