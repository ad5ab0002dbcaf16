import { roadmapItemsExport } from '$lib/server/roadmap-page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => roadmapItemsExport(event, 'region');
