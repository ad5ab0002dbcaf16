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
