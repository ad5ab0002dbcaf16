import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import {
  formatFileSize,
  importKindOf,
  isLoadable,
  type ImportReport,
  type ImportResult,
} from '$lib/mentoring/imports';
import { mutateApi } from '../api-client';
import { field, refusal, refuse } from './action-outcome';
import { IMPORT_GROUPS, IMPORT_PARTICIPANTS, type ImportVariables } from './queries';

/**
 * The import page's one form action: a spreadsheet of the school's base, checked first (dry run)
 * and then loaded. The file comes to this server (the browser never talks to the API and holds no
 * token), which forwards it to the API's import mutation with the user's session token.
 */

/** Each kind of file (lib/mentoring/imports.ts) and the mutation that takes it. */
const IMPORTERS: Record<string, (event: RequestEvent, variables: ImportVariables) => Promise<ImportOutcome>> =
  {
    participants: async (event, variables) => {
      const outcome = await mutateApi(event.locals.api, IMPORT_PARTICIPANTS, variables);
      if (!outcome.ok) return outcome;
      const { consentsRecorded, ...report } = outcome.data.importParticipants;
      return {
        ok: true,
        report: {
          ...report,
          details: [
            {
              label: report.dryRun ? 'будет записано согласий' : 'записано согласий',
              value: consentsRecorded,
            },
          ],
        },
      };
    },
    groups: async (event, variables) => {
      const outcome = await mutateApi(event.locals.api, IMPORT_GROUPS, variables);
      if (!outcome.ok) return outcome;
      return { ok: true, report: { ...outcome.data.importMentoringGroups, details: [] } };
    },
  };

type ImportOutcome =
  { ok: true; report: ImportReport } | Extract<Awaited<ReturnType<typeof mutateApi>>, { ok: false }>;

/** adapter-node's default body limit: 512 KB. */
const DEFAULT_BODY_LIMIT = 512 * 1024;

/** `BODY_SIZE_LIMIT` as adapter-node reads it: bytes, or a number with K, M or G. */
export function bodySizeLimit(value = env.BODY_SIZE_LIMIT): number {
  if (!value) return DEFAULT_BODY_LIMIT;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  const match = /^(\d+)([KMG]?)$/i.exec(value.trim());
  if (!match) return DEFAULT_BODY_LIMIT;
  const power = { '': 0, K: 1, M: 2, G: 3 }[match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(match[1]) * 1024 ** power;
}

/** Room for the form's other fields and the multipart framing. */
const FORM_OVERHEAD = 16 * 1024;

/**
 * The largest file the page accepts: the load step sends it back as base64 (a third larger), and
 * this server refuses bodies over its limit. 8 MB at most however large the limit.
 */
export function maxImportFileBytes(limit = bodySizeLimit()): number {
  return Math.min(8 * 1024 * 1024, Math.floor(((limit - FORM_OVERHEAD) * 3) / 4));
}

export const importActions = {
  /**
   * «Проверить» (dryRun=1, a file) and «Загрузить» (dryRun=0, the checked file handed back as
   * base64). Either answers with the API's report; a file with problems loads nothing.
   */
  upload: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const kind = importKindOf(field(form, 'kind'));
    const file = form.get('file');
    let fileName = field(form, 'fileName');
    let contentBase64 = field(form, 'contentBase64');
    const maxBytes = maxImportFileBytes();
    if (file instanceof File && file.size > 0) {
      if (file.size > maxBytes)
        return refuse('upload', {
          subject: kind.key,
          errors: { file: `файл больше ${formatFileSize(maxBytes)}; разделите таблицу на части` },
        });
      fileName = file.name;
      contentBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
    }
    if (!contentBase64)
      return refuse('upload', { subject: kind.key, errors: { file: 'выберите файл XLSX или CSV' } });
    const dryRun = field(form, 'dryRun') !== '0';

    const outcome = await IMPORTERS[kind.key]!(event, {
      input: { fileName: fileName || 'файл', contentBase64, dryRun },
    });
    if (!outcome.ok) return refusal('upload', outcome, [], { subject: kind.key });
    const result: ImportResult = {
      kind: kind.key,
      fileName,
      report: outcome.report,
      contentBase64: isLoadable(outcome.report) ? contentBase64 : null,
    };
    return result;
  },
};
