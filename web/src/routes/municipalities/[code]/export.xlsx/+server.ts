import { ORGANIZATION_COLUMNS } from '$lib/hierarchy';
import { loadMunicipalityOrganizations } from '$lib/server/hierarchy-lists';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { municipality, list } = await loadMunicipalityOrganizations(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'Образовательные организации',
    title: `Образовательные организации: ${municipality.name}`,
    columns: ORGANIZATION_COLUMNS,
    rows: list.rows,
  });
  return xlsxResponse(content, {
    ascii: `organizations-${municipality.code}.xlsx`,
    russian: `Образовательные организации — ${municipality.name}.xlsx`,
  });
};
