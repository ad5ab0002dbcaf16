import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Roadmap } from './roadmap.entity.js';

@ObjectType({ description: 'Раздел дорожной карты, например «Нормативное правовое регулирование».' })
@Entity({ tableName: 'roadmap_section' })
export class RoadmapSection {
  @Field(() => ID, { description: 'Идентификатор раздела.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Roadmap, { ref: true, deleteRule: 'cascade' })
  roadmap!: Ref<Roadmap>;

  @Field(() => Int, { description: 'Порядковый номер раздела.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Наименование раздела.' })
  @Property({ type: 'text' })
  title!: string;
}
