import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { RoadmapItem } from './roadmap-item.entity.js';
import { RoadmapProgress } from './roadmap-progress.js';
import { Roadmap } from './roadmap.entity.js';
import { RoadmapStatus } from './roadmap.enums.js';

@ObjectType({ description: 'Строка трекера муниципалитета: одна ОО и её дорожная карта.' })
export class OrganizationRoadmapRow {
  organizationId!: number;
  roadmapId!: number | null;

  @Field(() => RoadmapStatus, {
    nullable: true,
    description: 'Состояние согласования; null — дорожной карты нет.',
  })
  status!: RoadmapStatus | null;

  @Field(() => RoadmapProgress, { description: 'Выполнение на дату.' })
  progress!: RoadmapProgress;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Последнее изменение карты или отметки.' })
  lastUpdatedAt!: Date | null;
}

/** How many schools there are and how far their roadmaps got. */
@ObjectType()
abstract class RoadmapCoverage {
  @Field(() => Int, { description: 'ОО всего.' })
  organizations!: number;

  @Field(() => Int, { description: 'ОО с дорожной картой.' })
  withRoadmap!: number;

  @Field(() => Int, { description: 'ОО с согласованной дорожной картой.' })
  agreed!: number;
}

@ObjectType({ description: 'Трекер дорожных карт ОО муниципалитета на учебный год.' })
export class RoadmapTracker extends RoadmapCoverage {
  municipalityId!: number;

  @Field(() => Int, { description: 'Учебный год (год начала).' })
  academicYear!: number;

  @Field(() => String, { description: 'Дата расчёта.' })
  asOf!: string;

  @Field(() => [OrganizationRoadmapRow], {
    description: 'Все ОО муниципалитета в области доступа, по наименованию.',
  })
  rows!: OrganizationRoadmapRow[];

  @Field(() => Int, { description: 'ОО всего.' })
  organizations!: number;

  @Field(() => Int, { description: 'ОО с дорожной картой.' })
  withRoadmap!: number;

  @Field(() => Int, { description: 'ОО с согласованной дорожной картой.' })
  agreed!: number;

  @Field(() => RoadmapProgress, { description: 'Итого по муниципалитету.' })
  total!: RoadmapProgress;
}

@ObjectType({ description: 'Выполнение дорожных карт ОО в одной единице: муниципалитете или субъекте РФ.' })
export class UnitRoadmapCompletion extends RoadmapCoverage {
  @Field(() => String, { description: 'Код единицы (ОКТМО или код субъекта); пусто для строки «Итого».' })
  code!: string;

  @Field(() => String, { description: 'Наименование.' })
  name!: string;

  @Field(() => RoadmapProgress, { description: 'Выполнение на дату.' })
  progress!: RoadmapProgress;
}

@ObjectType({ description: 'Выполнение дорожных карт ОО по дочерним единицам с итогом.' })
export class RoadmapCompletion {
  @Field(() => Int, { description: 'Учебный год (год начала).' })
  academicYear!: number;

  @Field(() => String, { description: 'Дата расчёта.' })
  asOf!: string;

  @Field(() => [UnitRoadmapCompletion], { description: 'Муниципалитеты субъекта или субъекты РФ.' })
  rows!: UnitRoadmapCompletion[];

  @Field(() => UnitRoadmapCompletion, { description: 'Итого: суммы и доли из сумм.' })
  total!: UnitRoadmapCompletion;
}

@ObjectType({ description: 'Просроченное мероприятие дорожной карты ОО.' })
export class OverdueRoadmapItem {
  @Field(() => RoadmapItem, { description: 'Мероприятие.' })
  item!: RoadmapItem;

  @Field(() => String, { description: 'Мероприятие (как в item.title).' })
  title!: string;

  @Field(() => String, { description: 'Крайний срок.' })
  dueTo!: string;

  @Field(() => Int, { description: 'На сколько дней просрочено на дату расчёта.' })
  daysLate!: number;

  @Field(() => Organization, { description: 'Образовательная организация.' })
  organization!: Organization;

  @Field(() => Roadmap, { description: 'Дорожная карта.' })
  roadmap!: Roadmap;
}

@ObjectType({ description: 'Страница просроченных мероприятий (самые просроченные первыми).' })
export class OverdueRoadmapItemConnection extends Connection(OverdueRoadmapItem) {}
