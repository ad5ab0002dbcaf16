import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { decodeBase64Content, NOT_BASE64 } from '../../imports/file-content.js';
import { Allow } from '../access/policy.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { importContingent, unreadableContingentReport } from './contingent-import.js';
import { readContingent, setContingent } from './contingent.service.js';
import {
  Contingent,
  ContingentImportInput,
  ContingentImportReport,
  ContingentInput,
} from './contingent.types.js';
import { requireReportingUnit, UnitInput } from './reporting-unit.js';

const YEAR = { description: 'Учебный год по году начала (2025 — 2025/2026).' };

@Resolver()
export class ContingentResolver {
  @Allow('contingent.read')
  @Query(() => Contingent, {
    description:
      'Контингент (знаменатели целевых показателей) за учебный год: у ОО — её сведения, у муниципалитета, ' +
      'субъекта РФ и страны — суммы представленных значений и сколько ОО их представили. Непредставленное — ' +
      'null («не представлено»), а не ноль. Узел вне области доступа отвечает как неизвестный код.',
  })
  async contingent(
    @Arg('unit', () => UnitInput, { description: 'Отчётная единица.' }) unit: UnitInput,
    @Arg('academicYear', () => Int, YEAR) academicYear: number,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<Contingent> {
    return readContingent(em, await requireReportingUnit(em, scope, unit), academicYear);
  }

  @Allow('contingent.write')
  @Mutation(() => Contingent, {
    description:
      'Записывает контингент ОО за учебный год (все показатели заново; незаполненный — не представлен): ' +
      'куратор ОО — своей, администратор субъекта РФ — любой ОО субъекта. Изменение утверждённого и ' +
      'заблокированного периода отклоняется (PERIOD_LOCKED).',
  })
  async setContingent(
    @Arg('organizationCode', () => String, { description: 'Код ОО.' }) organizationCode: string,
    @Arg('academicYear', () => Int, YEAR) academicYear: number,
    @Arg('input', () => ContingentInput, { description: 'Показатели контингента.' }) input: ContingentInput,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<Contingent> {
    return setContingent(em, scope, organizationCode, academicYear, input, todayIso());
  }

  @Allow('contingent.import')
  @Mutation(() => ContingentImportReport, {
    description:
      'Загружает контингент ОО своего субъекта РФ (администратор субъекта) из файла XLSX или CSV: строка — ' +
      'ОО и учебный год («Код ОО», «Учебный год», «Обучающихся всего», «Обучающихся 10–18 лет», ' +
      '«Молодёжь 15–19 лет», «Педагогов всего», «Молодых педагогов», «Студентов СПО»). Каждая строка ' +
      'заменяет сведения ОО за год; пустая ячейка — не представлено. При любой ошибке ничего не записывается; ' +
      'повторная загрузка того же файла ничего не меняет.',
  })
  async importContingent(
    @Arg('input', () => ContingentImportInput, { description: 'Файл и режим загрузки.' })
    input: ContingentImportInput,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<ContingentImportReport> {
    const content = decodeBase64Content(input.contentBase64);
    if (!content) return unreadableContingentReport(input.dryRun, [{ row: 0, message: NOT_BASE64 }]);
    return importContingent(em, scope, content, { dryRun: input.dryRun, today: todayIso() });
  }
}
