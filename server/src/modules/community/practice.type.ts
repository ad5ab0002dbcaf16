import {
  ArgsType,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { Connection, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import { MentoringForm } from '../mentoring/mentoring-group.enums.js';
import { MentoringStage } from '../mentoring/mentoring-stage.js';

/** Where a case is published; each level is read by everyone at and under its node. */
export enum PracticeLevel {
  SCHOOL = 'SCHOOL',
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
}

/** How messages name a level: «опубликована на уровне муниципалитета». */
export const PRACTICE_LEVEL_LABELS: Record<PracticeLevel, string> = {
  [PracticeLevel.SCHOOL]: 'ОО',
  [PracticeLevel.MUNICIPALITY]: 'муниципалитета',
  [PracticeLevel.REGION]: 'субъекта РФ',
};

registerEnumType(PracticeLevel, {
  name: 'PracticeLevel',
  description: 'Уровень публикации лучшей практики (кейса).',
  valuesConfig: {
    SCHOOL: { description: 'ОО: видит только куратор ОО-автора.' },
    MUNICIPALITY: {
      description: 'Муниципалитет: видят все в муниципалитете (и кураторы его ОО) и уровни выше.',
    },
    REGION: { description: 'Субъект РФ: видят все в субъекте РФ и федеральный уровень.' },
  },
});

@ObjectType({ description: 'ОО — автор практики.' })
export class PracticeAuthor {
  @Field(() => String, { description: 'Код ОО.' })
  organizationCode!: string;

  @Field(() => String, { description: 'Наименование ОО (сокращённое, если есть).' })
  organizationName!: string;

  @Field(() => String, { description: 'Муниципалитет ОО.' })
  municipalityName!: string;
}

@ObjectType({
  description:
    'Лучшая практика наставничества (кейс): итоги и процессы совместной работы, оформленные ОО. ' +
    'Уровень публикации решает, кто её видит.',
})
export class MentoringPractice {
  @Field(() => ID, { description: 'Идентификатор практики.' })
  id!: number;

  @Field(() => String, { description: 'Название.' })
  title!: string;

  @Field(() => String, { description: 'Краткое описание: задача, что сделано, результат.' })
  summary!: string;

  @Field(() => MentoringForm, { description: 'Форма наставничества.' })
  form!: MentoringForm;

  @Field(() => MentoringStage, { nullable: true, description: 'Этап программы; null — вся программа.' })
  stage!: MentoringStage | null;

  @Field(() => String, { nullable: true, description: 'Ссылка на публикацию на сайте ОО или партнёра.' })
  url!: string | null;

  @Field(() => PracticeLevel, { description: 'Уровень публикации.' })
  level!: PracticeLevel;

  @Field(() => Boolean, {
    description: 'ОО предложила опубликовать практику на уровне муниципалитета (только для уровня ОО).',
  })
  proposed!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'Когда практика получила нынешний уровень публикации.' })
  publishedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Когда изменена в последний раз.' })
  updatedAt!: Date;

  @Field(() => PracticeAuthor, { description: 'ОО — автор практики.' })
  author!: PracticeAuthor;
}

@ObjectType({ description: 'Страница лучших практик.' })
export class MentoringPracticeConnection extends Connection(MentoringPractice) {}

@InputType({ description: 'Лучшая практика (кейс). При изменении передаются все поля заново.' })
export class PracticeInput {
  @Field(() => String, { description: 'Название.' })
  title!: string;

  @Field(() => String, { description: 'Краткое описание без персональных данных участников.' })
  summary!: string;

  @Field(() => MentoringForm, { description: 'Форма наставничества.' })
  form!: MentoringForm;

  @Field(() => MentoringStage, { nullable: true, description: 'Этап программы; не указан — вся программа.' })
  stage?: MentoringStage | null;

  @Field(() => String, { nullable: true, description: 'Ссылка на публикацию (http:// или https://).' })
  url?: string | null;
}

@ArgsType()
export class PracticeListArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `Сколько практик вернуть (0–${MAX_PAGE_SIZE}; 0 — только totalCount).`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;

  @Field(() => PracticeLevel, { nullable: true, description: 'Только этого уровня публикации.' })
  level?: PracticeLevel | null;

  @Field(() => String, {
    nullable: true,
    description: 'Поиск подстроки без учёта регистра в названии и описании.',
  })
  search?: string | null;
}
