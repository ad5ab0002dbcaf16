import { loadRegionCompletion } from '$lib/server/roadmap-trackers';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:roadmap');
  return loadRegionCompletion(locals.api, params.code, url);
}) satisfies PageServerLoad;
