import { roadmapActions } from '$lib/server/roadmap-actions';
import { loadRoadmapPage } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  event.depends('app:roadmap');
  return loadRoadmapPage(event, 'region');
}) satisfies PageServerLoad;

export const actions = roadmapActions satisfies Actions;
