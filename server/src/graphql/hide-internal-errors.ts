import type { GraphQLFormattedError } from 'graphql';

/** Error codes whose messages were written for clients; anything else may carry SQL or stack details. */
const CLIENT_FACING = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FAILED_PRECONDITION',
  'NOT_FOUND',
  'PERIOD_LOCKED',
]);

/** Logs unexpected errors for operators and answers clients without internals. */
export function hideInternalErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_FACING.has(code)) return formatted;
  console.error('Внутренняя ошибка GraphQL:', error);
  return {
    message: 'Внутренняя ошибка сервера. Повторите запрос позже.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
