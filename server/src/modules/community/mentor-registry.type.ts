import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';
import { Connection, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import { ConsentSigner, ParticipantCategory } from '../mentoring/participant.enums.js';

/** What a mentor may agree to have published in the municipal registry; nothing else ever is. */
export enum PublicationField {
  FULL_NAME = 'FULL_NAME',
  COMPETENCIES = 'COMPETENCIES',
  POSITION_AND_ORGANIZATION = 'POSITION_AND_ORGANIZATION',
  CONTACT = 'CONTACT',
}

export const PUBLICATION_FIELD_LABELS: Record<PublicationField, string> = {
  [PublicationField.FULL_NAME]: 'ФИО',
  [PublicationField.COMPETENCIES]: 'Компетенции',
  [PublicationField.POSITION_AND_ORGANIZATION]:
    'Категория и организация (ОО, для представителя работодателя — организация-партнёр)',
  [PublicationField.CONTACT]: 'Контакт (телефон или электронная почта)',
};

registerLabelledEnum(
  PublicationField,
  'PublicationField',
  'Сведения о наставнике, которые он согласился опубликовать в муниципальном реестре наставников.',
  PUBLICATION_FIELD_LABELS,
);

@ObjectType({
  description:
    'Согласие наставника на публикацию сведений о нём в муниципальном реестре наставников: какие сведения, ' +
    'кто подписал, когда; персональных данных не содержит.',
})
export class MentorPublicationConsent {
  @Field(() => ID, { description: 'Идентификатор согласия на публикацию.' })
  id!: number;

  participantId!: number;

  @Field(() => [PublicationField], { description: 'Сведения, которые разрешено опубликовать.' })
  fields!: PublicationField[];

  @Field(() => ConsentSigner, { description: 'Кто подписал.' })
  signedBy!: ConsentSigner;

  @Field(() => String, { description: 'Дата подписания (ГГГГ-ММ-ДД).' })
  signedOn!: string;

  @Field(() => String, { nullable: true, description: 'Дата отзыва (ГГГГ-ММ-ДД); null — действует.' })
  revokedOn!: string | null;
}

@InputType({ description: 'Согласие наставника на публикацию в муниципальном реестре наставников.' })
export class PublicationConsentInput {
  @Field(() => [PublicationField], { description: 'Сведения, которые наставник разрешил опубликовать.' })
  fields!: PublicationField[];

  @Field(() => ConsentSigner, {
    description: 'Кто подписал; до 18 лет на дату подписания — только законный представитель.',
  })
  signedBy!: ConsentSigner;

  @Field(() => String, { description: 'Дата подписания (ГГГГ-ММ-ДД), не позже сегодняшней.' })
  signedOn!: string;
}

@ObjectType({
  description:
    'Наставник в муниципальном реестре: только сведения, на публикацию которых он дал согласие; остальные — null.',
})
export class MentorRegistryEntry {
  @Field(() => ID, { description: 'Идентификатор записи реестра (согласия на публикацию).' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'ФИО, если разрешено.' })
  fullName!: string | null;

  @Field(() => [String], { nullable: true, description: 'Компетенции, если разрешено.' })
  competencies!: string[] | null;

  @Field(() => ParticipantCategory, { nullable: true, description: 'Категория, если разрешена организация.' })
  category!: ParticipantCategory | null;

  @Field(() => String, {
    nullable: true,
    description: 'ОО, в которой наставник ведёт работу, если разрешено.',
  })
  organizationName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Организация-партнёр наставника — представителя работодателя, если разрешено.',
  })
  partnerOrganizationName!: string | null;

  @Field(() => String, { nullable: true, description: 'Контакт, если разрешён.' })
  contact!: string | null;

  @Field(() => [PublicationField], { description: 'Какие сведения наставник разрешил опубликовать.' })
  publishedFields!: PublicationField[];

  @Field(() => String, { description: 'С какой даты действует согласие на публикацию (ГГГГ-ММ-ДД).' })
  publishedSince!: string;
}

@ObjectType({ description: 'Страница муниципального реестра наставников.' })
export class MentorRegistryConnection extends Connection(MentorRegistryEntry) {}

@ArgsType()
export class MentorRegistryArgs {
  @Field(() => String, { description: 'Код ОКТМО муниципалитета.' })
  municipalityCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Поиск подстроки без учёта регистра — только в опубликованных сведениях (ФИО, компетенции, организации).',
  })
  search?: string | null;

  @Field(() => Int, {
    defaultValue: 100,
    description: `Сколько наставников вернуть (0–${MAX_PAGE_SIZE}; 0 — только totalCount).`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;
}
