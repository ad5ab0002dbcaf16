import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { notFound } from '../../graphql/errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { REGIONS } from '../hierarchy/hierarchy.service.js';
import type { Region } from '../hierarchy/region.entity.js';
import {
  createIndicatorDefinition,
  deleteIndicatorDefinition,
  loadDefinitions,
  updateIndicatorDefinition,
} from './indicator-definition.service.js';
import {
  IndicatorDefinition,
  IndicatorDefinitionInput,
  IndicatorMeasure,
  IndicatorTargetInput,
} from './indicator-definition.types.js';
import { setIndicatorTarget } from './indicator-target.service.js';
import { SUMMARY_MEASURES } from './summary-measures.js';

const REGION_CODE = { description: 'Код своего субъекта РФ.' };

async function regionByCode({ lists }: GraphQLContext, code: string): Promise<Region> {
  const region = await lists.byCode(REGIONS, code);
  if (!region) throw notFound(`Субъект РФ с кодом «${code.trim()}» не найден.`);
  return region;
}

async function definitionOf(em: EntityManager, region: Region, code: string): Promise<IndicatorDefinition> {
  const definitions = await loadDefinitions(em, { regionId: region.id });
  return definitions.find((definition) => definition.code === code.trim())!;
}

/**
 * Indicator definitions as data: the common ones ship with the system and stay as shipped; a
 * regional administrator adds the region's own and sets the region's targets. Every change is
 * audited in its transaction.
 */
@Resolver(() => IndicatorDefinition)
export class IndicatorDefinitionResolver {
  @Allow('indicator.read')
  @Query(() => [IndicatorDefinition], {
    description:
      'Определения целевых показателей: общие (с целевыми значениями по умолчанию) и, если задан субъект РФ, ' +
      'его собственные показатели и целевые значения.',
  })
  async indicatorDefinitions(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Код субъекта РФ; не задан — только общие определения и значения по умолчанию.',
    })
    regionCode: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<IndicatorDefinition[]> {
    const region = regionCode ? await regionByCode(context, regionCode) : null;
    return loadDefinitions(context.em, { regionId: region?.id ?? null });
  }

  @Allow('indicator.read')
  @Query(() => [IndicatorMeasure], {
    description: 'Показатели сводки, из которых составляются числитель и знаменатель определения.',
  })
  indicatorMeasures(): IndicatorMeasure[] {
    return SUMMARY_MEASURES.map(({ name, description }) => ({ name, description }));
  }

  @Allow('indicator.define')
  @Mutation(() => IndicatorDefinition, {
    description:
      'Добавляет собственный показатель субъекта РФ: числитель и знаменатель — показатели сводки ' +
      '(indicatorMeasures), код не совпадает с общими.',
  })
  async createIndicatorDefinition(
    @Arg('regionCode', () => String, REGION_CODE) regionCode: string,
    @Arg('input', () => IndicatorDefinitionInput, { description: 'Определение.' })
    input: IndicatorDefinitionInput,
    @Ctx() context: GraphQLContext,
  ): Promise<IndicatorDefinition> {
    const region = await regionByCode(context, regionCode);
    await context.em.transactional((tx) =>
      createIndicatorDefinition(tx, context.scope.caller, region, input),
    );
    return definitionOf(context.em, region, input.code);
  }

  @Allow('indicator.define')
  @Mutation(() => IndicatorDefinition, {
    description:
      'Изменяет собственный показатель субъекта РФ (по коду). Общие показатели поставляются с системой и не изменяются.',
  })
  async updateIndicatorDefinition(
    @Arg('regionCode', () => String, REGION_CODE) regionCode: string,
    @Arg('input', () => IndicatorDefinitionInput, {
      description: 'Определение; код указывает изменяемый показатель.',
    })
    input: IndicatorDefinitionInput,
    @Ctx() context: GraphQLContext,
  ): Promise<IndicatorDefinition> {
    const region = await regionByCode(context, regionCode);
    await context.em.transactional((tx) =>
      updateIndicatorDefinition(tx, context.scope.caller, region, input),
    );
    return definitionOf(context.em, region, input.code);
  }

  @Allow('indicator.define')
  @Mutation(() => Boolean, {
    description: 'Удаляет собственный показатель субъекта РФ вместе с его целевыми значениями.',
  })
  async deleteIndicatorDefinition(
    @Arg('regionCode', () => String, REGION_CODE) regionCode: string,
    @Arg('code', () => String, { description: 'Код показателя.' }) code: string,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    const region = await regionByCode(context, regionCode);
    await context.em.transactional((tx) => deleteIndicatorDefinition(tx, context.scope.caller, region, code));
    return true;
  }

  @Allow('indicator.define')
  @Mutation(() => IndicatorDefinition, {
    description:
      'Задаёт собственное целевое значение субъекта РФ для общего или своего показателя на учебный год ' +
      '(действует с этого года до следующего заданного); value = null удаляет его.',
  })
  async setIndicatorTarget(
    @Arg('input', () => IndicatorTargetInput, { description: 'Субъект РФ, показатель, год и значение.' })
    input: IndicatorTargetInput,
    @Ctx() context: GraphQLContext,
  ): Promise<IndicatorDefinition> {
    const region = await regionByCode(context, input.regionCode);
    await context.em.transactional((tx) => setIndicatorTarget(tx, context.scope.caller, region, input));
    return definitionOf(context.em, region, input.code);
  }
}
