import type { AuthChecker } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { POLICY, type Operation } from './policy.js';

export const authChecker: AuthChecker<GraphQLContext, Operation> = ({ context }, operations) =>
  operations.every((operation) => context.scope.hasAnyRole(POLICY[operation]?.roles ?? []));
