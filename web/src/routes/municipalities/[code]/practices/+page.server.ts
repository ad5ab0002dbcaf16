import { parseLevelFilter } from '$lib/community/practices';
import { loadMunicipalityPractices, practiceLevelActions } from '$lib/server/community/practices';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:community');
  const level = parseLevelFilter(url.searchParams);
  return {
    ...(await loadMunicipalityPractices(locals.api, params.code, level)),
    level,
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = practiceLevelActions satisfies Actions;
