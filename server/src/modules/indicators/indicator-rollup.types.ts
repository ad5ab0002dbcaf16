import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IndicatorUnit } from './indicator-definition.types.js';
import { ReportingUnit } from './reporting-unit.js';

// Rollups return thousands of these per request: plain objects, no per-field resolvers.

@ObjectType({
  description: 'Значение показателя для отчётной единицы и учебного года.',
  simpleResolvers: true,
})
export class IndicatorValue {
  @Field(() => String, { description: 'Код показателя.' })
  code!: string;

  @Field(() => String, { description: 'Наименование показателя.' })
  name!: string;

  @Field(() => IndicatorUnit, { description: 'Единица измерения.' })
  unit!: IndicatorUnit;

  @Field(() => Float, { description: 'Σ числителя.' })
  numerator!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Σ знаменателя; null — знаменатель не сообщила ни одна ОО.',
  })
  denominator!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Значение: Σ числителя / Σ знаменателя × масштаб; null, когда знаменатель 0 или не сообщён.',
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Целевое значение на учебный год; null — не задано.' })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'Отклонение от цели: значение − целевое значение.' })
  gap!: number | null;

  @Field(() => Boolean, {
    description:
      'Данные полные: все ОО единицы сообщили численность, нужную знаменателю (для показателей без ' +
      'численности — в единице есть ОО). Если нет, значение посчитано только по сообщившим ОО.',
  })
  complete!: boolean;

  @Field(() => Int, {
    description: 'Сколько ОО вошло в расчёт (для показателей по численности — сообщившие её).',
  })
  reportedOrganizations!: number;

  @Field(() => Int, { description: 'Сколько ОО в единице.' })
  organizations!: number;
}

@ObjectType({ description: 'Показатели одной дочерней единицы.', simpleResolvers: true })
export class UnitIndicators {
  @Field(() => ReportingUnit, { description: 'Единица.' })
  unit!: ReportingUnit;

  @Field(() => [IndicatorValue], { description: 'Значения показателей.' })
  values!: IndicatorValue[];
}

@ObjectType({ description: 'Показатели единицы за один учебный год.', simpleResolvers: true })
export class IndicatorYear {
  @Field(() => Int, { description: 'Учебный год по году начала.' })
  academicYear!: number;

  @Field(() => [IndicatorValue], { description: 'Значения показателей.' })
  values!: IndicatorValue[];
}

@ObjectType({
  description:
    'Целевые показатели единицы за учебный год, её дочерних единиц (для таблицы и диаграммы) и по годам.',
  simpleResolvers: true,
})
export class IndicatorRollup {
  @Field(() => ReportingUnit, { description: 'Единица.' })
  unit!: ReportingUnit;

  @Field(() => Int, { description: 'Учебный год по году начала.' })
  academicYear!: number;

  @Field(() => GraphQLDate, {
    description:
      'Дата, на которую посчитан возраст участников; по умолчанию 1 января учебного года (как в форме ОО-1).',
  })
  on!: string;

  @Field(() => [IndicatorValue], { description: 'Значения показателей единицы.' })
  values!: IndicatorValue[];

  /**
   * The children's values for these indicators (null: all), computed when the `children` field
   * asks: a dashboard's table of one indicator does not pay for 89 × every indicator.
   */
  childrenFor!: (codes: readonly string[] | null) => UnitIndicators[];

  @Field(() => [IndicatorYear], {
    description: 'Значения единицы по каждому учебному году, который есть в сводке (по возрастанию).',
  })
  trend!: IndicatorYear[];
}
