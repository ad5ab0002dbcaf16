import { roadmapAnalysisDownload } from '$lib/server/roadmap-analysis';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => roadmapAnalysisDownload(event);
