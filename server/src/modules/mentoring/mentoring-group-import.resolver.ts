import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { decodeBase64Content, NOT_BASE64 } from '../../imports/file-content.js';
import { Allow } from '../access/policy.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { importMentoringGroups, unreadableGroupReport } from './mentoring-group-import.js';
import { MentoringGroupImportInput, MentoringGroupImportReport } from './mentoring-group-import.types.js';
import { curatorOrganization } from './participant.service.js';

@Resolver()
export class MentoringGroupImportResolver {
  @Allow('mentoring.write')
  @Mutation(() => MentoringGroupImportReport, {
    description:
      'Загружает журнал наставнических пар и групп своей ОО (куратор ОО) из файла XLSX или CSV: «№ группы» ' +
      '(номер в учёте ОО), «Форма наставничества», «Наставник» и «Наставляемый» — номера участников из базы ОО ' +
      '(несколько через запятую или по одному в строке: строки с одним номером группы — одна группа), ' +
      '«Программа», «Номер приказа», «Дата приказа», «Этап», «Статус», «Дата начала», «Дата окончания», ' +
      '«Причина прекращения». Группа узнаётся по номеру: повторная загрузка того же файла ничего не меняет, пустая ' +
      'ячейка не стирает записанного. Строки проверяются по тем же правилам, что при создании группы, смене ' +
      'состава, этапа и состояния (формы, согласия, нагрузка наставников, приказ о закреплении); при любой ошибке ' +
      'ничего не записывается.',
  })
  async importMentoringGroups(
    @Arg('input', () => MentoringGroupImportInput, { description: 'Файл и режим загрузки.' })
    input: MentoringGroupImportInput,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<MentoringGroupImportReport> {
    const path = curatorOrganization(scope);
    const content = decodeBase64Content(input.contentBase64);
    if (!content) return unreadableGroupReport(input.dryRun, [{ row: 0, message: NOT_BASE64 }]);
    return importMentoringGroups(em, scope.caller, path, content, {
      dryRun: input.dryRun,
      today: todayIso(),
    });
  }
}
