import { takeWindow } from '$lib/list-query';
import { listPageSize } from '$lib/server/config';
import { loadMunicipalityOrganizations } from '$lib/server/hierarchy-lists';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:hierarchy');
  const { municipality, region, list } = await loadMunicipalityOrganizations(locals.api, params.code, url);
  const pageSize = listPageSize();
  return {
    municipality,
    region,
    query: list.query,
    complete: list.complete,
    pageSize,
    list: takeWindow(list.rows, list.query.limit, pageSize),
  };
}) satisfies PageServerLoad;
