import { statisticalReportDownload } from '$lib/server/report-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  statisticalReportDownload(event, { level: 'REGION', code: event.params.code });
