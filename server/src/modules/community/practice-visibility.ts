import type { AccessScope } from '../access/access-scope.js';
import { ScopeLevel } from '../access/roles.js';

/**
 * Which cases the caller reads, as one SQL predicate over mentoring_practice `alias`. A case of
 * level X is read by everyone whose scope node lies in X's node or above it:
 * - SCHOOL: only the curator of the author school (and the municipal coordinator once the school
 *   proposes it for publication, so that there is something to decide on);
 * - MUNICIPALITY: everyone in the author's municipality, its schools' curators included, and above;
 * - REGION: everyone in the region, down to every school's curator, and the federal level.
 * A neighbouring school or municipality therefore reads nothing of a case at a lower level.
 */
export function practiceVisibility(scope: AccessScope, alias: string): { sql: string; params: number[] } {
  const node = scope.node;
  const a = alias;
  switch (node?.level) {
    case ScopeLevel.FEDERATION:
      return { sql: `${a}.level <> 'SCHOOL'`, params: [] };
    case ScopeLevel.REGION:
      return { sql: `(${a}.region_id = ? and ${a}.level <> 'SCHOOL')`, params: [node.regionId!] };
    case ScopeLevel.MUNICIPALITY:
      return {
        sql: `((${a}.municipality_id = ? and (${a}.level <> 'SCHOOL' or ${a}.proposed))
               or (${a}.region_id = ? and ${a}.level = 'REGION'))`,
        params: [node.municipalityId!, node.regionId!],
      };
    case ScopeLevel.ORGANIZATION:
      return {
        sql: `(${a}.organization_id = ? or (${a}.municipality_id = ? and ${a}.level <> 'SCHOOL')
               or (${a}.region_id = ? and ${a}.level = 'REGION'))`,
        params: [node.organizationId!, node.municipalityId!, node.regionId!],
      };
    default:
      return { sql: 'false', params: [] };
  }
}
