import { Entity, OneToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Participant } from './participant.entity.js';

@ObjectType({ description: 'Реквизиты согласия, относящиеся к персональным данным.' })
export class ConsentDocument {
  @Field(() => ID, { description: 'Идентификатор согласия.' })
  consentId!: string;

  @Field(() => String, { nullable: true, description: 'ФИО законного представителя, подписавшего согласие.' })
  representativeName!: string | null;

  @Field(() => String, { nullable: true, description: 'Реквизиты документа согласия.' })
  documentReference!: string | null;
}

/**
 * The participant's identity, the only table holding it: depersonalisation deletes the row.
 * Read only by the curator of the participant's own organisation, and every read is audited.
 */
@ObjectType({
  description:
    'Персональные данные участника. Доступны только куратору его ОО; каждое чтение записывается в журнал аудита.',
})
@Entity({ tableName: 'participant_personal' })
export class ParticipantPersonal {
  [PrimaryKeyProp]?: 'participant';

  @OneToOne(() => Participant, {
    primary: true,
    ref: true,
    deleteRule: 'cascade',
    fieldName: 'participant_id',
  })
  participant!: Ref<Participant>;

  /** Copied from the participant so the external key is unique per organisation. */
  @Property({ type: 'integer' })
  organizationId!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Номер участника в учёте ОО (для повторного импорта).',
  })
  @Property({ type: 'text', nullable: true })
  externalKey?: string | null;

  @Field(() => String, { description: 'Фамилия.' })
  @Property({ type: 'text' })
  lastName!: string;

  @Field(() => String, { description: 'Имя.' })
  @Property({ type: 'text' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Отчество.' })
  @Property({ type: 'text', nullable: true })
  middleName?: string | null;

  @Field(() => String, { description: 'Дата рождения (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: 'Контакт: телефон или электронная почта.' })
  @Property({ type: 'text', nullable: true })
  contact?: string | null;

  /** Read with the row by the personal-data loader, not a column. */
  @Field(() => [ConsentDocument], {
    description: 'Согласия участника: кто подписал за него и реквизиты документов.',
  })
  consentDocuments!: ConsentDocument[];
}
