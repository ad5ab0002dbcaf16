import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { POLICY, type Operation } from './policy.js';

/** Refuses with FORBIDDEN naming the operation only: what it would have touched stays unsaid. */
export const authChecker: AuthChecker<GraphQLContext, Operation> = ({ context }, operations) => {
  const refused = operations.find((operation) => !context.scope.hasAnyRole(POLICY[operation]?.roles ?? []));
  if (refused) {
    throw new GraphQLError(`Недостаточно прав для операции «${POLICY[refused]?.description ?? refused}».`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  return true;
};
