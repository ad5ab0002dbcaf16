import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Ошибка в загружаемом файле: где она и что исправить.' })
export class ImportProblem {
  @Field(() => String, { nullable: true, description: 'Лист книги XLSX; для CSV не указывается.' })
  sheet?: string;

  @Field(() => Int, {
    description: 'Номер строки, как его показывает редактор таблиц; 0 — ошибка относится ко всему файлу.',
  })
  row!: number;

  @Field(() => String, { nullable: true, description: 'Заголовок столбца, как он написан в файле.' })
  column?: string;

  @Field(() => String, { description: 'Описание ошибки.' })
  message!: string;
}
