import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Субъект Российской Федерации.' })
@Entity({ tableName: 'region' })
export class Region {
  @Field(() => ID, { description: 'Внутренний идентификатор.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Код субъекта РФ (две цифры, например «52»).' })
  @Property({ type: 'string', length: 8, unique: true })
  code!: string;

  @Field(() => String, { description: 'Наименование субъекта РФ.' })
  @Property({ type: 'string', length: 255 })
  name!: string;
}
