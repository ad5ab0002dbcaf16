/**
 * Where to send the user after signing in. The value comes from the address bar, so it is only
 * ever a path on this site: anything that could leave it (`//host`, `/\host`, `https://…`) or
 * lead back into the sign-in routes falls back to the start page.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters and backslashes are never part of a path this site hands out.
  if ([...raw].some((char) => char <= '\u001f' || char === '\u007f' || char === '\\')) return '/';
  const base = 'http://return-to.invalid';
  let parsed: URL;
  try {
    parsed = new URL(raw, base);
  } catch {
    return '/';
  }
  if (parsed.origin !== base) return '/';
  if (parsed.pathname === '/auth' || parsed.pathname.startsWith('/auth/')) return '/';
  return parsed.pathname + parsed.search + parsed.hash;
}

/** The page's own address, as a return target. */
export function currentPath(url: URL): string {
  return url.pathname + url.search;
}

/** Starts a sign-in that comes back to `returnTo`. */
export function loginPath(returnTo: string): string {
  const target = safeReturnTo(returnTo);
  return target === '/' ? '/auth/login' : `/auth/login?returnTo=${encodeURIComponent(target)}`;
}

/** The «Сеанс истёк» page, offering a sign-in that comes back to `returnTo`. */
export function sessionExpiredPath(returnTo: string): string {
  const target = safeReturnTo(returnTo);
  return target === '/' ? '/auth/expired' : `/auth/expired?returnTo=${encodeURIComponent(target)}`;
}
