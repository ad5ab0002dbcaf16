import { ORGANIZATION_COLUMNS } from '$lib/hierarchy';
import { listPage, loadMunicipalityOrganizations } from '$lib/server/hierarchy-lists';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:hierarchy');
  const { municipality, region, list } = await loadMunicipalityOrganizations(locals.api, params.code, url);
  return { municipality, region, list: listPage(list, ORGANIZATION_COLUMNS) };
}) satisfies PageServerLoad;
