import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { ConsentStatus, ParticipantCategory, RequestSource } from './participant.enums.js';

/**
 * A mentor or mentee of one organisation without who they are: everything here stays after
 * depersonalisation, so counts and age bands remain right. Identity lives in participant_personal.
 */
@ObjectType({
  description:
    'Участник программы наставничества (база наставников и наставляемых) без персональных данных. ' +
    'Персональные данные — в поле `personal`, доступном только куратору своей ОО.',
})
@Entity({ tableName: 'participant' })
export class Participant {
  @Field(() => ID, { description: 'Идентификатор участника.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Region, { ref: true })
  region!: Ref<Region>;

  @ManyToOne(() => Municipality, { ref: true })
  municipality!: Ref<Municipality>;

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @Field(() => ParticipantCategory, { description: 'Категория участника.' })
  @Enum({ items: () => ParticipantCategory })
  category!: ParticipantCategory;

  @Field(() => Boolean, { description: 'Входит в базу наставников.' })
  @Property({ type: 'boolean' })
  isMentor: boolean = false;

  @Field(() => Boolean, { description: 'Входит в базу наставляемых.' })
  @Property({ type: 'boolean' })
  isMentee: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Год рождения (для возрастных групп показателей).' })
  @Property({ type: 'integer', nullable: true })
  birthYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Месяц рождения, 1–12 (для возрастных групп показателей).',
  })
  @Property({ type: 'integer', nullable: true })
  birthMonth?: number | null;

  @Field(() => String, { nullable: true, description: 'Класс или курс, например «7Б» или «2 курс».' })
  @Property({ type: 'text', nullable: true })
  gradeOrCourse?: string | null;

  @Field(() => Int, { nullable: true, description: 'Педагогический стаж, полных лет (для педагогов).' })
  @Property({ type: 'integer', nullable: true })
  teachingExperienceYears?: number | null;

  @Field(() => Boolean, { description: 'Обучающийся с ОВЗ.' })
  @Property({ type: 'boolean' })
  ovz: boolean = false;

  @Field(() => Boolean, { description: 'Одарённый обучающийся.' })
  @Property({ type: 'boolean' })
  gifted: boolean = false;

  @Field(() => Boolean, { description: 'В трудной жизненной ситуации.' })
  @Property({ type: 'boolean' })
  difficultSituation: boolean = false;

  @Field(() => Boolean, { description: 'Из малообеспеченной семьи.' })
  @Property({ type: 'boolean' })
  lowIncome: boolean = false;

  @Field(() => Boolean, { description: 'Ребёнок-сирота или оставшийся без попечения родителей.' })
  @Property({ type: 'boolean' })
  orphan: boolean = false;

  @Field(() => [String], { description: 'Профиль наставника: компетенции.' })
  @Property({ type: ArrayType })
  competencies: string[] = [];

  @Field(() => String, {
    nullable: true,
    description: 'Профиль наставника: дата прохождения обучения наставников (ГГГГ-ММ-ДД).',
  })
  @Property({ type: 'date', nullable: true })
  trainingCompletedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Профиль наставника: сколько наставляемых может вести.' })
  @Property({ type: 'integer', nullable: true })
  maxLoad?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Профиль наставника от работодателя: организация-партнёр.',
  })
  @Property({ type: 'text', nullable: true })
  partnerOrganization?: string | null;

  @Field(() => [String], { description: 'Запрос наставляемого: темы.' })
  @Property({ type: ArrayType })
  requestTopics: string[] = [];

  @Field(() => RequestSource, { nullable: true, description: 'Запрос наставляемого: откуда пришёл.' })
  @Enum({ items: () => RequestSource, nullable: true })
  requestSource?: RequestSource | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Когда участник обезличен (после отзыва согласия); null — не обезличен.',
  })
  @Property({ type: 'datetime', nullable: true })
  depersonalisedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { description: 'Когда изменено в последний раз.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Computed by the query that loads the row (participant.loaders.ts), not a column. */
  @Field(() => ConsentStatus, { description: 'Состояние согласия на обработку персональных данных.' })
  consentStatus!: ConsentStatus;
}
