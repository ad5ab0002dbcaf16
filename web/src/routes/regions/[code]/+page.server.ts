import { columnTotals, MUNICIPALITY_COLUMNS } from '$lib/hierarchy';
import { takeWindow } from '$lib/list-query';
import { listPageSize } from '$lib/server/config';
import { loadRegionMunicipalities } from '$lib/server/hierarchy-lists';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
  depends('app:hierarchy');
  const { region, list } = await loadRegionMunicipalities(locals.api, params.code, url);
  const pageSize = listPageSize();
  return {
    region,
    query: list.query,
    complete: list.complete,
    pageSize,
    list: takeWindow(list.rows, list.query.limit, pageSize),
    totals: columnTotals(list.rows, MUNICIPALITY_COLUMNS),
  };
}) satisfies PageServerLoad;
