import { loadIndicatorDashboard } from '$lib/server/indicator-dashboard';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:indicators');
  return loadIndicatorDashboard(locals.api, params.level, params.code, url);
}) satisfies PageServerLoad;
