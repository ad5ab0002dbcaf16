import { formatDate } from '$lib/format';
import { completionExportColumns, REGION_UNITS, unitTotalsRow } from '$lib/roadmap';
import { loadNationalCompletion } from '$lib/server/roadmap-trackers';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const completion = await loadNationalCompletion(locals.api, url);
  const content = await tableToXlsx({
    sheetName: 'Дорожные карты ОО',
    title: `Выполнение дорожных карт ОО по субъектам РФ, ${completion.yearLabel} учебный год, на ${formatDate(completion.period.asOf)}`,
    columns: completionExportColumns(REGION_UNITS),
    rows: completion.list.rows,
    totalsRow: unitTotalsRow(completion.list.rows),
  });
  return xlsxResponse(content, {
    ascii: `roadmaps-regions-${completion.period.year}.xlsx`,
    russian: `Дорожные карты ОО ${completion.yearLabel.replace('/', '-')} — субъекты РФ.xlsx`,
  });
};
