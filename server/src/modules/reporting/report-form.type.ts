import { Field, Int, ObjectType } from 'type-graphql';
import { formCells, isMeasureCell, type ReportFormDefinition } from './report-form.definition.js';
import type { ReportForm } from './report-form.service.js';

@ObjectType({ description: 'Графа раздела формы.', simpleResolvers: true })
export class StatisticalFormColumn {
  @Field(() => String, {
    description: 'Номер графы, как он напечатан под заголовком (1 и 2 — наименование и № строки).',
  })
  code!: string;

  @Field(() => String, { description: 'Заголовок графы.' })
  title!: string;
}

@ObjectType({ description: 'Ячейка строки формы: откуда берётся значение.', simpleResolvers: true })
export class StatisticalFormCell {
  @Field(() => String, { description: 'Ключ ячейки «строка.графа», например «07.3».' })
  key!: string;

  @Field(() => String, { description: 'Номер графы.' })
  columnCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Показатель сводки, значение которого стоит в ячейке; null — ячейка вычисляет долю.',
  })
  measure!: string | null;

  @Field(() => String, { nullable: true, description: 'Для доли: показатель-числитель.' })
  numerator!: string | null;

  @Field(() => String, { nullable: true, description: 'Для доли: показатель-знаменатель.' })
  denominator!: string | null;

  @Field(() => Boolean, {
    description: 'Можно ли исправить значение вручную (доли вычисляются и не исправляются).',
  })
  correctable!: boolean;
}

@ObjectType({ description: 'Строка формы.', simpleResolvers: true })
export class StatisticalFormRow {
  @Field(() => String, { description: 'Номер строки, единый в форме.' })
  code!: string;

  @Field(() => String, { description: 'Наименование показателя.' })
  title!: string;

  @Field(() => [StatisticalFormCell], { description: 'Заполняемые ячейки; графы без ячейки не заполняются.' })
  cells!: StatisticalFormCell[];
}

@ObjectType({ description: 'Раздел формы.', simpleResolvers: true })
export class StatisticalFormSection {
  @Field(() => String, { description: 'Номер раздела.' })
  code!: string;

  @Field(() => String, { description: 'Заголовок раздела.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Пояснение к разделу.' })
  note!: string | null;

  @Field(() => [StatisticalFormColumn], { description: 'Графы с данными (начиная с 3-й).' })
  columns!: StatisticalFormColumn[];

  @Field(() => [StatisticalFormRow], { description: 'Строки.' })
  rows!: StatisticalFormRow[];
}

@ObjectType({
  description: 'Версия формы статистического наблюдения: разделы, строки, графы; хранится как данные.',
  simpleResolvers: true,
})
export class StatisticalForm {
  @Field(() => String, { description: 'Код формы.' })
  code!: string;

  @Field(() => Int, { description: 'Версия.' })
  version!: number;

  @Field(() => String, { description: 'Наименование формы.' })
  title!: string;

  @Field(() => Int, { description: 'С какого учебного года действует эта версия (год начала).' })
  validFromYear!: number;

  @Field(() => Boolean, {
    description: 'Поставляется с системой (макет разработчиков, а не официальная форма).',
  })
  isDefault!: boolean;

  @Field(() => String, { nullable: true, description: 'Примечание к форме: откуда макет.' })
  note!: string | null;

  @Field(() => Int, { description: 'Месяц срока представления (в году окончания учебного года).' })
  deadlineMonth!: number;

  @Field(() => Int, { description: 'День срока представления.' })
  deadlineDay!: number;

  @Field(() => [StatisticalFormSection], { description: 'Разделы.' })
  sections!: StatisticalFormSection[];
}

function sectionsOf(definition: ReportFormDefinition): StatisticalFormSection[] {
  const cells = formCells(definition);
  return definition.sections.map((section) => ({
    code: section.code,
    title: section.title,
    note: section.note ?? null,
    columns: section.columns,
    rows: section.rows.map((row) => ({
      code: row.code,
      title: row.title,
      cells: cells
        .filter((cell) => cell.rowCode === row.code)
        .map(({ key, columnCode, source }) => ({
          key,
          columnCode,
          measure: isMeasureCell(source) ? source.measure : null,
          numerator: isMeasureCell(source) ? null : source.percent.numerator,
          denominator: isMeasureCell(source) ? null : source.percent.denominator,
          correctable: isMeasureCell(source),
        })),
    })),
  }));
}

export function statisticalFormOf(form: ReportForm): StatisticalForm {
  return {
    code: form.code,
    version: form.version,
    title: form.title,
    validFromYear: form.validFromYear,
    isDefault: form.isDefault,
    note: form.definition.note ?? null,
    deadlineMonth: form.definition.deadline.month,
    deadlineDay: form.definition.deadline.day,
    sections: sectionsOf(form.definition),
  };
}
