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

/** The prefix of a data URL (`data:…;base64,`), which browsers produce when reading a file. */
const DATA_URL_PREFIX = /^data:[^,]*;base64,/;

/** The file bytes, or undefined when the text is not base64 (Buffer.from would silently skip junk). */
export function decodeBase64Content(contentBase64: string): Buffer | undefined {
  const compact = contentBase64.replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64');
}
