import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality } from './municipality.entity.js';
import { Region } from './region.entity.js';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

export enum OrganizationKind {
  SCHOOL = 'SCHOOL',
  ADDITIONAL_EDUCATION = 'ADDITIONAL_EDUCATION',
  VOCATIONAL = 'VOCATIONAL',
  KINDERGARTEN_SCHOOL = 'KINDERGARTEN_SCHOOL',
}

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  [OrganizationKind.SCHOOL]: 'общеобразовательная организация',
  [OrganizationKind.ADDITIONAL_EDUCATION]: 'организация дополнительного образования',
  [OrganizationKind.VOCATIONAL]: 'профессиональная образовательная организация (СПО)',
  [OrganizationKind.KINDERGARTEN_SCHOOL]: 'начальная школа – детский сад',
};

registerLabelledEnum(
  OrganizationKind,
  'OrganizationKind',
  'Тип образовательной организации.',
  ORGANIZATION_KIND_LABELS,
);

@ObjectType({ description: 'Образовательная организация (ОО): школа, ОДО, СПО.' })
@Entity({ tableName: 'organization' })
export class Organization {
  @Field(() => ID, { description: 'Внутренний идентификатор.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Denormalised path (DESIGN.md): scope filters and rollups need no joins. */
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => String, { description: 'Код организации — внешний идентификатор в ссылках, API и импорте.' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => String, { description: 'Полное наименование.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Сокращённое наименование.' })
  @Property({ type: 'string', length: 255, nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind, { description: 'Тип организации.' })
  @Enum({ items: () => OrganizationKind })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Адрес.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'ИНН (10 цифр).' })
  @Property({ type: 'string', length: 12, nullable: true })
  inn?: string | null;
}
