import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { RoadmapLevel, RoadmapStatus } from './roadmap.enums.js';

@ObjectType({
  description: 'Дорожная карта внедрения целевой модели наставничества: ОО, муниципалитета или субъекта РФ.',
})
@Entity({ tableName: 'roadmap' })
export class Roadmap {
  @Field(() => ID, { description: 'Идентификатор дорожной карты.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => RoadmapLevel, { description: 'Чья это дорожная карта.' })
  @Enum({ items: () => RoadmapLevel })
  level!: RoadmapLevel;

  @ManyToOne(() => Region, { ref: true })
  region!: Ref<Region>;

  @ManyToOne(() => Municipality, { ref: true, nullable: true })
  municipality?: Ref<Municipality> | null;

  @ManyToOne(() => Organization, { ref: true, nullable: true })
  organization?: Ref<Organization> | null;

  @Field(() => String, {
    description: 'Заголовок, например «Дорожная карта внедрения … на 2025/2026 учебный год».',
  })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Начало периода (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field(() => String, { description: 'Конец периода (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => String, { nullable: true, description: 'Код шаблона, из которого создана карта.' })
  @Property({ type: 'text', nullable: true })
  templateCode?: string | null;

  @Field(() => RoadmapStatus, { description: 'Состояние согласования.' })
  @Enum({ items: () => RoadmapStatus })
  status: RoadmapStatus = RoadmapStatus.DRAFT;

  @Field(() => String, {
    nullable: true,
    description: 'Комментарий согласующего (при возврате на доработку).',
  })
  @Property({ type: 'text', nullable: true })
  statusComment?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Когда отправлена на согласование.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Когда согласована.' })
  @Property({ type: 'datetime', nullable: true })
  agreedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'Когда изменена в последний раз.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
