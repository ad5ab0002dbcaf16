import { Field, Int, ObjectType } from 'type-graphql';
import { ImportProblem } from '../../imports/import-problem.js';

@ObjectType({ description: 'Сколько записей одного вида импорт создаёт, изменяет и оставляет как есть.' })
export class ImportCounts {
  @Field(() => Int, { description: 'Новые записи (кода ещё не было в справочнике).' })
  created!: number;

  @Field(() => Int, { description: 'Существующие записи, данные которых в файле другие.' })
  updated!: number;

  @Field(() => Int, { description: 'Существующие записи, совпадающие с файлом.' })
  unchanged!: number;
}

@ObjectType({
  description:
    'Итог загрузки справочника. Пока есть ошибки, ничего не записывается; счётчики показывают, ' +
    'что изменил бы импорт.',
})
export class DirectoryImportReport {
  @Field(() => Boolean, { description: 'Была ли это пробная загрузка (только проверка).' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Записаны ли изменения в справочник.' })
  applied!: boolean;

  @Field(() => [ImportProblem], { description: 'Все найденные ошибки; пусто, если файл корректен.' })
  problems!: ImportProblem[];

  @Field(() => ImportCounts, { description: 'Субъекты РФ.' })
  regions!: ImportCounts;

  @Field(() => ImportCounts, { description: 'Муниципальные образования.' })
  municipalities!: ImportCounts;

  @Field(() => ImportCounts, { description: 'Образовательные организации.' })
  organizations!: ImportCounts;
}

export function noChanges(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/** The answer for a file that could not be read at all: nothing to count, nothing written. */
export function unreadableFileReport(dryRun: boolean, problems: ImportProblem[]): DirectoryImportReport {
  return {
    dryRun,
    applied: false,
    problems,
    regions: noChanges(),
    municipalities: noChanges(),
    organizations: noChanges(),
  };
}
