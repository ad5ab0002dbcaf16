import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { CLAIMS } from '../../auth/require-bearer.js';
import type { AccessTokenClaims } from '../../auth/token-verifier.js';
import { resolveAccessScope } from '../access/access-scope.js';
import { POLICY } from '../access/policy.js';
import { findReportingUnit, UnitLevel } from '../indicators/reporting-unit.js';
import { requireReportForm } from './report-form.service.js';
import { statisticalReportXlsx } from './statistical-report.export.js';
import { statisticalReport } from './statistical-report.service.js';

export const STATISTICAL_REPORT_PATH = '/exports/statistical-report.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEVELS = new Set<string>(Object.values(UnitLevel));

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * GET /exports/statistical-report.xlsx?form=<код>&level=<уровень>&code=<код единицы>&year=<ГГГГ>:
 * the form filled for any unit, printable. Mount it behind requireBearer. A unit outside the
 * caller's scope, an unknown unit and an unknown form all answer 404 and nothing else.
 */
export function statisticalReportRoute(orm: MikroORM): RequestHandler {
  return async (req, res) => {
    const form = text(req.query.form);
    const level = text(req.query.level);
    const code = text(req.query.code);
    const year = Number(req.query.year);
    if (!form || !LEVELS.has(level) || (level !== UnitLevel.FEDERATION && !code) || !Number.isInteger(year)) {
      res
        .status(400)
        .type('text/plain')
        .send(
          'Нужны параметры form (код формы), level (FEDERATION, REGION, MUNICIPALITY или ORGANIZATION), ' +
            'code (код единицы; для FEDERATION не указывается) и year (учебный год, ГГГГ).',
        );
      return;
    }
    const em = orm.em.fork();
    const scope = await resolveAccessScope(em, res.locals[CLAIMS] as AccessTokenClaims);
    if (!scope.hasAnyRole(POLICY['report.read'].roles)) {
      res.sendStatus(403);
      return;
    }
    // A malformed unit or an unknown form answers like a foreign unit: there is nothing to export.
    const orNull = (error: unknown) => {
      if (error instanceof GraphQLError) return null;
      throw error;
    };
    const unit = await findReportingUnit(em, scope, { level: level as UnitLevel, code: code || null }).catch(
      orNull,
    );
    const reportForm = await requireReportForm(em, form, year).catch(orNull);
    if (!unit || !reportForm) {
      res.sendStatus(404);
      return;
    }
    const report = await statisticalReport(em, unit, reportForm, year);
    const name = `${reportForm.title} ${unit.code ?? 'РФ'} ${year}-${year + 1}.xlsx`;
    res
      .status(200)
      .set({
        'Content-Type': XLSX,
        'Cache-Control': 'private, no-store',
        'Content-Disposition':
          `attachment; filename="statistical-report-${reportForm.code}-${unit.code ?? 'RF'}-${year}.xlsx"; ` +
          `filename*=UTF-8''${encodeURIComponent(name)}`,
      })
      .send(await statisticalReportXlsx(report));
  };
}
