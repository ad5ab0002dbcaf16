import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportProblem } from '../../imports/import-problem.js';
import { RoadmapItemStatus } from './roadmap.enums.js';

/** What the import did to the owner's roadmap for the period. */
export enum RoadmapImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}

registerEnumType(RoadmapImportOutcome, {
  name: 'RoadmapImportOutcome',
  description: 'Что импорт сделал (или сделал бы при пробной загрузке) с дорожной картой на этот период.',
  valuesConfig: {
    CREATED: { description: 'Создана новая дорожная карта.' },
    UPDATED: { description: 'План существующей карты (черновика или возвращённой) заменён планом из файла.' },
    UNCHANGED: { description: 'Карта уже совпадает с файлом: ничего не изменено.' },
  },
});

@ObjectType({ description: 'Сколько мероприятий с одной отметкой о выполнении.' })
export class RoadmapItemStatusCount {
  @Field(() => RoadmapItemStatus, { description: 'Отметка.' })
  status!: RoadmapItemStatus;

  @Field(() => Int, { description: 'Сколько мероприятий.' })
  items!: number;
}

@ObjectType({
  description:
    'Срок, который не удалось понять. Это не ошибка: формулировка сохраняется как есть, мероприятие помечается, ' +
    'а дата не угадывается — её стоит уточнить.',
})
export class UnparsedDeadline {
  @Field(() => String, { nullable: true, description: 'Лист книги XLSX; для CSV не указывается.' })
  sheet?: string;

  @Field(() => Int, { description: 'Строка мероприятия в файле.' })
  row!: number;

  @Field(() => String, { description: 'Срок, как он записан в файле.' })
  wording!: string;

  @Field(() => String, { nullable: true, description: 'Почему срок не распознан.' })
  problem?: string | null;
}

@ObjectType({
  description:
    'Итог загрузки дорожной карты из файла. Пока есть ошибки, ничего не записывается; счётчики показывают, ' +
    'что прочитано из файла.',
})
export class RoadmapImportReport {
  @Field(() => Boolean, { description: 'Была ли это пробная загрузка (только проверка).' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Записана ли дорожная карта.' })
  applied!: boolean;

  @Field(() => RoadmapImportOutcome, {
    nullable: true,
    description: 'Что сделано с картой (при пробной загрузке — что было бы сделано); null — файл с ошибками.',
  })
  outcome?: RoadmapImportOutcome | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Дорожная карта; null — файл с ошибками или пробная загрузка новой карты.',
  })
  roadmapId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Заголовок карты: из запроса, из файла или по умолчанию.',
  })
  title?: string | null;

  @Field(() => String, { description: 'Начало периода карты (ГГГГ-ММ-ДД).' })
  periodFrom!: string;

  @Field(() => String, { description: 'Конец периода карты (ГГГГ-ММ-ДД).' })
  periodTo!: string;

  @Field(() => Int, { description: 'Разделов в файле.' })
  sections!: number;

  @Field(() => Int, { description: 'Мероприятий в файле.' })
  items!: number;

  @Field(() => [RoadmapItemStatusCount], {
    description: 'Мероприятия по отметкам о выполнении, каждая отметка.',
  })
  itemsByStatus!: RoadmapItemStatusCount[];

  @Field(() => [UnparsedDeadline], {
    description: 'Предупреждения: сроки, которые сохранены как записаны, но не распознаны.',
  })
  unparsedDeadlines!: UnparsedDeadline[];

  @Field(() => [ImportProblem], { description: 'Все найденные ошибки; пусто, если файл корректен.' })
  problems!: ImportProblem[];
}
