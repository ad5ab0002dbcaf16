import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from './region.entity.js';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

export enum MunicipalityKind {
  MUNICIPAL_DISTRICT = 'MUNICIPAL_DISTRICT',
  MUNICIPAL_OKRUG = 'MUNICIPAL_OKRUG',
  URBAN_OKRUG = 'URBAN_OKRUG',
  INTRA_CITY_TERRITORY = 'INTRA_CITY_TERRITORY',
}

/** Russian names as they appear in directories and spreadsheets. */
export const MUNICIPALITY_KIND_LABELS: Record<MunicipalityKind, string> = {
  [MunicipalityKind.MUNICIPAL_DISTRICT]: 'муниципальный район',
  [MunicipalityKind.MUNICIPAL_OKRUG]: 'муниципальный округ',
  [MunicipalityKind.URBAN_OKRUG]: 'городской округ',
  [MunicipalityKind.INTRA_CITY_TERRITORY]: 'внутригородская территория',
};

registerLabelledEnum(
  MunicipalityKind,
  'MunicipalityKind',
  'Вид муниципального образования.',
  MUNICIPALITY_KIND_LABELS,
);

@ObjectType({ description: 'Муниципальное образование (муниципалитет) в составе субъекта РФ.' })
@Entity({ tableName: 'municipality' })
export class Municipality {
  @Field(() => ID, { description: 'Внутренний идентификатор.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @Field(() => String, { description: 'Код по ОКТМО (8 цифр).' })
  @Property({ type: 'string', length: 11, unique: true })
  code!: string;

  @Field(() => String, { description: 'Наименование муниципального образования.' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => MunicipalityKind, { description: 'Вид муниципального образования.' })
  @Enum({ items: () => MunicipalityKind })
  kind!: MunicipalityKind;
}
