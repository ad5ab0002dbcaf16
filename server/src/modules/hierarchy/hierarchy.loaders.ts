import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../graphql/by-id-loader.js';
import { Municipality } from './municipality.entity.js';
import { Organization } from './organization.entity.js';
import { Region } from './region.entity.js';

/**
 * Parents by id. Callers pass only ids they reached through scoped queries (a visible row's
 * parent, the caller's own scope node), so these loaders need no scope predicate of their own.
 */
export function createHierarchyLoaders(em: EntityManager) {
  return {
    regionById: byIdLoader(em, Region),
    municipalityById: byIdLoader(em, Municipality),
    organizationById: byIdLoader(em, Organization),
  };
}

export type HierarchyLoaders = ReturnType<typeof createHierarchyLoaders>;
