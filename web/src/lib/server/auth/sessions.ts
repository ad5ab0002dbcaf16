import type { Viewer } from '$lib/viewer';
import { randomKey, type SessionStore } from '../session-store';
import { refreshDue, sessionLifetimeMs, tokenSetFrom, type TokenResponse, type TokenSet } from './tokens';

/** A signed-in user's session: who they are, and the tokens that act for them. Server-side only. */
export interface Session {
  id: string;
  viewer: Viewer;
  tokens: TokenSet;
}

export interface SessionManagerOptions {
  store: SessionStore<Session>;
  /** The refresh token grant; throws when the identity server refuses. */
  refresh: (refreshToken: string) => Promise<TokenResponse>;
  now?: () => number;
}

/**
 * Starts, resumes, refreshes and ends sessions. Refreshing is serialised per session: the
 * requests of one page load (and a browser's parallel requests) share one refresh, which matters
 * when the identity server rotates refresh tokens.
 */
export function createSessionManager({ store, refresh, now = Date.now }: SessionManagerOptions) {
  const refreshing = new Map<string, Promise<Session | null>>();

  async function save(session: Session): Promise<Session> {
    await store.set(session.id, session, sessionLifetimeMs(session.tokens, now()));
    return session;
  }

  /** One refresh at a time per session; a failed refresh ends the session. */
  function refreshOnce(session: Session): Promise<Session | null> {
    const running = refreshing.get(session.id);
    if (running) return running;
    const attempt = (async () => {
      if (!session.tokens.refreshToken) {
        await store.delete(session.id);
        return null;
      }
      try {
        const response = await refresh(session.tokens.refreshToken);
        return await save({ ...session, tokens: tokenSetFrom(response, now(), session.tokens) });
      } catch (error) {
        console.warn('Сеанс завершён: токен не обновлён:', error instanceof Error ? error.message : error);
        await store.delete(session.id);
        return null;
      }
    })().finally(() => refreshing.delete(session.id));
    refreshing.set(session.id, attempt);
    return attempt;
  }

  return {
    async start(viewer: Viewer, tokens: TokenSet): Promise<Session> {
      return save({ id: randomKey(), viewer, tokens });
    },

    /** The session behind a cookie, its access token refreshed if it is about to expire; null if gone. */
    async resume(id: string): Promise<Session | null> {
      const session = await store.get(id);
      if (!session) return null;
      return refreshDue(session.tokens, now()) ? refreshOnce(session) : session;
    },

    /**
     * After the API refused `rejectedAccessToken`: refresh once, unless another request already
     * replaced that token, in which case the newer one is worth a try.
     */
    async refreshAfterRejection(id: string, rejectedAccessToken: string): Promise<Session | null> {
      const session = await store.get(id);
      if (!session) return null;
      if (session.tokens.accessToken !== rejectedAccessToken) return session;
      return refreshOnce(session);
    },

    async updateViewer(session: Session, viewer: Viewer): Promise<Session> {
      return save({ ...session, viewer });
    },

    async end(id: string): Promise<Session | null> {
      const session = (await store.get(id)) ?? null;
      await store.delete(id);
      return session;
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
