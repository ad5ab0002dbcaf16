import { formatDate } from '$lib/format';
import { completionExportColumns, MUNICIPALITY_UNITS, unitTotalsRow } from '$lib/roadmap';
import { loadRegionCompletion } from '$lib/server/roadmap-trackers';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
  const completion = await loadRegionCompletion(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'Дорожные карты ОО',
    title: `Выполнение дорожных карт ОО: ${completion.region.name}, ${completion.yearLabel} учебный год, на ${formatDate(completion.period.asOf)}`,
    columns: completionExportColumns(MUNICIPALITY_UNITS),
    rows: completion.list.rows,
    totalsRow: unitTotalsRow(completion.list.rows),
  });
  return xlsxResponse(content, {
    ascii: `roadmaps-region-${completion.region.code}-${completion.period.year}.xlsx`,
    russian: `Дорожные карты ОО ${completion.yearLabel.replace('/', '-')} — ${completion.region.name}.xlsx`,
  });
};
