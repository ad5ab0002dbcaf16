import { error } from '@sveltejs/kit';
import type { UnitLevel } from '$lib/indicators';
import { parseReportView } from '$lib/reports';
import { apiRefusedToken } from './api-client';
import { apiExportUrl } from './config';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * «Скачать форму (XLSX)»: the API's printable form filled for a unit (`GET …/exports/statistical-
 * report.xlsx`). The browser asks this server, which fetches the file with the user's token
 * (handleFetch adds it to API requests only) and passes it on; the token never leaves the server.
 */
export async function statisticalReportDownload(
  event: { url: URL; fetch: typeof fetch },
  unit: { level: UnitLevel; code: string },
): Promise<Response> {
  const view = parseReportView(event.url);
  if (!view.form) error(400, 'Не указана форма отчёта.');
  const target = apiExportUrl('statistical-report.xlsx');
  target.searchParams.set('form', view.form);
  target.searchParams.set('level', unit.level);
  target.searchParams.set('code', unit.code);
  target.searchParams.set('year', String(view.year));

  let response: Response;
  try {
    response = await event.fetch(target);
  } catch (cause) {
    console.error('Форма отчёта: API недоступен', cause);
    error(503, 'Сервис данных временно недоступен. Повторите попытку через несколько минут.');
  }
  if (response.status === 401) apiRefusedToken();
  if (response.status === 404)
    error(404, 'Отчёт не найден: нет такой формы на этот учебный год или единицы.');
  if (response.status === 403) error(403, 'Недостаточно прав: отчётность недоступна для вашей роли.');
  if (!response.ok || !response.body) {
    console.error('Форма отчёта: API ответил', response.status);
    error(502, 'Сервис данных не сформировал форму. Повторите попытку позже.');
  }
  const fallbackName = `statistical-report-${unit.code}-${view.year}.xlsx`;
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? XLSX,
      'content-disposition':
        response.headers.get('content-disposition') ?? `attachment; filename="${fallbackName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
