import { indicatorTableDownload, loadIndicatorDashboard } from '$lib/server/indicator-dashboard';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
  // An organisation has no units below it, so its page offers no table to download.
  if (params.level === 'organization') error(404, 'У образовательной организации нет таблицы для выгрузки.');
  return indicatorTableDownload(await loadIndicatorDashboard(locals.api, params.level, params.code, url));
};
