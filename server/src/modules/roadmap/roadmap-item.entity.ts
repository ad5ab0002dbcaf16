import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { MentoringStage } from '../mentoring/mentoring-stage.js';
import { RoadmapSection } from './roadmap-section.entity.js';
import { Roadmap } from './roadmap.entity.js';
import { DueKind, RoadmapItemStatus } from './roadmap.enums.js';

@ObjectType({ description: 'Период, в который мероприятие должно быть выполнено.' })
export class DueWindowType {
  @Field(() => String, { description: 'Первый день (ГГГГ-ММ-ДД).' })
  from!: string;

  @Field(() => String, { description: 'Последний день включительно (ГГГГ-ММ-ДД).' })
  to!: string;
}

@ObjectType({ description: 'Мероприятие дорожной карты с отметкой о выполнении.' })
@Entity({ tableName: 'roadmap_item' })
export class RoadmapItem {
  @Field(() => ID, { description: 'Идентификатор мероприятия.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Roadmap, { ref: true, deleteRule: 'cascade' })
  roadmap!: Ref<Roadmap>;

  @ManyToOne(() => RoadmapSection, { ref: true, nullable: true })
  section?: Ref<RoadmapSection> | null;

  /** The owner's path, copied from the roadmap so scope filters and rollups need no join. */
  @ManyToOne(() => Region, { ref: true })
  region!: Ref<Region>;

  @ManyToOne(() => Municipality, { ref: true, nullable: true })
  municipality?: Ref<Municipality> | null;

  @ManyToOne(() => Organization, { ref: true, nullable: true })
  organization?: Ref<Organization> | null;

  @Field(() => Int, { description: 'Порядок в дорожной карте.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { nullable: true, description: 'Номер, как в документе («1.», «3.2»).' })
  @Property({ type: 'text', nullable: true })
  number?: string | null;

  @Field(() => String, { description: 'Мероприятие.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => MentoringStage, {
    nullable: true,
    description: 'Этап программы наставничества, если применимо.',
  })
  @Enum({ items: () => MentoringStage, nullable: true })
  stage?: MentoringStage | null;

  @Field(() => String, { description: 'Срок так, как он записан в документе.' })
  @Property({ type: 'text' })
  dueWording: string = '';

  @Field(() => DueKind, { description: 'Как понят срок.' })
  @Enum({ items: () => DueKind })
  dueKind!: DueKind;

  @Field(() => [DueWindowType], { description: 'Периоды выполнения, распознанные из формулировки.' })
  @Property({ type: 'json' })
  dueWindows: DueWindowType[] = [];

  @Field(() => String, { nullable: true, description: 'Почему срок не распознан.' })
  @Property({ type: 'text', nullable: true })
  dueProblem?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Крайний срок (последний день последнего периода); null — своего срока нет.',
  })
  @Property({ type: 'date', nullable: true })
  dueTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Ответственные.' })
  @Property({ type: 'text', nullable: true })
  responsible?: string | null;

  @Field(() => String, { nullable: true, description: 'Результат / вид документа.' })
  @Property({ type: 'text', nullable: true })
  expectedResult?: string | null;

  @Field(() => RoadmapItemStatus, { description: 'Отметка о выполнении.' })
  @Enum({ items: () => RoadmapItemStatus })
  status: RoadmapItemStatus = RoadmapItemStatus.PLANNED;

  @Field(() => String, { nullable: true, description: 'Комментарий к отметке о выполнении.' })
  @Property({ type: 'text', nullable: true })
  completionNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Подтверждение: номер приказа или другого документа.' })
  @Property({ type: 'text', nullable: true })
  evidenceOrderNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Подтверждение: дата документа (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date', nullable: true })
  evidenceOrderDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Подтверждение: ссылка на документ или публикацию.' })
  @Property({ type: 'text', nullable: true })
  evidenceLink?: string | null;

  @Field(() => String, { nullable: true, description: 'Подтверждение: имя файла.' })
  @Property({ type: 'text', nullable: true })
  evidenceFileName?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата выполнения (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date', nullable: true })
  completedAt?: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Когда изменено в последний раз.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
