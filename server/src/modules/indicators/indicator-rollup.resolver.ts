import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../graphql/errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { indicatorRollup } from './indicator-rollup.service.js';
import { IndicatorRollup, UnitIndicators } from './indicator-rollup.types.js';
import { requireReportingUnit, UnitInput } from './reporting-unit.js';

@Resolver(() => IndicatorRollup)
export class IndicatorRollupResolver {
  @Allow('indicator.read')
  @Query(() => IndicatorRollup, {
    description:
      'Целевые показатели единицы (страна, субъект РФ, муниципалитет, ОО) за учебный год с дочерними ' +
      'единицами и значениями по годам — всё для таблицы и карточек одним запросом. Доли — Σ числителей / ' +
      'Σ знаменателей по сводке; единица вне области доступа отвечает как несуществующая.',
  })
  async indicatorRollup(
    @Arg('unit', () => UnitInput, { description: 'Единица.' }) unitInput: UnitInput,
    @Arg('academicYear', () => Int, { description: 'Учебный год по году начала: 2025 — это 2025/2026.' })
    academicYear: number,
    @Arg('on', () => GraphQLDate, {
      nullable: true,
      description:
        'Дата, на которую считать возраст участников (показатели по возрасту); по умолчанию 1 января учебного года.',
    })
    on: Date | null,
    @Arg('codes', () => [String], { nullable: true, description: 'Только эти показатели; по умолчанию все.' })
    codes: string[] | null,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<IndicatorRollup> {
    if (!Number.isInteger(academicYear) || academicYear < 2000 || academicYear > 2100)
      throw badInput('academicYear', `учебный год по году начала (2000–2100), передано ${academicYear}`);
    const unit = await requireReportingUnit(em, scope, unitInput);
    return indicatorRollup(em, {
      unit,
      academicYear,
      on: on ? on.toISOString().slice(0, 10) : null,
      codes: codes ?? null,
    });
  }

  /**
   * A dashboard shows cards of every indicator and a table of one: asking the children for that
   * one alone keeps a national answer at 89 values instead of 89 × every indicator.
   */
  @Allow('indicator.read')
  @FieldResolver(() => [UnitIndicators], {
    description:
      'Дочерние единицы по наименованию: субъекты РФ страны, муниципалитеты субъекта, ОО муниципалитета; у ОО — нет.',
  })
  children(
    @Root() rollup: IndicatorRollup,
    @Arg('codes', () => [String], {
      nullable: true,
      description:
        'Только эти показатели в строках дочерних единиц (из показателей свода); по умолчанию все.',
    })
    codes: string[] | null,
  ): UnitIndicators[] {
    if (codes) {
      const known = new Set(rollup.values.map((value) => value.code));
      const unknown = codes.filter((code) => !known.has(code));
      if (unknown.length > 0)
        throw badInput(
          'children.codes',
          `нет показателей ${unknown.map((code) => `«${code}»`).join(', ')} в своде`,
        );
    }
    return rollup.childrenFor(codes);
  }
}
