import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ImportProblem } from '../../imports/import-problem.js';
import { SpreadsheetUploadInput } from '../../imports/spreadsheet-upload.input.js';

@InputType({
  description:
    'Список участников ОО в файле CSV или XLSX, как его ведёт школа: «№», «Фамилия», «Имя», «Отчество», ' +
    '«Дата рождения», «Категория», «Наставник», «Наставляемый», «Класс» / «Курс», «Стаж», «Контакт», ' +
    '«Согласие: дата», «Согласие: кто подписал», «Представитель».',
})
export class ParticipantImportInput extends SpreadsheetUploadInput {}

@ObjectType({
  description: 'Итог загрузки списка участников: что изменится (или изменилось) и ошибки файла.',
})
export class ParticipantImportReport {
  @Field(() => Boolean, { description: 'Только проверка: ничего не записано.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Изменения записаны (нет ошибок и это не проверка).' })
  applied!: boolean;

  @Field(() => Int, { description: 'Строк с участниками в файле.' })
  rows!: number;

  @Field(() => Int, { description: 'Новых участников.' })
  created!: number;

  @Field(() => Int, { description: 'Участников, чьи сведения изменились.' })
  updated!: number;

  @Field(() => Int, { description: 'Участников без изменений.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Записанных согласий на обработку персональных данных.' })
  consentsRecorded!: number;

  @Field(() => [ImportProblem], {
    description: 'Ошибки с номером строки и столбцом; при любой ошибке ничего не записывается.',
  })
  problems!: ImportProblem[];
}
