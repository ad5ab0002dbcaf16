import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ReportingUnit } from '../indicators/reporting-unit.js';
import { StatisticalForm } from './report-form.type.js';
import { ReportStatus } from './statistical-report.enums.js';

@ObjectType({
  description:
    'Значение ячейки отчёта. У ОО — вычисленное по данным и, если его исправили, исправленное с причиной; ' +
    'у муниципалитета, субъекта и страны — суммы итоговых значений их ОО.',
  simpleResolvers: true,
})
export class ReportCell {
  @Field(() => String, { description: 'Ключ ячейки «строка.графа», например «07.3».' })
  key!: string;

  @Field(() => String, { description: 'Номер раздела.' })
  sectionCode!: string;

  @Field(() => String, { description: 'Номер строки.' })
  rowCode!: string;

  @Field(() => String, { description: 'Номер графы.' })
  columnCode!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Итоговое значение (с исправлениями); null — нет сведений (контингент не представлен, доля без знаменателя).',
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Значение, вычисленное по данным системы, без исправлений.',
  })
  computedValue!: number | null;

  @Field(() => Boolean, {
    description: 'Значение исправлено вручную (у доли — исправлен числитель или знаменатель).',
  })
  corrected!: boolean;

  @Field(() => Int, { description: 'Сколько ОО исправили эту ячейку (у ОО — 0 или 1).' })
  correctedOrganizations!: number;

  @Field(() => String, { nullable: true, description: 'Причина исправления (только в отчёте ОО).' })
  correctionReason!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Когда исправлено (только в отчёте ОО).' })
  correctedAt!: Date | null;
}

@ObjectType({
  description: 'Отчёт по форме за учебный год: ОО — её собственный, выше — суммы итоговых значений её ОО.',
  simpleResolvers: true,
})
export class StatisticalReport {
  @Field(() => StatisticalForm, { description: 'Версия формы, действующая в этом учебном году.' })
  form!: StatisticalForm;

  @Field(() => ReportingUnit, { description: 'Отчётная единица.' })
  unit!: ReportingUnit;

  @Field(() => Int, { description: 'Учебный год по году начала: 2025 — это 2025/2026.' })
  academicYear!: number;

  @Field(() => String, { description: 'Срок представления отчёта ОО (ГГГГ-ММ-ДД, по московскому времени).' })
  dueOn!: string;

  @Field(() => Int, { description: 'Сколько ОО входит в отчёт (у ОО — 1).' })
  organizations!: number;

  @Field(() => ReportStatus, { nullable: true, description: 'Состояние отчёта ОО; выше ОО — null.' })
  status!: ReportStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Комментарий последнего шага: что доработать (при возврате) или почему снята блокировка.',
  })
  statusComment!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Когда ОО отправила отчёт (последний раз).',
  })
  submittedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Отправлен не позже срока; null — ещё не отправлен.' })
  submittedOnTime!: boolean | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Когда муниципалитет принял отчёт.' })
  acceptedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Когда субъект РФ утвердил отчёт.' })
  approvedAt!: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Учебный год ОО закрыт для изменений (после утверждения); выше ОО — null.',
  })
  locked!: boolean | null;

  @Field(() => [ReportCell], { description: 'Ячейки в порядке формы: по разделам, строкам и графам.' })
  cells!: ReportCell[];
}
