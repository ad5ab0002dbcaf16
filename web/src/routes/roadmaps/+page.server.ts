import { loadNationalCompletion } from '$lib/server/roadmap-trackers';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, depends }) => {
  depends('app:roadmap');
  return loadNationalCompletion(locals.api, url);
}) satisfies PageServerLoad;
