import { PARTNER_COLUMNS } from '$lib/community/partners';
import { displayName } from '$lib/hierarchy';
import { loadPartners } from '$lib/server/community/partners';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** Partner organisations as the page lists them (the same search and order). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { school, list } = await loadPartners(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'Партнёры',
    title: `Организации-партнёры: ${school.name}`,
    columns: PARTNER_COLUMNS,
    rows: list.rows,
    withTotals: true,
  });
  return xlsxResponse(content, {
    ascii: `partners-${school.code}.xlsx`,
    russian: `Организации-партнёры — ${displayName(school)}.xlsx`,
  });
};
