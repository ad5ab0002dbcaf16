import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { decodeBase64Content, DirectoryImportInput } from './directory-import.inputs.js';
import { DirectoryImportReport, unreadableFileReport } from './directory-import.report.js';
import { importDirectory } from './directory-import.service.js';

@Resolver()
export class DirectoryImportResolver {
  @Mutation(() => DirectoryImportReport, {
    description:
      'Загружает справочник субъектов РФ, муниципалитетов и образовательных организаций из файла CSV или ' +
      'XLSX (одна строка на организацию), сопоставляя записи по кодам. Файл проверяется целиком; если найдена ' +
      'хотя бы одна ошибка, ничего не записывается. Повторная загрузка того же файла ничего не меняет.',
  })
  async importDirectory(
    @Arg('input', () => DirectoryImportInput, { description: 'Файл и режим загрузки.' })
    input: DirectoryImportInput,
    @Ctx() { em }: GraphQLContext,
  ): Promise<DirectoryImportReport> {
    const content = decodeBase64Content(input.contentBase64);
    if (!content) {
      return unreadableFileReport(input.dryRun, [
        { row: 0, message: 'Содержимое файла передано не в кодировке base64 — файл не прочитан' },
      ]);
    }
    return importDirectory(em, { fileName: input.fileName, content }, { dryRun: input.dryRun });
  }
}
