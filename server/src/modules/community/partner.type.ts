import { Field, ID, Int, ObjectType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/** Who a school works with (сетевое взаимодействие, социальное партнёрство). */
export enum PartnerKind {
  EMPLOYER = 'EMPLOYER',
  EDUCATION = 'EDUCATION',
  NGO = 'NGO',
  CULTURE = 'CULTURE',
  OTHER = 'OTHER',
}

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  [PartnerKind.EMPLOYER]: 'Работодатель, предприятие',
  [PartnerKind.EDUCATION]: 'Вуз или колледж',
  [PartnerKind.NGO]: 'Некоммерческая организация',
  [PartnerKind.CULTURE]: 'Учреждение культуры',
  [PartnerKind.OTHER]: 'Другая организация',
};

/** Derived on the day asked, never stored: an agreement expires without anyone touching it. */
export enum AgreementStatus {
  NOT_STARTED = 'NOT_STARTED',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
}

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  [AgreementStatus.NOT_STARTED]: 'Ещё не вступило в силу',
  [AgreementStatus.ACTIVE]: 'Действует',
  [AgreementStatus.EXPIRED]: 'Срок действия истёк',
};

registerLabelledEnum(PartnerKind, 'PartnerKind', 'Вид организации-партнёра.', PARTNER_KIND_LABELS);
registerLabelledEnum(
  AgreementStatus,
  'AgreementStatus',
  'Состояние соглашения о сотрудничестве на дату.',
  AGREEMENT_STATUS_LABELS,
);

@ObjectType({
  description:
    'Организация-партнёр ОО: предприятие, вуз, колледж, НКО, учреждение культуры. Это организация, а не человек: ' +
    'контакт — должность или подразделение, без персональных данных.',
})
export class PartnerOrganization {
  @Field(() => ID, { description: 'Идентификатор партнёра.' })
  id!: number;

  organizationId!: number;

  @Field(() => String, { description: 'Наименование организации-партнёра.' })
  name!: string;

  @Field(() => PartnerKind, { description: 'Вид организации-партнёра.' })
  kind!: PartnerKind;

  @Field(() => String, { nullable: true, description: 'ИНН: 10 цифр (организация) или 12 (ИП).' })
  inn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Контакт: должность или подразделение («отдел кадров»), без ФИО, телефона и почты.',
  })
  contactRole!: string | null;
}

@ObjectType({ description: 'Соглашение (договор) о сотрудничестве ОО с организацией-партнёром.' })
export class PartnerAgreement {
  @Field(() => ID, { description: 'Идентификатор соглашения.' })
  id!: number;

  partnerId!: number;

  @Field(() => String, { description: 'Номер соглашения.' })
  number!: string;

  @Field(() => String, { description: 'Дата заключения (ГГГГ-ММ-ДД).' })
  signedOn!: string;

  @Field(() => String, { description: 'Начало срока действия (ГГГГ-ММ-ДД).' })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Окончание срока действия (ГГГГ-ММ-ДД); null — бессрочное.',
  })
  validTo!: string | null;

  @Field(() => String, { description: 'Предмет соглашения.' })
  subject!: string;
}

@ObjectType({
  description:
    'Организации-партнёры в пределах ОО, муниципалитета или субъекта РФ: основа показателя ' +
    '«доля организаций-партнёров, предоставляющих наставников».',
})
export class PartnerCounts {
  @Field(() => Int, { description: 'Сколько организаций-партнёров.' })
  partners!: number;

  @Field(() => Int, {
    description:
      'Сколько из них предоставляют наставников: хотя бы один привязанный наставник в работающей паре или группе.',
  })
  providingMentors!: number;

  @Field(() => Int, { description: 'Сколько из них имеют действующее на сегодня соглашение.' })
  withActiveAgreement!: number;
}

/** An agreement's state on a day, from its period. */
export function agreementStatus(agreement: PartnerAgreement, day: string): AgreementStatus {
  if (day < agreement.validFrom) return AgreementStatus.NOT_STARTED;
  if (agreement.validTo !== null && day > agreement.validTo) return AgreementStatus.EXPIRED;
  return AgreementStatus.ACTIVE;
}
