import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MentoringForm, MentoringGroupStatus } from './mentoring-group.enums.js';
import { MentoringStage } from './mentoring-stage.js';
import { ParticipantRole } from './participant.enums.js';
import { Participant } from './participant.entity.js';

@ObjectType({
  description:
    'Наставническая пара или группа: форма, программа, наставники и наставляемые, приказ о закреплении, этап и состояние.',
})
@Entity({ tableName: 'mentoring_group' })
export class MentoringGroup {
  @Field(() => ID, { description: 'Идентификатор пары или группы.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  regionId!: number;

  @Property({ type: 'integer' })
  municipalityId!: number;

  @Property({ type: 'integer' })
  organizationId!: number;

  @Property({ type: 'integer', nullable: true })
  programId?: number | null;

  @Field(() => MentoringForm, { description: 'Форма наставничества.' })
  @Enum({ items: () => MentoringForm })
  form!: MentoringForm;

  @Field(() => String, { nullable: true, description: 'Название пары или группы.' })
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Номер пары или группы в учёте ОО: по нему группа узнаётся при загрузке из файла.',
  })
  @Property({ type: 'text', nullable: true })
  externalKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Номер приказа о закреплении.' })
  @Property({ type: 'text', nullable: true })
  orderNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата приказа о закреплении (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date', nullable: true })
  orderDate?: string | null;

  @Field(() => MentoringStage, { description: 'Этап программы наставничества, на котором находится группа.' })
  @Enum({ items: () => MentoringStage })
  stage!: MentoringStage;

  @Field(() => MentoringGroupStatus, { description: 'Состояние пары или группы.' })
  @Enum({ items: () => MentoringGroupStatus })
  status!: MentoringGroupStatus;

  @Field(() => String, { nullable: true, description: 'Дата начала работы (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date', nullable: true })
  startedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата завершения или прекращения (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Причина досрочного прекращения.' })
  @Property({ type: 'text', nullable: true })
  terminationReason?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A member row with its participant, loaded in one statement for a page of groups. */
@ObjectType({ description: 'Участник пары или группы.' })
export class MentoringGroupMember {
  @Field(() => ParticipantRole, { description: 'Роль в паре или группе.' })
  role!: ParticipantRole;

  @Field(() => Participant, { description: 'Участник (без персональных данных; они — в поле `personal`).' })
  participant!: Participant;
}
