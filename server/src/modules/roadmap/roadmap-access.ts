import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { ScopeLevel } from '../access/roles.js';
import { scopePredicate } from '../access/scoped-sql.js';
import type { RoadmapOwner } from './roadmap-plan.js';
import { RoadmapLevel } from './roadmap.enums.js';

export const ROADMAP_SCOPE_COLUMNS = {
  region: 'region_id',
  municipality: 'municipality_id',
  organization: 'organization_id',
} as const;

/** A roadmap row as the access rules need it. */
export interface RoadmapHead {
  id: number;
  level: RoadmapLevel;
  status: string;
  region_id: number;
  municipality_id: number | null;
  organization_id: number | null;
  period_from: string;
  period_to: string;
}

/**
 * The roadmap a planner keeps: their own node's. A school curator plans the school's, a
 * coordinator the municipality's, a regional administrator the region's.
 */
export function plannerOwner(scope: AccessScope): RoadmapOwner {
  const node = scope.node;
  const level =
    node &&
    {
      REGION: RoadmapLevel.REGION,
      MUNICIPALITY: RoadmapLevel.MUNICIPALITY,
      ORGANIZATION: RoadmapLevel.ORGANIZATION,
    }[node.level as Exclude<ScopeLevel, ScopeLevel.FEDERATION>];
  if (!node || !level)
    throw refused('Дорожную карту ведёт субъект РФ, муниципалитет или образовательная организация.');
  return {
    level,
    regionId: node.regionId!,
    municipalityId: node.municipalityId ?? null,
    organizationId: node.organizationId ?? null,
  };
}

function isOwnedBy(roadmap: RoadmapHead, owner: RoadmapOwner): boolean {
  return (
    roadmap.level === owner.level &&
    roadmap.region_id === owner.regionId &&
    roadmap.municipality_id === owner.municipalityId &&
    roadmap.organization_id === owner.organizationId
  );
}

/** A roadmap within the caller's scope, locked for the rest of the transaction; otherwise "not found". */
export async function lockRoadmap(
  em: EntityManager,
  scope: AccessScope,
  roadmapId: number,
): Promise<RoadmapHead> {
  const scoped = scopePredicate(scope, 'r', ROADMAP_SCOPE_COLUMNS);
  const [roadmap] = await em.execute<RoadmapHead[]>(
    `select r.id, r.level, r.status, r.region_id, r.municipality_id, r.organization_id,
            r.period_from::text, r.period_to::text
     from roadmap r where r.id = ? and ${scoped.sql} for update`,
    [roadmapId, ...scoped.params],
  );
  if (!roadmap) throw notFound('Дорожная карта не найдена.');
  return roadmap;
}

/** Only the owner keeps its roadmap; others in scope may read it but not change it. */
export function assertPlanner(scope: AccessScope, roadmap: RoadmapHead): void {
  const node = scope.node;
  const ownLevel = node?.level === (roadmap.level as string);
  if (!ownLevel || !isOwnedBy(roadmap, plannerOwner(scope))) {
    throw refused(
      'Изменять дорожную карту может только её владелец (куратор своей организации или муниципалитета).',
    );
  }
}

/** Agreement comes from one level up: the municipality for schools, the region for municipalities. */
export function assertAgreer(scope: AccessScope, roadmap: RoadmapHead): void {
  const node = scope.node;
  const allowed =
    (roadmap.level === RoadmapLevel.ORGANIZATION &&
      node?.level === ScopeLevel.MUNICIPALITY &&
      node.municipalityId === roadmap.municipality_id) ||
    (roadmap.level === RoadmapLevel.MUNICIPALITY &&
      node?.level === ScopeLevel.REGION &&
      node.regionId === roadmap.region_id);
  if (!allowed)
    throw refused(
      'Согласует дорожную карту уровень выше: муниципалитет — карты ОО, субъект РФ — карты муниципалитетов.',
    );
}
