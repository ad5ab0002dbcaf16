import { Field, InputType } from 'type-graphql';

/** What every spreadsheet import receives: the file and whether only to check it. */
@InputType()
export abstract class SpreadsheetUploadInput {
  @Field(() => String, {
    description: 'Имя загружаемого файла (для журнала и сообщений); формат определяется по содержимому.',
  })
  fileName!: string;

  @Field(() => String, {
    description:
      'Содержимое файла CSV (UTF-8 или Windows-1251; разделитель «;», «,» или табуляция) или XLSX в base64. ' +
      'Допускается data URL, как его отдаёт FileReader.readAsDataURL.',
  })
  contentBase64!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Только проверить файл и посчитать изменения, ничего не записывая.',
  })
  dryRun!: boolean;
}
