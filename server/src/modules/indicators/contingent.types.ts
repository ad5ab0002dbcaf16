import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';
import { ImportProblem } from '../../imports/import-problem.js';
import { SpreadsheetUploadInput } from '../../imports/spreadsheet-upload.input.js';
import { ReportingUnit } from './reporting-unit.js';

/** The denominators a school reports for an academic year (the columns of table contingent). */
export enum ContingentFigure {
  PUPILS_TOTAL = 'PUPILS_TOTAL',
  PUPILS_10_18 = 'PUPILS_10_18',
  YOUTH_15_19 = 'YOUTH_15_19',
  TEACHERS_TOTAL = 'TEACHERS_TOTAL',
  YOUNG_TEACHERS = 'YOUNG_TEACHERS',
  COLLEGE_STUDENTS = 'COLLEGE_STUDENTS',
}

export const CONTINGENT_FIGURE_LABELS: Record<ContingentFigure, string> = {
  [ContingentFigure.PUPILS_TOTAL]: 'Обучающихся всего',
  [ContingentFigure.PUPILS_10_18]: 'Обучающихся в возрасте 10–18 лет',
  [ContingentFigure.YOUTH_15_19]: 'Молодёжи в возрасте 15–19 лет',
  [ContingentFigure.TEACHERS_TOTAL]: 'Педагогов всего',
  [ContingentFigure.YOUNG_TEACHERS]: 'Молодых педагогов (до 35 лет или стаж 0–3 года)',
  [ContingentFigure.COLLEGE_STUDENTS]: 'Студентов СПО',
};

registerLabelledEnum(
  ContingentFigure,
  'ContingentFigure',
  'Показатель контингента, который ОО представляет за учебный год.',
  CONTINGENT_FIGURE_LABELS,
);

/** Each figure with its input field name and its column in table contingent. */
export const CONTINGENT_FIELDS = [
  { figure: ContingentFigure.PUPILS_TOTAL, field: 'pupilsTotal', column: 'pupils_total' },
  { figure: ContingentFigure.PUPILS_10_18, field: 'pupils10to18', column: 'pupils_10_18' },
  { figure: ContingentFigure.YOUTH_15_19, field: 'youth15to19', column: 'youth_15_19' },
  { figure: ContingentFigure.TEACHERS_TOTAL, field: 'teachersTotal', column: 'teachers_total' },
  { figure: ContingentFigure.YOUNG_TEACHERS, field: 'youngTeachers', column: 'young_teachers' },
  { figure: ContingentFigure.COLLEGE_STUDENTS, field: 'collegeStudents', column: 'college_students' },
] as const;

export type ContingentField = (typeof CONTINGENT_FIELDS)[number]['field'];

const figureField = (label: string) => ({
  nullable: true,
  description: `${label}; не указано (null) — не представлено, это не ноль.`,
});

@InputType({
  description:
    'Контингент ОО за учебный год: все показатели заново; незаполненный показатель считается непредставленным.',
})
export class ContingentInput {
  @Field(() => Int, figureField('Обучающихся всего'))
  pupilsTotal?: number | null;

  @Field(() => Int, figureField('Обучающихся в возрасте 10–18 лет (не больше, чем обучающихся всего)'))
  pupils10to18?: number | null;

  @Field(() => Int, figureField('Молодёжи в возрасте 15–19 лет'))
  youth15to19?: number | null;

  @Field(() => Int, figureField('Педагогов всего'))
  teachersTotal?: number | null;

  @Field(
    () => Int,
    figureField('Молодых педагогов: до 35 лет или со стажем 0–3 года (не больше, чем педагогов)'),
  )
  youngTeachers?: number | null;

  @Field(() => Int, figureField('Студентов СПО'))
  collegeStudents?: number | null;
}

@ObjectType({ description: 'Показатель контингента узла: значение ОО или сумма представленных значений.' })
export class ContingentValue {
  @Field(() => ContingentFigure, { description: 'Показатель.' })
  figure!: ContingentFigure;

  @Field(() => String, { description: 'Наименование показателя.' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'У ОО — представленное значение, выше — сумма представленных значений; null — не представлено ни одной ОО.',
  })
  value!: number | null;

  @Field(() => String, { description: 'Значение для показа: число в русской записи или «не представлено».' })
  text!: string;

  @Field(() => Int, { description: 'Сколько ОО узла представили показатель.' })
  reportedOrganizations!: number;

  @Field(() => Int, { description: 'Сколько ОО в узле по справочнику.' })
  organizations!: number;

  @Field(() => Boolean, { description: 'Показатель представили все ОО узла.' })
  complete!: boolean;
}

@ObjectType({ description: 'Контингент отчётной единицы за учебный год.' })
export class Contingent {
  @Field(() => ReportingUnit, { description: 'Отчётная единица.' })
  unit!: ReportingUnit;

  @Field(() => Int, { description: 'Учебный год по году начала (2025 — 2025/2026).' })
  academicYear!: number;

  @Field(() => [ContingentValue], { description: 'Показатели в порядке формы.' })
  values!: ContingentValue[];

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Последнее изменение сведений ОО узла за этот год; null — сведений нет.',
  })
  updatedAt!: Date | null;
}

@InputType({
  description:
    'Контингент ОО субъекта РФ в файле CSV или XLSX: «Код ОО», «Учебный год» (2025/2026), «Обучающихся всего», ' +
    '«Обучающихся 10–18 лет», «Молодёжь 15–19 лет», «Педагогов всего», «Молодых педагогов», «Студентов СПО»; ' +
    'пустая ячейка — показатель не представлен.',
})
export class ContingentImportInput extends SpreadsheetUploadInput {}

@ObjectType({ description: 'Итог загрузки контингента: что изменится (или изменилось) и ошибки файла.' })
export class ContingentImportReport {
  @Field(() => Boolean, { description: 'Только проверка: ничего не записано.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Изменения записаны (нет ошибок и это не проверка).' })
  applied!: boolean;

  @Field(() => Int, { description: 'Строк с данными в файле.' })
  rows!: number;

  @Field(() => Int, { description: 'Новых сведений (ОО и учебный год, которых ещё не было).' })
  created!: number;

  @Field(() => Int, { description: 'Изменённых сведений.' })
  updated!: number;

  @Field(() => Int, { description: 'Сведений без изменений.' })
  unchanged!: number;

  @Field(() => [ImportProblem], {
    description: 'Ошибки с номером строки и столбцом; при любой ошибке ничего не записывается.',
  })
  problems!: ImportProblem[];
}
