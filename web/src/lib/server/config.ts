import { env } from '$env/dynamic/private';

/** Where the GraphQL API listens; read per request so one build runs against any deployment. */
export function apiUrl(): string {
  return env.API_URL || 'http://127.0.0.1:4000/graphql';
}

const DEFAULT_PAGE_SIZE = 50;

/** Rows per «Показать ещё» step. Configurable so tests can page through the small demo directory. */
export function listPageSize(): number {
  const configured = Number.parseInt(env.LIST_PAGE_SIZE ?? '', 10);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_PAGE_SIZE;
}

/** The API's own ceiling on `first`. */
export const API_PAGE_SIZE = 500;

/**
 * A file the API exports (`GET <API base>/exports/roadmap-analysis.xlsx`), beside the GraphQL
 * endpoint: `http://api/graphql` → `http://api/exports/…`.
 */
export function apiExportUrl(name: string): URL {
  return new URL(`exports/${name}`, apiUrl());
}

/**
 * Whether a request goes to the API — its GraphQL endpoint (same origin and path as API_URL) or
 * one of its file exports beside it: the only destinations that ever get the user's access token.
 */
export function isApiRequest(url: string): boolean {
  const api = new URL(apiUrl());
  const target = new URL(url);
  if (target.origin !== api.origin) return false;
  return target.pathname === api.pathname || target.pathname.startsWith(apiExportUrl('').pathname);
}
