import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { decodeBase64Content, NOT_BASE64 } from '../../imports/file-content.js';
import { Allow } from '../access/policy.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { importParticipants, unreadableParticipantReport } from './participant-import.js';
import { ParticipantImportInput, ParticipantImportReport } from './participant-import.types.js';
import { curatorOrganization } from './participant.service.js';

@Resolver()
export class ParticipantImportResolver {
  @Allow('participant.write')
  @Mutation(() => ParticipantImportReport, {
    description:
      'Загружает список наставников и наставляемых своей ОО (куратор ОО) из файла XLSX или CSV: «№» (номер в ' +
      'учёте ОО), «Фамилия», «Имя», «Отчество», «Дата рождения», «Категория», «Наставник» / «Наставляемый» ' +
      '(да / нет), «Класс» / «Курс», «Стаж», «Контакт», «Согласие: дата», «Согласие: кто подписал» (сам / ' +
      'законный представитель), «Представитель». Участник узнаётся по номеру: повторная загрузка того же файла ' +
      'ничего не меняет. Строки проверяются по тем же правилам, что при добавлении участника и записи согласия; ' +
      'при любой ошибке ничего не записывается.',
  })
  async importParticipants(
    @Arg('input', () => ParticipantImportInput, { description: 'Файл и режим загрузки.' })
    input: ParticipantImportInput,
    @Ctx() { em, scope }: GraphQLContext,
  ): Promise<ParticipantImportReport> {
    const path = curatorOrganization(scope);
    const content = decodeBase64Content(input.contentBase64);
    if (!content) return unreadableParticipantReport(input.dryRun, [{ row: 0, message: NOT_BASE64 }]);
    return importParticipants(em, scope.caller, path, content, { dryRun: input.dryRun, today: todayIso() });
  }
}
