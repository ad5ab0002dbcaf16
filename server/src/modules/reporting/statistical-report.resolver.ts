import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../../graphql/errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { requireReportingUnit, UnitInput } from '../indicators/reporting-unit.js';
import { moscowToday } from './moscow-today.js';
import { listReportForms, requireReportForm } from './report-form.service.js';
import { StatisticalForm, statisticalFormOf } from './report-form.type.js';
import { reportSubmissionStatus } from './report-submission.service.js';
import { ReportSubmissionStatus } from './report-submission.type.js';
import { statisticalReport } from './statistical-report.service.js';
import { StatisticalReport } from './statistical-report.type.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

@Resolver()
export class StatisticalReportResolver {
  @Allow('report.read')
  @Query(() => [StatisticalForm], {
    description:
      'Формы статистического наблюдения: все версии или, если задан учебный год, версия каждой формы, действующая в нём.',
  })
  async statisticalForms(
    @Arg('academicYear', () => Int, { nullable: true, description: 'Учебный год по году начала.' })
    academicYear: number | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<StatisticalForm[]> {
    return (await listReportForms(em, academicYear ?? null)).map(statisticalFormOf);
  }

  @Allow('report.read')
  @Query(() => StatisticalReport, {
    description:
      'Отчёт по форме за учебный год для любой единицы в пределах области доступа: у ОО — её значения с исправлениями ' +
      'и состояние, выше — суммы итоговых значений её ОО. Чужая или неизвестная единица — NOT_FOUND.',
  })
  async statisticalReport(
    @Arg('formCode', () => String, { description: 'Код формы.' }) formCode: string,
    @Arg('unit', () => UnitInput, { description: 'Отчётная единица.' }) unit: UnitInput,
    @Arg('academicYear', () => Int, { description: 'Учебный год по году начала.' }) academicYear: number,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<StatisticalReport> {
    const form = await requireReportForm(em, formCode, academicYear);
    return statisticalReport(em, await requireReportingUnit(em, scope, unit), form, academicYear);
  }

  @Allow('report.read')
  @Query(() => ReportSubmissionStatus, {
    description:
      'Сдача отчётов по форме за учебный год: ожидается, отправлено, принято, утверждено, в срок, просрочено — ' +
      'по единице и её подчинённым единицам; для ОО муниципалитета — состояние отчёта каждой.',
  })
  async reportSubmissionStatus(
    @Arg('unit', () => UnitInput, { description: 'Отчётная единица.' }) unit: UnitInput,
    @Arg('formCode', () => String, { description: 'Код формы.' }) formCode: string,
    @Arg('academicYear', () => Int, { description: 'Учебный год по году начала.' }) academicYear: number,
    @Arg('asOf', () => String, {
      nullable: true,
      description: 'Дата расчёта просрочки (ГГГГ-ММ-ДД); по умолчанию сегодня по московскому времени.',
    })
    asOf: string | null,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<ReportSubmissionStatus> {
    if (asOf != null && (!ISO_DAY.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
      throw badInput('asOf', `дата в формате ГГГГ-ММ-ДД, передано «${asOf}»`);
    }
    const form = await requireReportForm(em, formCode, academicYear);
    const node = await requireReportingUnit(em, scope, unit);
    return reportSubmissionStatus(em, node, form, academicYear, asOf ?? moscowToday());
  }
}
