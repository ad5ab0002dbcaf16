import { redirect, type Handle, type HandleFetch, type HandleServerError } from '@sveltejs/kit';
import { currentPath, loginPath, sessionExpiredPath } from '$lib/return-to';
import { createApiClient } from '$lib/server/api-client';
import { dropRequestSession, SESSION_COOKIE, sessions } from '$lib/server/auth/auth-state';
import { publicOrigin } from '$lib/server/auth/oidc';
import { isApiRequest } from '$lib/server/config';

/** Pages anyone may open: the sign-in routes themselves and «О системе». */
function isPublicPath(pathname: string): boolean {
  return pathname === '/about' || pathname === '/auth' || pathname.startsWith('/auth/');
}

export const handle: Handle = async ({ event, resolve }) => {
  // One GraphQL client per request, on the request's own fetch (see api-client.ts).
  event.locals.api = createApiClient(event.fetch);

  const sessionId = event.cookies.get(SESSION_COOKIE);
  // Refreshes the access token here when it is about to expire, before any load uses it.
  const session = sessionId ? await sessions.resume(sessionId) : null;
  event.locals.session = session;
  event.locals.user = session?.viewer ?? null;
  if (sessionId && !session) dropRequestSession(event, publicOrigin(event.url));

  if (!session && !isPublicPath(event.url.pathname)) {
    // For client-side navigations too: SvelteKit turns this into a redirect of the data request.
    const back = currentPath(event.url);
    redirect(303, sessionId ? sessionExpiredPath(back) : loginPath(back));
  }

  const response = await resolve(event);
  // Pages of a signed-in user hold data of their scope: no shared caches, no back-button copies after sign-out.
  if (session && !response.headers.has('cache-control')) {
    response.headers.set('cache-control', 'private, no-store');
  }
  return response;
};

/**
 * The user's access token goes to the API and nowhere else, from this server only. A 401 from
 * the API gets one refresh and one retry; if the refresh fails the session is over, and the load
 * that asked sends the user to «Сеанс истёк» (see api-client.ts).
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const session = event.locals.session;
  if (!session || !isApiRequest(request.url)) return fetch(request);

  // Kept before sending: a request's body can be read only once.
  const retry = request.clone();
  request.headers.set('authorization', `Bearer ${session.tokens.accessToken}`);
  const response = await fetch(request);
  if (response.status !== 401) return response;

  const renewed = await sessions.refreshAfterRejection(session.id, session.tokens.accessToken);
  if (!renewed) {
    dropRequestSession(event, publicOrigin(event.url));
    return response;
  }
  event.locals.session = renewed;
  retry.headers.set('authorization', `Bearer ${renewed.tokens.accessToken}`);
  return fetch(retry);
};

export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status === 404)
    return { message: 'Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.' };
  // The details go to the server log only; the user gets a Russian sentence, never a stack trace.
  console.error(error);
  return { message: status >= 500 ? 'Внутренняя ошибка сервиса. Повторите попытку позже.' : message };
};
