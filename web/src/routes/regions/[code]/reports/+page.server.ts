import { loadRegionReports } from '$lib/server/report-pages';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:reports');
  return loadRegionReports(locals.api, params.code, url);
}) satisfies PageServerLoad;
