import { displayName } from '$lib/hierarchy';
import { GROUP_COLUMNS } from '$lib/mentoring/groups';
import { loadGroupList } from '$lib/server/mentoring/group-list';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** Pairs and groups as the page lists them (the same filters, search and order). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { school, list } = await loadGroupList(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'Пары и группы',
    title: `Наставнические пары и группы: ${school.name}`,
    columns: GROUP_COLUMNS,
    rows: list.rows,
    withTotals: true,
  });
  return xlsxResponse(content, {
    ascii: `mentoring-groups-${school.code}.xlsx`,
    russian: `Наставнические пары и группы — ${displayName(school)}.xlsx`,
  });
};
