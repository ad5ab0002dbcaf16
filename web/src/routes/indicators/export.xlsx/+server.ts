import { indicatorTableDownload, loadIndicatorDashboard } from '$lib/server/indicator-dashboard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) =>
  indicatorTableDownload(await loadIndicatorDashboard(locals.api, 'federation', null, url));
