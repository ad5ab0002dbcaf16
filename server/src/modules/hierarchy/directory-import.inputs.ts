import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Файл справочника субъектов РФ, муниципалитетов и образовательных организаций.' })
export class DirectoryImportInput {
  @Field(() => String, {
    description: 'Имя файла, например «справочник.xlsx»; формат определяется по содержимому.',
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
