import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { formatCount, NOUNS } from '$lib/format';
import { roadmapItemStatusLabel } from '$lib/labels';
import { pageHref, parseRoadmapPeriod } from '$lib/roadmap';
import {
  formatKilobytes,
  hasErrors,
  MAX_IMPORT_FILE_BYTES,
  markInput,
  MARK_FIELDS,
  planInput,
  PLAN_FIELDS,
  readFields,
  validateMark,
  validatePlan,
  type FieldErrors,
  type RoadmapActionFailure,
  type RoadmapImportCheck,
  type RoadmapActionName,
} from '$lib/roadmap-forms';
import { mutateApi, type MutationOutcome } from './api-client';
import {
  ADD_ITEM,
  AGREE_ROADMAP,
  CREATE_ROADMAP,
  IMPORT_ROADMAP,
  MARK_ITEM,
  REMOVE_ITEM,
  REOPEN_ROADMAP,
  RETURN_ROADMAP,
  SUBMIT_ROADMAP,
  UPDATE_ITEM,
} from './roadmap-queries';
import { setFlash } from './roadmap-page';

/**
 * The form actions of a roadmap page, the same for a school's, a municipality's and a region's.
 * Each checks what it can before asking the API (the same checks the browser runs as the user
 * types), then either returns to the page with a one-time message or fails with the values
 * typed and the messages to show beside their fields. The API decides who may do what.
 */

type Failure = ActionFailure<RoadmapActionFailure>;

function refuse(
  action: RoadmapActionName,
  details: Partial<Omit<RoadmapActionFailure, 'action'>>,
  status = 400,
): Failure {
  return fail(status, {
    action,
    itemId: details.itemId ?? null,
    values: details.values ?? {},
    errors: details.errors ?? {},
    message: details.message ?? null,
  });
}

/**
 * The API's refusal as the form shows it: messages about the form's own fields stay beside
 * them, anything else joins the message above the form.
 */
function refusal(
  action: RoadmapActionName,
  outcome: Extract<MutationOutcome<unknown>, { ok: false }>,
  fields: readonly string[],
  details: { itemId?: string | null; values?: Record<string, string> } = {},
): Failure {
  const errors: FieldErrors = {};
  const others: string[] = outcome.message ? [outcome.message] : [];
  for (const [field, message] of Object.entries(outcome.fieldErrors)) {
    if (fields.includes(field)) errors[field] = message;
    else others.push(message);
  }
  return refuse(action, {
    ...details,
    errors: errors as Record<string, string>,
    message: others.join(' ') || null,
  });
}

