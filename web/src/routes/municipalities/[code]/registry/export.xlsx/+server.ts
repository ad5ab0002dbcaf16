import { REGISTRY_COLUMNS } from '$lib/community/registry';
import { loadRegistry } from '$lib/server/community/registry';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The registry as the page lists it: only the published fields, the same search and order. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { municipality, list } = await loadRegistry(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'Реестр наставников',
    title: `Муниципальный реестр наставников: ${municipality.name}`,
    columns: REGISTRY_COLUMNS,
    rows: list.rows,
    withTotals: false,
  });
  return xlsxResponse(content, {
    ascii: `mentor-registry-${municipality.code}.xlsx`,
    russian: `Реестр наставников — ${municipality.name}.xlsx`,
  });
};
