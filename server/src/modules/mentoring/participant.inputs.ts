import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import { ConsentSigner, ParticipantCategory, ParticipantRole, RequestSource } from './participant.enums.js';

@InputType({
  description:
    'Участник базы наставников / наставляемых: персональные данные, категория, профиль наставника, запрос наставляемого. ' +
    'При изменении передаются все поля заново.',
})
export class ParticipantInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Номер участника в учёте ОО; уникален в пределах ОО (повторный импорт узнаёт участника по нему).',
  })
  externalKey?: string | null;

  @Field(() => ParticipantCategory, { description: 'Категория участника.' })
  category!: ParticipantCategory;

  @Field(() => Boolean, { defaultValue: false, description: 'Входит в базу наставников.' })
  isMentor!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Входит в базу наставляемых.' })
  isMentee!: boolean;

  @Field(() => String, { description: 'Фамилия.' })
  lastName!: string;

  @Field(() => String, { description: 'Имя.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Отчество.' })
  middleName?: string | null;

  @Field(() => String, { description: 'Дата рождения (ГГГГ-ММ-ДД).' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: 'Контакт: телефон или электронная почта.' })
  contact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Класс или курс; обязателен для обучающихся и студентов.',
  })
  gradeOrCourse?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Педагогический стаж, полных лет (только для педагогов).',
  })
  teachingExperienceYears?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Обучающийся с ОВЗ.' })
  ovz!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Одарённый обучающийся.' })
  gifted!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'В трудной жизненной ситуации.' })
  difficultSituation!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Из малообеспеченной семьи.' })
  lowIncome!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Ребёнок-сирота или оставшийся без попечения родителей.',
  })
  orphan!: boolean;

  @Field(() => [String], { nullable: true, description: 'Профиль наставника: компетенции.' })
  competencies?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Профиль наставника: дата прохождения обучения (ГГГГ-ММ-ДД).',
  })
  trainingCompletedAt?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Профиль наставника: сколько наставляемых может вести (от 1).',
  })
  maxLoad?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Профиль наставника: организация-партнёр; обязательна для представителя работодателя.',
  })
  partnerOrganization?: string | null;

  @Field(() => [String], { nullable: true, description: 'Запрос наставляемого: темы.' })
  requestTopics?: string[] | null;

  @Field(() => RequestSource, { nullable: true, description: 'Запрос наставляемого: откуда пришёл.' })
  requestSource?: RequestSource | null;
}

@InputType({ description: 'Согласие на обработку персональных данных.' })
export class ConsentInput {
  @Field(() => ConsentSigner, {
    description: 'Кто подписал; до 18 лет на дату подписания — только законный представитель.',
  })
  signedBy!: ConsentSigner;

  @Field(() => String, {
    nullable: true,
    description: 'ФИО законного представителя; обязательно, если подписал он.',
  })
  representativeName?: string | null;

  @Field(() => String, { description: 'Дата подписания (ГГГГ-ММ-ДД).' })
  signedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Реквизиты документа согласия (номер, место хранения).',
  })
  documentReference?: string | null;
}

@InputType({ description: 'Отбор участников.' })
export class ParticipantFilter {
  @Field(() => ParticipantCategory, { nullable: true, description: 'Только этой категории.' })
  category?: ParticipantCategory | null;

  @Field(() => ParticipantRole, { nullable: true, description: 'Только наставники или только наставляемые.' })
  role?: ParticipantRole | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true — только с действующим согласием, false — только без него.',
  })
  hasValidConsent?: boolean | null;
}

@ArgsType()
export class ParticipantListArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `Сколько участников вернуть (0–${MAX_PAGE_SIZE}; 0 — только totalCount).`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;

  @Field(() => ParticipantFilter, { nullable: true, description: 'Условия отбора.' })
  filter?: ParticipantFilter | null;
}