/** Back to the page with the form closed, at `hash`, with a message shown once. */
function done(event: RequestEvent, message: string, hash = ''): never {
  setFlash(event.cookies, message);
  redirect(303, pageHref(event.url, hash));
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

const itemHash = (id: string) => `#item-${id}`;
const STATUS_HASH = '#roadmap-status';

export const roadmapActions = {
  /** «Создать из типовой»: the caller's own roadmap for the page's year, from a template. */
  create: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const templateCode = field(form, 'templateCode');
    if (!templateCode) return refuse('create', { message: 'Выберите типовую дорожную карту.' });
    const { year } = parseRoadmapPeriod(event.url);
    const outcome = await mutateApi(event.locals.api, CREATE_ROADMAP, { templateCode, academicYear: year });
    if (!outcome.ok) return refusal('create', outcome, []);
    done(event, 'Дорожная карта создана из типовой. Проверьте мероприятия и сроки.', STATUS_HASH);
  },

  /**
   * A roadmap from a file in the document's layout: first a check (nothing is written), then,
   * when the file has no errors, the load of the same file, which the check handed back.
   */
  import: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const file = form.get('file');
    let fileName = field(form, 'fileName');
    let contentBase64 = field(form, 'contentBase64');
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_IMPORT_FILE_BYTES) {
        return refuse('import', {
          errors: {
            file: `файл больше ${formatKilobytes(MAX_IMPORT_FILE_BYTES)}; сохраните таблицу без лишних листов`,
          },
        });
      }
      fileName = file.name;
      contentBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
    }
    if (!contentBase64) return refuse('import', { errors: { file: 'выберите файл XLSX или CSV' } });
    const dryRun = field(form, 'dryRun') !== '0';
    const { year } = parseRoadmapPeriod(event.url);
    const outcome = await mutateApi(event.locals.api, IMPORT_ROADMAP, {
      input: { fileName: fileName || 'дорожная карта', contentBase64, academicYear: year, dryRun },
    });
    if (!outcome.ok) return refusal('import', outcome, []);
    const report = outcome.data.importRoadmap;
    if (report.applied) {
      done(
        event,
        `Дорожная карта загружена из файла «${fileName}»: ${formatCount(report.items, NOUNS.item)}.`,
        STATUS_HASH,
      );
    }
    const loadable = report.dryRun && report.problems.length === 0 && report.outcome !== 'UNCHANGED';
    const check: RoadmapImportCheck = {
      action: 'import',
      fileName,
      contentBase64: loadable ? contentBase64 : null,
      report,
    };
    return check;
  },

  /** The completion mark with its evidence; possible in an agreed roadmap too. */
  mark: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const itemId = field(form, 'itemId');
    const values = readFields(form, MARK_FIELDS);
    const errors = validateMark(values, parseRoadmapPeriod(event.url).today);
    if (hasErrors(errors))
      return refuse('mark', { itemId, values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, MARK_ITEM, { id: itemId, input: markInput(values) });
    if (!outcome.ok) return refusal('mark', outcome, MARK_FIELDS, { itemId, values });
    done(
      event,
      `Отметка о выполнении сохранена: «${roadmapItemStatusLabel(outcome.data.markRoadmapItem.status)}».`,
      itemHash(itemId),
    );
  },

  /** A new item (no `itemId`) or a change to an item's plan; only in a draft or returned roadmap. */
  saveItem: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const itemId = field(form, 'itemId') || null;
    const roadmapId = field(form, 'roadmapId');
    const values = readFields(form, PLAN_FIELDS);
    const errors = validatePlan(values);
    if (hasErrors(errors))
      return refuse('saveItem', { itemId, values, errors: errors as Record<string, string> });
    const outcome = itemId
      ? await mutateApi(event.locals.api, UPDATE_ITEM, { id: itemId, input: planInput(values) })
      : await mutateApi(event.locals.api, ADD_ITEM, { roadmapId, input: planInput(values) });
    if (!outcome.ok) return refusal('saveItem', outcome, PLAN_FIELDS, { itemId, values });
    const savedId =
      'updateRoadmapItem' in outcome.data
        ? outcome.data.updateRoadmapItem.id
        : outcome.data.addRoadmapItem.id;
    done(
      event,
      itemId ? 'Мероприятие изменено.' : 'Мероприятие добавлено в конец дорожной карты.',
      itemHash(savedId),
    );
  },

  removeItem: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const itemId = field(form, 'itemId');
    const outcome = await mutateApi(event.locals.api, REMOVE_ITEM, { id: itemId });
    if (!outcome.ok) return refusal('removeItem', outcome, [], { itemId });
    done(event, 'Мероприятие удалено из дорожной карты.', '#items');
  },

  submit: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const outcome = await mutateApi(event.locals.api, SUBMIT_ROADMAP, { id: field(form, 'roadmapId') });
    if (!outcome.ok) return refusal('submit', outcome, []);
    const agreed = outcome.data.submitRoadmap.status === 'AGREED';
    done(
      event,
      agreed ? 'Дорожная карта утверждена.' : 'Дорожная карта отправлена на согласование.',
      STATUS_HASH,
    );
  },

  agree: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const outcome = await mutateApi(event.locals.api, AGREE_ROADMAP, { id: field(form, 'roadmapId') });
    if (!outcome.ok) return refusal('agree', outcome, []);
    done(event, 'Дорожная карта согласована.', STATUS_HASH);
  },

  return: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const comment = field(form, 'comment');
    const values = { comment };
    if (!comment) {
      return refuse('return', { values, errors: { comment: 'укажите, что нужно доработать' } });
    }
    const outcome = await mutateApi(event.locals.api, RETURN_ROADMAP, {
      id: field(form, 'roadmapId'),
      comment,
    });
    if (!outcome.ok) return refusal('return', outcome, ['comment'], { values });
    done(event, 'Дорожная карта возвращена на доработку с комментарием.', STATUS_HASH);
  },

  reopen: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const outcome = await mutateApi(event.locals.api, REOPEN_ROADMAP, { id: field(form, 'roadmapId') });
    if (!outcome.ok) return refusal('reopen', outcome, []);
    done(
      event,
      'Дорожная карта открыта для изменений. После правок отправьте её на согласование снова.',
      STATUS_HASH,
    );
  },
};
