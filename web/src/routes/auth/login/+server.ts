import { error, redirect } from '@sveltejs/kit';
import { safeReturnTo } from '$lib/return-to';
import {
  cookieOptions,
  LOGIN_COOKIE,
  PENDING_LOGIN_TTL_MS,
  pendingLogins,
} from '$lib/server/auth/auth-state';
import { authorizationRequest, publicOrigin } from '$lib/server/auth/oidc';
import { randomKey } from '$lib/server/session-store';
import type { RequestHandler } from './$types';

/** Starts a sign-in: remembers the checks and the way back here, then leaves for the identity server. */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
  const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
  if (locals.user) redirect(303, returnTo);

  const origin = publicOrigin(url);
  // Reused across tabs, so two sign-ins started side by side both come back.
  const browserBinding = cookies.get(LOGIN_COOKIE) ?? randomKey();
  const request = await authorizationRequest(origin, { returnTo, browserBinding }).catch((cause: unknown) => {
    console.error('Сервер входа недоступен:', cause);
    error(503, 'Сервис входа временно недоступен. Повторите попытку через несколько минут.');
  });
  await pendingLogins.set(request.pending.state, request.pending, PENDING_LOGIN_TTL_MS);
  cookies.set(LOGIN_COOKIE, browserBinding, {
    ...cookieOptions(origin, '/auth'),
    maxAge: PENDING_LOGIN_TTL_MS / 1000,
  });
  redirect(303, request.url.href);
};
