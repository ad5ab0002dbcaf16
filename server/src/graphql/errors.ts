import { GraphQLError } from 'graphql';

/** A client mistake: names the argument or field at fault so the caller can fix it. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/** The request is well-formed but the object is in a state that forbids it (e.g. an agreed roadmap). */
export function refused(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FAILED_PRECONDITION' } });
}

/** The object does not exist or lies outside the caller's scope; both answer the same. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * The write would change figures of an organisation-year whose report the region has approved and
 * locked; it is refused until the region unlocks the period.
 */
export function periodLocked(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'PERIOD_LOCKED' } });
}
