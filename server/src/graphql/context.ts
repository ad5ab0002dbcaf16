import type { EntityManager } from '@mikro-orm/postgresql';
import { createHierarchyLoaders, type HierarchyLoaders } from '../modules/hierarchy/hierarchy.loaders.js';
import { PagedLists } from './paged-query.js';

/** Everything one GraphQL request works with; built fresh per request, never shared. */
export interface GraphQLContext {
  em: EntityManager;
  lists: PagedLists;
  hierarchy: HierarchyLoaders;
}

export function createContext(em: EntityManager): GraphQLContext {
  const requestEm = em.fork();
  return {
    em: requestEm,
    lists: new PagedLists(requestEm),
    hierarchy: createHierarchyLoaders(requestEm),
  };
}
