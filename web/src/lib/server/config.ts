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
 * Whether a request goes to the GraphQL API (same origin and path as API_URL): the only
 * destination that ever gets the user's access token.
 */
export function isApiRequest(url: string): boolean {
  const api = new URL(apiUrl());
  const target = new URL(url);
  return target.origin === api.origin && target.pathname === api.pathname;
}
