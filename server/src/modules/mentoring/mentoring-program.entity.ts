import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MentoringForm } from './mentoring-group.enums.js';

@ObjectType({ description: 'Программа наставничества образовательной организации.' })
@Entity({ tableName: 'mentoring_program' })
export class MentoringProgram {
  @Field(() => ID, { description: 'Идентификатор программы.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  regionId!: number;

  @Property({ type: 'integer' })
  municipalityId!: number;

  @Property({ type: 'integer' })
  organizationId!: number;

  @Field(() => String, { description: 'Наименование программы.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => [MentoringForm], { description: 'Формы наставничества, которые реализует программа.' })
  @Property({ type: ArrayType })
  forms!: MentoringForm[];

  @Field(() => String, { nullable: true, description: 'Цели и задачи программы.' })
  @Property({ type: 'text', nullable: true })
  goals?: string | null;

  @Field(() => String, { description: 'Начало срока реализации (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field(() => String, { description: 'Окончание срока реализации (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => Boolean, { description: 'Персонализированная программа наставничества.' })
  @Property({ type: 'boolean' })
  personalised: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
