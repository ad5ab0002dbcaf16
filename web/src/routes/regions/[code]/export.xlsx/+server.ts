import { MUNICIPALITY_COLUMNS } from '$lib/hierarchy';
import { loadRegionMunicipalities } from '$lib/server/hierarchy-lists';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { region, list } = await loadRegionMunicipalities(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'Муниципальные образования',
    title: `Муниципальные образования: ${region.name}`,
    columns: MUNICIPALITY_COLUMNS,
    rows: list.rows,
    withTotals: true,
  });
  return xlsxResponse(content, {
    ascii: `municipalities-${region.code}.xlsx`,
    russian: `Муниципальные образования — ${region.name}.xlsx`,
  });
};
