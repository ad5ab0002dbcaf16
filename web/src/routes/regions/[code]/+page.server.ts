import { MUNICIPALITY_COLUMNS } from '$lib/hierarchy';
import { listPage, loadRegionMunicipalities } from '$lib/server/hierarchy-lists';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:hierarchy');
  const { region, list } = await loadRegionMunicipalities(locals.api, params.code, url);
  return { region, list: listPage(list, MUNICIPALITY_COLUMNS) };
}) satisfies PageServerLoad;
