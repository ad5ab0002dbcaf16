import { Field, InputType } from 'type-graphql';
import { PartnerKind } from './partner.type.js';

@InputType({ description: 'Организация-партнёр. При изменении передаются все поля заново.' })
export class PartnerInput {
  @Field(() => String, { description: 'Наименование; в пределах ОО не повторяется.' })
  name!: string;

  @Field(() => PartnerKind, { description: 'Вид организации-партнёра.' })
  kind!: PartnerKind;

  @Field(() => String, {
    nullable: true,
    description: 'ИНН: 10 цифр (организация) или 12 (индивидуальный предприниматель).',
  })
  inn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Контакт: должность или подразделение, без ФИО, телефона и электронной почты.',
  })
  contactRole?: string | null;
}

@InputType({ description: 'Соглашение о сотрудничестве. При изменении передаются все поля заново.' })
export class PartnerAgreementInput {
  @Field(() => String, { description: 'Номер соглашения.' })
  number!: string;

  @Field(() => String, { description: 'Дата заключения (ГГГГ-ММ-ДД), не позже сегодняшней.' })
  signedOn!: string;

  @Field(() => String, { description: 'Начало срока действия (ГГГГ-ММ-ДД).' })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Окончание срока действия (ГГГГ-ММ-ДД), не раньше начала; не указано — бессрочное.',
  })
  validTo?: string | null;

  @Field(() => String, { description: 'Предмет соглашения.' })
  subject!: string;
}
