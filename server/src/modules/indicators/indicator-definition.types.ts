import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  AVERAGE = 'AVERAGE',
  RATIO = 'RATIO',
}

export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  [IndicatorUnit.PERCENT]: 'доля, % (Σ числителя / Σ знаменателя × 100)',
  [IndicatorUnit.AVERAGE]: 'среднее значение (Σ значений / число значений), например оценка 1–5',
  [IndicatorUnit.RATIO]: 'отношение (Σ числителя / Σ знаменателя), например наставляемых на наставника',
};

registerLabelledEnum(IndicatorUnit, 'IndicatorUnit', 'Единица измерения показателя.', INDICATOR_UNIT_LABELS);

@ObjectType({ description: 'Целевое значение показателя на учебный год.', simpleResolvers: true })
export class IndicatorTarget {
  @Field(() => Int, {
    description:
      'Учебный год по году начала, с которого действует значение (до года следующего целевого значения).',
  })
  academicYear!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Код субъекта РФ, установившего своё значение; null — общее значение по умолчанию.',
  })
  regionCode!: string | null;

  @Field(() => Float, { description: 'Целевое значение в единицах показателя.' })
  value!: number;
}

@ObjectType({
  description:
    'Определение целевого показателя: числитель и знаменатель — показатели сводки, значение — ' +
    'Σ числителя / Σ знаменателя × масштаб. Общие определения поставляются с системой (isDefault), ' +
    'субъект РФ может добавить свои и задать свои целевые значения.',
  simpleResolvers: true,
})
export class IndicatorDefinition {
  @Field(() => String, { description: 'Код показателя (латиница, например PUPILS_10_18_MENTEES).' })
  code!: string;

  @Field(() => String, { description: 'Наименование.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Пояснение: что считается и по каким данным.' })
  description!: string | null;

  @Field(() => IndicatorUnit, { description: 'Единица измерения.' })
  unit!: IndicatorUnit;

  @Field(() => String, { description: 'Числитель: показатель сводки (см. indicatorMeasures).' })
  numerator!: string;

  @Field(() => String, { description: 'Знаменатель: показатель сводки (см. indicatorMeasures).' })
  denominator!: string;

  @Field(() => Float, { description: 'Множитель отношения: 100 для процентов, 1 для средних и отношений.' })
  scale!: number;

  @Field(() => Boolean, {
    description: 'Общее определение, поставляемое с системой; субъекты РФ его не меняют.',
  })
  isDefault!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Код субъекта РФ, добавившего определение; null — общее определение.',
  })
  regionCode!: string | null;

  @Field(() => [IndicatorTarget], {
    description: 'Целевые значения: общие и (если задан субъект РФ) собственные значения субъекта.',
  })
  targets!: IndicatorTarget[];
}

@ObjectType({ description: 'Показатель сводки, из которого строятся числители и знаменатели.' })
export class IndicatorMeasure {
  @Field(() => String, { description: 'Имя показателя (столбец сводки), например mentees_pupils_10_18.' })
  name!: string;

  @Field(() => String, { description: 'Что он считает.' })
  description!: string;
}

@InputType({ description: 'Собственное определение показателя субъекта РФ.' })
export class IndicatorDefinitionInput {
  @Field(() => String, {
    description: 'Код: заглавные латинские буквы, цифры и «_», не совпадает с кодами общих показателей.',
  })
  code!: string;

  @Field(() => String, { description: 'Наименование (до 300 символов).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Пояснение (до 2000 символов).' })
  description?: string | null;

  @Field(() => IndicatorUnit, { description: 'Единица измерения.' })
  unit!: IndicatorUnit;

  @Field(() => String, { description: 'Числитель: имя показателя сводки.' })
  numerator!: string;

  @Field(() => String, { description: 'Знаменатель: имя показателя сводки.' })
  denominator!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Множитель; по умолчанию 100 для PERCENT и 1 для AVERAGE и RATIO.',
  })
  scale?: number | null;
}

@InputType({ description: 'Собственное целевое значение субъекта РФ на учебный год.' })
export class IndicatorTargetInput {
  @Field(() => String, { description: 'Код субъекта РФ (свой).' })
  regionCode!: string;

  @Field(() => String, { description: 'Код показателя (общего или своего).' })
  code!: string;

  @Field(() => Int, { description: 'Учебный год по году начала, с которого действует значение.' })
  academicYear!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Значение в единицах показателя; null удаляет собственное значение субъекта на этот год.',
  })
  value?: number | null;
}
