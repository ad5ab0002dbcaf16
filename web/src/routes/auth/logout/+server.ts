import { redirect } from '@sveltejs/kit';
import { cookieOptions, SESSION_COOKIE, sessions } from '$lib/server/auth/auth-state';
import { endSessionUrl, publicOrigin } from '$lib/server/auth/oidc';
import type { RequestHandler } from './$types';

/**
 * Signs out (a POST, so no link or prefetch can do it by accident; SvelteKit refuses cross-site
 * form posts): the session ends here first, then at the identity server, which sends the user to
 * the public «Вы вышли» page.
 */
export const POST: RequestHandler = async ({ url, cookies, locals }) => {
  const origin = publicOrigin(url);
  const loggedOut = new URL('/auth/logged-out', origin);
  const ended = locals.session ? await sessions.end(locals.session.id) : null;
  cookies.delete(SESSION_COOKIE, cookieOptions(origin));
  locals.session = null;
  locals.user = null;
  if (!ended) redirect(303, loggedOut.pathname);

  const identityLogout = await endSessionUrl(ended.tokens.idToken, loggedOut).catch((cause: unknown) => {
    // The local session is gone either way; the identity server's one will time out by itself.
    console.error('Выход на сервере входа не выполнен:', cause);
    return null;
  });
  redirect(303, identityLogout?.href ?? loggedOut.pathname);
};
