import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { requireReportingUnit, UnitLevel } from '../indicators/reporting-unit.js';
import { requireReportForm } from './report-form.service.js';
import {
  correctReportCell,
  moveReport,
  type ReportKey,
  type ReportTransition,
} from './report-workflow.service.js';
import { statisticalReport } from './statistical-report.service.js';
import { StatisticalReport } from './statistical-report.type.js';
import { ReportCellCorrectionInput, ReportKeyInput } from './statistical-report.inputs.js';

const reportArg = { description: 'Отчёт: форма, ОО, учебный год.' } as const;

/** The school's report as it reads after a committed change. */
async function reportAfterChange({ em, scope }: GraphQLContext, key: ReportKey): Promise<StatisticalReport> {
  const form = await requireReportForm(em, key.formCode, key.academicYear);
  const unit = await requireReportingUnit(em, scope, {
    level: UnitLevel.ORGANIZATION,
    code: key.organizationCode,
  });
  return statisticalReport(em, unit, form, key.academicYear);
}

@Resolver()
export class ReportWorkflowResolver {
  @Allow('report.submit')
  @Mutation(() => StatisticalReport, {
    description:
      'Исправляет значение ячейки отчёта своей ОО (или убирает исправление) с обязательной причиной; ' +
      'вычисленное значение сохраняется и показывается рядом. Только в черновике или возвращённом отчёте.',
  })
  async correctReportCell(
    @Arg('input', () => ReportCellCorrectionInput, { description: 'Отчёт, ячейка, значение и причина.' })
    input: ReportCellCorrectionInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StatisticalReport> {
    await context.em.transactional((tx) =>
      correctReportCell(tx, context.scope, input, input.cell, input.value ?? null, input.reason),
    );
    return reportAfterChange(context, input);
  }

  @Allow('report.submit')
  @Mutation(() => StatisticalReport, {
    description: 'Отправляет отчёт своей ОО в муниципалитет (черновик или возвращённый на доработку).',
  })
  submitReport(
    @Arg('report', () => ReportKeyInput, reportArg) report: ReportKeyInput,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, report, 'submit', null);
  }

  @Allow('report.accept')
  @Mutation(() => StatisticalReport, {
    description: 'Принимает отправленный отчёт ОО своего муниципалитета.',
  })
  acceptReport(
    @Arg('report', () => ReportKeyInput, reportArg) report: ReportKeyInput,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, report, 'accept', null);
  }

  @Allow('report.accept')
  @Mutation(() => StatisticalReport, {
    description:
      'Возвращает отчёт ОО на доработку (отправленный или ещё не утверждённый принятый) с комментарием.',
  })
  returnReport(
    @Arg('report', () => ReportKeyInput, reportArg) report: ReportKeyInput,
    @Arg('comment', () => String, { description: 'Что доработать (обязательно).' }) comment: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, report, 'return', comment);
  }

  @Allow('report.approve')
  @Mutation(() => StatisticalReport, {
    description:
      'Утверждает принятый отчёт ОО своего субъекта и блокирует учебный год ОО: изменения, которые меняют его ' +
      'показатели, отклоняются с кодом PERIOD_LOCKED, пока блокировку не снимут.',
  })
  approveReport(
    @Arg('report', () => ReportKeyInput, reportArg) report: ReportKeyInput,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, report, 'approve', null);
  }

  @Allow('report.approve')
  @Mutation(() => StatisticalReport, {
    description:
      'Снимает блокировку учебного года ОО с обязательной причиной; отчёт возвращается в состояние «принят ' +
      'муниципалитетом», его снова утверждает субъект РФ.',
  })
  unlockReport(
    @Arg('report', () => ReportKeyInput, reportArg) report: ReportKeyInput,
    @Arg('reason', () => String, { description: 'Зачем снимается блокировка (обязательно).' }) reason: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, report, 'unlock', reason);
  }

  private async move(
    context: GraphQLContext,
    report: ReportKeyInput,
    transition: ReportTransition,
    explanation: string | null,
  ): Promise<StatisticalReport> {
    await context.em.transactional((tx) => moveReport(tx, context.scope, report, transition, explanation));
    return reportAfterChange(context, report);
  }
}
