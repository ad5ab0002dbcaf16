import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { decodeBase64Content, NOT_BASE64 } from '../../imports/file-content.js';
import { Allow } from '../access/policy.js';
import { plannerOwner } from './roadmap-access.js';
import { importRoadmap, unreadableRoadmapReport } from './roadmap-import.js';
import { importPeriod, RoadmapImportInput } from './roadmap-import.inputs.js';
import { RoadmapImportReport } from './roadmap-import.report.js';

@Resolver()
export class RoadmapImportResolver {
  @Allow('roadmap.plan')
  @Mutation(() => RoadmapImportReport, {
    description:
      'Загружает свою дорожную карту (ОО, муниципалитета или субъекта РФ) из файла XLSX или CSV в раскладке ' +
      'документа: № п/п, мероприятие, сроки, ответственные, результат / вид документа, отметка о выполнении ' +
      '(столбцы узнаются по названиям и их синонимам). Строки с номером раздела и заголовком — разделы, строки без ' +
      'номера продолжают мероприятие выше. Отметка «выполнено» и текст о выполнении — «выполнено», «не …» — «не ' +
      'выполнено», пустая — без отметки. Сроки сохраняются дословно; нераспознанные перечисляются как предупреждения. ' +
      'Файл проверяется целиком: при любой ошибке ничего не записывается. Повторная загрузка того же файла ничего ' +
      'не меняет; согласованную или отправленную на согласование карту импорт не перезаписывает.',
  })
  async importRoadmap(
    @Arg('input', () => RoadmapImportInput, { description: 'Файл, период и режим загрузки.' })
    input: RoadmapImportInput,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<RoadmapImportReport> {
    const owner = plannerOwner(scope);
    const options = { period: importPeriod(input), title: input.title ?? null, dryRun: input.dryRun };
    const content = decodeBase64Content(input.contentBase64);
    if (!content) return unreadableRoadmapReport(options, [{ row: 0, message: NOT_BASE64 }]);
    return importRoadmap(em, scope.caller, owner, content, options);
  }
}
