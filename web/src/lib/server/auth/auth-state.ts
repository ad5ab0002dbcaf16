import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { MemorySessionStore } from '../session-store';
import { refreshGrant, type PendingLogin } from './oidc';
import { createSessionManager, type Session } from './sessions';

/**
 * This node's sessions and sign-ins in progress. In memory: one dashboard process holds them, and
 * a restart asks everyone to sign in again (see session-store.ts for running more than one node).
 */
export const sessions = createSessionManager({
  store: new MemorySessionStore<Session>(),
  refresh: refreshGrant,
});

export const pendingLogins = new MemorySessionStore<PendingLogin>();

/** A sign-in has this long between leaving for the identity server and coming back. */
export const PENDING_LOGIN_TTL_MS = 10 * 60_000;

/** Holds the session id only. */
export const SESSION_COOKIE = 'nastavnik_session';
/** Ties a sign-in in progress to the browser that started it (against login CSRF). */
export const LOGIN_COOKIE = 'nastavnik_login';

/**
 * httpOnly (scripts never read it), SameSite=Lax (sent on the identity server's redirect back, not
 * on cross-site POSTs), Secure whenever the dashboard is served over https. No Max-Age: the
 * cookie ends with the browser, the session with its refresh token.
 */
export function cookieOptions(origin: string, path = '/') {
  return { path, httpOnly: true, sameSite: 'lax' as const, secure: origin.startsWith('https:') };
}

export function setSessionCookie(cookies: Cookies, origin: string, session: Session): void {
  cookies.set(SESSION_COOKIE, session.id, cookieOptions(origin));
}

/** Forgets the session for the rest of this request and in the browser. */
export function dropRequestSession(event: RequestEvent, origin: string): void {
  event.cookies.delete(SESSION_COOKIE, cookieOptions(origin));
  event.locals.session = null;
  event.locals.user = null;
}
