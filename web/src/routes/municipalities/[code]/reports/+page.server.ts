import { loadMunicipalityReports, reportStepAction } from '$lib/server/report-pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:reports');
  return loadMunicipalityReports(locals.api, params.code, url, cookies);
}) satisfies PageServerLoad;

export const actions = { step: reportStepAction } satisfies Actions;
