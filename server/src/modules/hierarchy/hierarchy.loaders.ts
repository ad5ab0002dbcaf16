import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../graphql/by-id-loader.js';
import { Municipality } from './municipality.entity.js';
import { Region } from './region.entity.js';

export function createHierarchyLoaders(em: EntityManager) {
  return {
    regionById: byIdLoader(em, Region),
    municipalityById: byIdLoader(em, Municipality),
  };
}

export type HierarchyLoaders = ReturnType<typeof createHierarchyLoaders>;
