import { loadIndicatorDashboard } from '$lib/server/indicator-dashboard';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, depends }) => {
  depends('app:indicators');
  return loadIndicatorDashboard(locals.api, 'federation', null, url);
}) satisfies PageServerLoad;
