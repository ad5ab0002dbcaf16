import { REGION_COLUMNS } from '$lib/hierarchy';
import { loadRegionList } from '$lib/server/hierarchy-lists';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const { rows } = await loadRegionList(locals.api, url);
  const content = await tableToXlsx({
    sheetName: 'Субъекты РФ',
    title: 'Субъекты Российской Федерации',
    columns: REGION_COLUMNS,
    rows,
    withTotals: true,
  });
  return xlsxResponse(content, { ascii: 'regions.xlsx', russian: 'Субъекты РФ.xlsx' });
};
