import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ImportProblem } from '../../imports/import-problem.js';
import { SpreadsheetUploadInput } from '../../imports/spreadsheet-upload.input.js';

@InputType({
  description:
    'Журнал наставнических пар и групп ОО в файле CSV или XLSX: «№ группы», «Форма наставничества», ' +
    '«Наставник» и «Наставляемый» (номера участников в учёте ОО), «Программа», «Номер приказа», «Дата приказа», ' +
    '«Этап», «Статус», «Дата начала», «Дата окончания», «Причина прекращения».',
})
export class MentoringGroupImportInput extends SpreadsheetUploadInput {}

/** The shape of the participant import's report, so that the dashboard shows both the same way. */
@ObjectType({
  description: 'Итог загрузки пар и групп: что изменится (или изменилось) и ошибки файла.',
})
export class MentoringGroupImportReport {
  @Field(() => Boolean, { description: 'Только проверка: ничего не записано.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Изменения записаны (нет ошибок и это не проверка).' })
  applied!: boolean;

  @Field(() => Int, {
    description: 'Строк с парами и группами в файле (группа может занимать несколько строк).',
  })
  rows!: number;

  @Field(() => Int, { description: 'Новых пар и групп.' })
  created!: number;

  @Field(() => Int, { description: 'Пар и групп, чьи сведения, состав, этап или состояние изменились.' })
  updated!: number;

  @Field(() => Int, { description: 'Пар и групп без изменений.' })
  unchanged!: number;

  @Field(() => [ImportProblem], {
    description: 'Ошибки с номером строки и столбцом; при любой ошибке ничего не записывается.',
  })
  problems!: ImportProblem[];
}
