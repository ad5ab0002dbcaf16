import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { CLAIMS } from '../../auth/require-bearer.js';
import type { AccessTokenClaims } from '../../auth/token-verifier.js';
import { resolveAccessScope } from '../access/access-scope.js';
import { POLICY } from '../access/policy.js';
import { loadRoadmapAnalysis, roadmapAnalysisXlsx } from './roadmap-analysis.export.js';

export const ROADMAP_ANALYSIS_PATH = '/exports/roadmap-analysis.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** ОКТМО of a municipality: 8 digits, or 11 for a settlement. */
const OKTMO = /^\d{8}(?:\d{3})?$/;

/**
 * GET /exports/roadmap-analysis.xlsx?municipality=<ОКТМО>&academicYear=<YYYY>: «Анализ реализации
 * дорожной карты» of a municipality as XLSX. Mount it behind requireBearer. A municipality or
 * roadmap outside the caller's scope answers exactly like a missing one: 404 and nothing else.
 */
export function roadmapAnalysisRoute(orm: MikroORM): RequestHandler {
  return async (req, res) => {
    const municipality = typeof req.query.municipality === 'string' ? req.query.municipality.trim() : '';
    const academicYear = Number(req.query.academicYear);
    if (
      !OKTMO.test(municipality) ||
      !Number.isInteger(academicYear) ||
      academicYear < 2000 ||
      academicYear > 2100
    ) {
      res.status(400).type('text/plain').send('Нужны параметры municipality (ОКТМО) и academicYear (ГГГГ).');
      return;
    }
    const em = orm.em.fork();
    const scope = await resolveAccessScope(em, res.locals[CLAIMS] as AccessTokenClaims);
    if (!scope.hasAnyRole(POLICY['roadmap.read'].roles)) {
      res.sendStatus(403);
      return;
    }
    const analysis = await loadRoadmapAnalysis(em, scope, municipality, academicYear);
    if (!analysis) {
      res.sendStatus(404);
      return;
    }
    const fileName = `Анализ дорожной карты ${analysis.municipalityCode} ${academicYear}-${academicYear + 1}.xlsx`;
    res
      .status(200)
      .set({
        'Content-Type': XLSX,
        // Personal names of the responsible people are in it: no shared caches.
        'Cache-Control': 'private, no-store',
        'Content-Disposition':
          `attachment; filename="roadmap-analysis-${analysis.municipalityCode}-${academicYear}.xlsx"; ` +
          `filename*=UTF-8''${encodeURIComponent(fileName)}`,
      })
      .send(await roadmapAnalysisXlsx(analysis));
  };
}
