import { formatDate } from '$lib/format';
import { TRACKER_EXPORT_COLUMNS } from '$lib/roadmap';
import { loadMunicipalityTracker } from '$lib/server/roadmap-trackers';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
  const tracker = await loadMunicipalityTracker(locals.api, params.code, url, false);
  const content = await tableToXlsx({
    sheetName: 'Дорожные карты ОО',
    title: `Дорожные карты ОО: ${tracker.municipality.name}, ${tracker.yearLabel} учебный год, на ${formatDate(tracker.period.asOf)}`,
    columns: TRACKER_EXPORT_COLUMNS,
    rows: tracker.list.rows,
    totalsRow: {
      code: 'Итого',
      name: '',
      shortName: null,
      status: null,
      progress: tracker.list.total,
      lastUpdatedAt: null,
    },
  });
  return xlsxResponse(content, {
    ascii: `roadmaps-${tracker.municipality.code}-${tracker.period.year}.xlsx`,
    russian: `Дорожные карты ОО ${tracker.yearLabel.replace('/', '-')} — ${tracker.municipality.name}.xlsx`,
  });
};
