import { error } from '@sveltejs/kit';
import { formatAcademicYear } from '$lib/format';
import { parseRoadmapPeriod } from '$lib/roadmap';
import { apiRefusedToken } from './api-client';
import { apiExportUrl } from './config';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * «Скачать анализ (XLSX)»: the API's «Анализ реализации дорожной карты» of a municipality for the
 * page's year. The browser asks this server, which fetches the file with the user's token
 * (handleFetch adds it to API requests only) and passes it on; the token never leaves the server.
 */
export async function roadmapAnalysisDownload(event: {
  url: URL;
  params: { code: string };
  fetch: typeof fetch;
}): Promise<Response> {
  const { year } = parseRoadmapPeriod(event.url);
  const target = apiExportUrl('roadmap-analysis.xlsx');
  target.searchParams.set('municipality', event.params.code);
  target.searchParams.set('academicYear', String(year));

  let response: Response;
  try {
    response = await event.fetch(target);
  } catch (cause) {
    console.error('Анализ дорожной карты: API недоступен', cause);
    error(503, 'Сервис данных временно недоступен. Повторите попытку через несколько минут.');
  }
  if (response.status === 401) apiRefusedToken();
  if (response.status === 404) {
    error(
      404,
      `Дорожной карты муниципалитета на ${formatAcademicYear(year)} учебный год нет — анализ не сформирован.`,
    );
  }
  if (response.status === 403)
    error(403, 'Недостаточно прав: анализ дорожной карты недоступен для вашей роли.');
  if (response.status === 400) error(400, 'Некорректный код ОКТМО или учебный год.');
  if (!response.ok || !response.body) {
    console.error('Анализ дорожной карты: API ответил', response.status);
    error(502, 'Сервис данных не сформировал анализ. Повторите попытку позже.');
  }
  const fallbackName = `roadmap-analysis-${event.params.code}-${year}.xlsx`;
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? XLSX,
      'content-disposition':
        response.headers.get('content-disposition') ?? `attachment; filename="${fallbackName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
