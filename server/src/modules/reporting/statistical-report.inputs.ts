import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({ description: 'Отчёт ОО: форма, организация и учебный год.' })
export class ReportKeyInput {
  @Field(() => String, { description: 'Код формы (statisticalForms).' })
  formCode!: string;

  @Field(() => String, { description: 'Код ОО.' })
  organizationCode!: string;

  @Field(() => Int, { description: 'Учебный год по году начала: 2025 — это 2025/2026.' })
  academicYear!: number;
}

@InputType({ description: 'Исправление значения ячейки отчёта ОО вручную.' })
export class ReportCellCorrectionInput extends ReportKeyInput {
  @Field(() => String, { description: 'Ячейка «строка.графа», например «07.3».' })
  cell!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Исправленное значение (целое, не меньше 0); null — убрать исправление и вернуть вычисленное.',
  })
  value!: number | null;

  @Field(() => String, {
    description: 'Причина исправления (обязательна, видна в отчёте и в журнале аудита).',
  })
  reason!: string;
}
