import { Field, Int, ObjectType } from 'type-graphql';
import { RoadmapLevel } from './roadmap.enums.js';

@ObjectType('RoadmapTemplate', { description: 'Типовая дорожная карта.' })
export class RoadmapTemplateType {
  @Field(() => String, { description: 'Код шаблона.' })
  code!: string;

  @Field(() => RoadmapLevel, { description: 'Для какого уровня.' })
  level!: RoadmapLevel;

  @Field(() => String, { description: 'Наименование.' })
  title!: string;

  @Field(() => String, { description: 'Описание.' })
  description!: string;

  @Field(() => Int, { description: 'Сколько мероприятий.' })
  itemCount!: number;
}
