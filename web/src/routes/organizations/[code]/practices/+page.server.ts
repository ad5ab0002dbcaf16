import { parseLevelFilter } from '$lib/community/practices';
import { keepsSchool } from '$lib/mentoring/curator';
import { loadSchoolPractices, schoolPracticeActions } from '$lib/server/community/practices';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:community');
  const level = parseLevelFilter(url.searchParams);
  const { school, practices, complete } = await loadSchoolPractices(locals.api, params.code, level);
  return {
    school,
    practices,
    complete,
    level,
    keeper: keepsSchool(locals.user, params.code),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = schoolPracticeActions satisfies Actions;
