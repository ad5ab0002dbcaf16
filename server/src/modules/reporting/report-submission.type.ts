import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ReportingUnit } from '../indicators/reporting-unit.js';
import { ReportStatus } from './statistical-report.enums.js';

@ObjectType({
  description:
    'Сдача отчётов в единице: сколько ОО должны отчитаться, сколько отправили, приняли, утвердили, ' +
    'в срок и с просрочкой. Для ОО — ещё состояние её отчёта.',
  simpleResolvers: true,
})
export class ReportSubmissionRow {
  @Field(() => ReportingUnit, { description: 'Единица: страна, субъект РФ, муниципалитет или ОО.' })
  unit!: ReportingUnit;

  @Field(() => Int, {
    description: 'Ожидается отчётов: ОО в единице (каждая ОО сдаёт один отчёт по форме за год).',
  })
  expected!: number;

  @Field(() => Int, { description: 'Отправлено: отчёты в состоянии «отправлен», «принят» или «утверждён».' })
  submitted!: number;

  @Field(() => Int, { description: 'Принято муниципалитетом (включая утверждённые).' })
  accepted!: number;

  @Field(() => Int, { description: 'Утверждено субъектом РФ (учебный год ОО заблокирован).' })
  approved!: number;

  @Field(() => Int, { description: 'Возвращено на доработку и ещё не отправлено повторно.' })
  returned!: number;

  @Field(() => Int, { description: 'Из отправленных — отправлены не позже срока (по последней отправке).' })
  onTime!: number;

  @Field(() => Int, { description: 'Просрочено: срок на дату расчёта прошёл, а отчёт не отправлен.' })
  overdue!: number;

  @Field(() => ReportStatus, { nullable: true, description: 'Состояние отчёта ОО; выше ОО — null.' })
  status!: ReportStatus | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Когда ОО отправила отчёт (последний раз).',
  })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Комментарий последнего шага (что доработать).' })
  statusComment!: string | null;
}

@ObjectType({
  description: 'Сдача отчётов по форме за учебный год: итог по единице и строки её подчинённых единиц.',
  simpleResolvers: true,
})
export class ReportSubmissionStatus {
  @Field(() => String, { description: 'Код формы.' })
  formCode!: string;

  @Field(() => Int, { description: 'Учебный год по году начала.' })
  academicYear!: number;

  @Field(() => String, { description: 'Срок представления (ГГГГ-ММ-ДД, по московскому времени).' })
  dueOn!: string;

  @Field(() => String, { description: 'Дата расчёта просрочки (ГГГГ-ММ-ДД).' })
  asOf!: string;

  @Field(() => ReportSubmissionRow, { description: 'Итог по самой единице.' })
  total!: ReportSubmissionRow;

  @Field(() => [ReportSubmissionRow], {
    description:
      'Подчинённые единицы по наименованию: субъекты страны, муниципалитеты субъекта, ОО муниципалитета; у ОО — пусто.',
  })
  children!: ReportSubmissionRow[];
}
