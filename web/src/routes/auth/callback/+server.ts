import { error, redirect } from '@sveltejs/kit';
import { LOGIN_COOKIE, pendingLogins, sessions, setSessionCookie } from '$lib/server/auth/auth-state';
import { exchangeCode, publicOrigin } from '$lib/server/auth/oidc';
import { scopeNodeName } from '$lib/server/auth/scope-name';
import { decodeJwtClaims, tokenSetFrom, viewerFromClaims } from '$lib/server/auth/tokens';
import { startPath } from '$lib/viewer';
import type { RequestHandler } from './$types';

const START_OVER = 'Начните вход заново.';

/** The identity server sends the user back here with a code; it becomes a session. */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
  const state = url.searchParams.get('state');
  const pending = state ? await pendingLogins.get(state) : undefined;
  // A sign-in comes back once: the state cannot be replayed.
  if (state) await pendingLogins.delete(state);

  const refused = url.searchParams.get('error');
  if (refused) {
    console.warn('Сервер входа вернул ошибку:', refused, url.searchParams.get('error_description'));
    error(
      400,
      refused === 'access_denied'
        ? `Вход отменён. ${START_OVER}`
        : `Сервер входа отклонил запрос. ${START_OVER}`,
    );
  }
  if (!pending || pending.browserBinding !== cookies.get(LOGIN_COOKIE)) {
    error(400, `Сеанс входа устарел или был начат в другом браузере. ${START_OVER}`);
  }

  const origin = publicOrigin(url);
  const granted = await exchangeCode(origin, url.searchParams, pending).catch((cause: unknown) => {
    console.error('Код авторизации не обменян на токены:', cause);
    error(502, `Не удалось завершить вход: сервер входа его не подтвердил. ${START_OVER}`);
  });
  const outcome = viewerFromClaims(granted.idClaims, decodeJwtClaims(granted.tokens.access_token) ?? {});
  if ('refusal' in outcome) error(403, outcome.refusal);

  // A fresh session id at every sign-in; whatever session this browser had before is ended.
  const previous = locals.session;
  if (previous) await sessions.end(previous.id);
  let session = await sessions.start(outcome.viewer, tokenSetFrom(granted.tokens, Date.now()));
  setSessionCookie(cookies, origin, session);
  locals.session = session;
  locals.user = session.viewer;

  const name = await scopeNodeName(locals.api, session.viewer.scope);
  if (name) {
    session = await sessions.updateViewer(session, {
      ...session.viewer,
      scope: { ...session.viewer.scope, name },
    });
  }
  // A sign-in that asked for no page in particular starts where the user's role works.
  redirect(303, pending.returnTo === '/' ? startPath(session.viewer) : pending.returnTo);
};
