import { statisticalReportDownload } from '$lib/server/report-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  statisticalReportDownload(event, { level: 'ORGANIZATION', code: event.params.code });
