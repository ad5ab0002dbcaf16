import { loadMunicipalityTracker } from '$lib/server/roadmap-trackers';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:roadmap');
  return loadMunicipalityTracker(locals.api, params.code, url);
}) satisfies PageServerLoad;
