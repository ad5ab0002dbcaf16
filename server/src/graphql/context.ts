import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokenClaims } from '../auth/token-verifier.js';
import { resolveAccessScope, type AccessScope } from '../modules/access/access-scope.js';
import { ScopedLists } from '../modules/access/scoped-lists.js';
import { createCommunityLoaders, type CommunityLoaders } from '../modules/community/community.loaders.js';
import { createHierarchyLoaders, type HierarchyLoaders } from '../modules/hierarchy/hierarchy.loaders.js';
import {
  createParticipantLoaders,
  type ParticipantLoaders,
} from '../modules/mentoring/participant.loaders.js';
import {
  createMentoringGroupLoaders,
  type MentoringGroupLoaders,
} from '../modules/mentoring/mentoring-group.loaders.js';
import { createMeetingLoaders, type MeetingLoaders } from '../modules/mentoring/mentoring-meeting.loaders.js';
import { createMonitoringLoaders, type MonitoringLoaders } from '../modules/mentoring/monitoring.loaders.js';
import { createRoadmapLoaders, type RoadmapLoaders } from '../modules/roadmap/roadmap.loaders.js';

/** Everything one GraphQL request works with; built fresh per request, never shared. */
export interface GraphQLContext {
  em: EntityManager;
  scope: AccessScope;
  lists: ScopedLists;
  hierarchy: HierarchyLoaders;
  roadmaps: RoadmapLoaders;
  participants: ParticipantLoaders;
  mentoring: MentoringGroupLoaders;
  meetings: MeetingLoaders;
  monitoring: MonitoringLoaders;
  community: CommunityLoaders;
}

export async function createContext(em: EntityManager, claims: AccessTokenClaims): Promise<GraphQLContext> {
  const requestEm = em.fork();
  const scope = await resolveAccessScope(requestEm, claims);
  return {
    em: requestEm,
    scope,
    lists: new ScopedLists(requestEm, scope),
    hierarchy: createHierarchyLoaders(requestEm),
    roadmaps: createRoadmapLoaders(requestEm, scope),
    participants: createParticipantLoaders(requestEm, scope),
    mentoring: createMentoringGroupLoaders(requestEm, scope),
    meetings: createMeetingLoaders(requestEm, scope),
    monitoring: createMonitoringLoaders(requestEm, scope),
    community: createCommunityLoaders(requestEm, scope),
  };
}
