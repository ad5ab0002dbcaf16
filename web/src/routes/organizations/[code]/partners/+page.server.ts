import { keepsSchool } from '$lib/mentoring/curator';
import { PARTNER_COLUMNS } from '$lib/community/partners';
import { loadPartners, partnerListActions } from '$lib/server/community/partners';
import { listPage } from '$lib/server/hierarchy-lists';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:community');
  const { school, counts, list } = await loadPartners(locals.api, params.code, url);
  return {
    school,
    counts,
    keeper: keepsSchool(locals.user, params.code),
    list: listPage(list, PARTNER_COLUMNS),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = partnerListActions satisfies Actions;
