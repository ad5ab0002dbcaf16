import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ConsentSigner } from './participant.enums.js';
import { Participant } from './participant.entity.js';

/** A consent to personal data processing; the representative's name and document are personal. */
@ObjectType({ description: 'Согласие на обработку персональных данных участника.' })
@Entity({ tableName: 'consent' })
export class Consent {
  @Field(() => ID, { description: 'Идентификатор согласия.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Participant, { ref: true, deleteRule: 'cascade' })
  participant!: Ref<Participant>;

  @Field(() => ConsentSigner, { description: 'Кто подписал.' })
  @Enum({ items: () => ConsentSigner })
  signedBy!: ConsentSigner;

  /** Personal: shown only inside ParticipantPersonal, cleared on depersonalisation. */
  @Property({ type: 'text', nullable: true })
  representativeName?: string | null;

  /** Personal for the same reason: the document names the person. */
  @Property({ type: 'text', nullable: true })
  documentReference?: string | null;

  @Field(() => String, { description: 'Дата подписания (ГГГГ-ММ-ДД).' })
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => String, { nullable: true, description: 'Дата отзыва (ГГГГ-ММ-ДД); null — действует.' })
  @Property({ type: 'date', nullable: true })
  revokedOn?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
