import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { decodeBase64Content, NOT_BASE64 } from '../../imports/file-content.js';
import { DirectoryImportInput } from './directory-import.inputs.js';
import { DirectoryImportReport, unreadableFileReport } from './directory-import.report.js';
import { importDirectory } from './directory-import.service.js';

@Resolver()
export class DirectoryImportResolver {
  @Allow('directory.import')
  @Mutation(() => DirectoryImportReport, {
    description:
      'Загружает справочник субъектов РФ, муниципалитетов и образовательных организаций из файла CSV или ' +
      'XLSX (одна строка на организацию), сопоставляя записи по кодам. Файл проверяется целиком; если найдена ' +
      'хотя бы одна ошибка, ничего не записывается. Повторная загрузка того же файла ничего не меняет. ' +
      'Администратор субъекта РФ загружает строки только своего субъекта; каждая изменённая запись попадает в журнал аудита.',
  })
  async importDirectory(
    @Arg('input', () => DirectoryImportInput, { description: 'Файл и режим загрузки.' })
    input: DirectoryImportInput,
    @Ctx() { em, scope, hierarchy }: GraphQLContext,
  ): Promise<DirectoryImportReport> {
    const content = decodeBase64Content(input.contentBase64);
    if (!content) {
      return unreadableFileReport(input.dryRun, [{ row: 0, message: NOT_BASE64 }]);
    }
    // The policy admits regional administrators only, so the scope node is their region.
    const region = await hierarchy.regionById.load(scope.node!.regionId!);
    return importDirectory(
      em,
      { fileName: input.fileName, content },
      { dryRun: input.dryRun, caller: scope.caller, allowedRegionCode: region.code },
    );
  }
}
