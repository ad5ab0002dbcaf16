import { GraphQLError } from 'graphql';

/** A client mistake: names the argument or field at fault so the caller can fix it. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}
