import type { AccessScope } from './access-scope.js';
import { LEVEL_DEPTH, ScopeLevel } from './roles.js';

/** Which columns of a table hold its hierarchy path (the denormalised ids of DESIGN.md). */
export interface ScopeColumns {
  region?: string;
  municipality?: string;
  organization?: string;
}

const PATH_LEVELS = [ScopeLevel.REGION, ScopeLevel.MUNICIPALITY, ScopeLevel.ORGANIZATION] as const;
const COLUMN_KEY = {
  [ScopeLevel.REGION]: 'region',
  [ScopeLevel.MUNICIPALITY]: 'municipality',
  [ScopeLevel.ORGANIZATION]: 'organization',
} as const;
const NODE_KEY = {
  [ScopeLevel.REGION]: 'regionId',
  [ScopeLevel.MUNICIPALITY]: 'municipalityId',
  [ScopeLevel.ORGANIZATION]: 'organizationId',
} as const;

/**
 * The predicate that keeps a query inside the caller's scope: rows in the scope node's subtree,
 * plus its ancestors for tables above the node (a curator sees their own municipality and
 * region, not their neighbours). Every data-layer query over a tenant table goes through it.
 */
export function scopePredicate(
  scope: AccessScope,
  alias: string,
  columns: ScopeColumns,
): { sql: string; params: number[] } {
  const node = scope.node;
  if (!node) return { sql: 'false', params: [] };
  if (node.level === ScopeLevel.FEDERATION) return { sql: 'true', params: [] };
  const tableLevel = [...PATH_LEVELS].reverse().find((level) => columns[COLUMN_KEY[level]]);
  if (!tableLevel) throw new Error('scopePredicate: the table has no hierarchy columns');
  const level = LEVEL_DEPTH[tableLevel] < LEVEL_DEPTH[node.level] ? tableLevel : node.level;
  const id = node[NODE_KEY[level as keyof typeof NODE_KEY]];
  if (id === undefined) return { sql: 'false', params: [] };
  return { sql: `${alias}.${columns[COLUMN_KEY[level as keyof typeof COLUMN_KEY]]} = ?`, params: [id] };
}
