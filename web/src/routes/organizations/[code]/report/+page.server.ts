import { error } from '@sveltejs/kit';
import { keepsSchool } from '$lib/mentoring/curator';
import { hasErrors } from '$lib/mentoring/form-checks';
import {
  CORRECTION_FIELDS,
  correctionDoneText,
  correctionInput,
  parseReportView,
  reportQuery,
  RESTORE_FIELDS,
  validateCorrection,
} from '$lib/reports';
import { mutateApi } from '$lib/server/api-client';
import { done, field, readValues, refusal, refuse } from '$lib/server/mentoring/action-outcome';
import { loadOrganizationReport, reportStepAction } from '$lib/server/report-pages';
import { CORRECT_REPORT_CELL } from '$lib/server/report-queries';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:reports');
  return {
    ...(await loadOrganizationReport(locals.api, params.code, url, cookies)),
    // Corrections are the school's own curator's (the API refuses everyone else anyway).
    keeper: keepsSchool(locals.user, params.code),
  };
}) satisfies PageServerLoad;

/**
 * A cell corrected by hand (`correct`) or set back to its computed value (`restore`), with a
 * reason either way, on the report of the form posted and the year of the page's URL. Done: back
 * to the report at its corrections with a one-time message, the correction form closed. Refused:
 * what was typed comes back with the message beside the field at fault; a removal's refusal goes
 * to that cell's own form.
 */
async function correctCell(event: RequestEvent, restore: boolean) {
  const action = restore ? 'restore' : 'correct';
  const posted = await event.request.formData();
  const values = readValues(posted, CORRECTION_FIELDS);
  const formCode = field(posted, 'formCode');
  if (!formCode || (restore && !values.cell.trim())) {
    error(400, 'Некорректный запрос: не указан отчёт или ячейка.');
  }
  const subject = restore ? values.cell.trim() : null;
  const errors = validateCorrection(values, restore);
  if (hasErrors(errors)) return refuse(action, { subject, values, errors: errors as Record<string, string> });

  const view = parseReportView(event.url);
  const input = {
    formCode,
    organizationCode: event.params.code,
    academicYear: view.year,
    ...correctionInput(values, restore),
  };
  const outcome = await mutateApi(event.locals.api, CORRECT_REPORT_CELL, { input });
  // A removal shows only its reason: the API's word on the cell or value goes above it.
  if (!outcome.ok) {
    return refusal(action, outcome, restore ? RESTORE_FIELDS : CORRECTION_FIELDS, { subject, values });
  }
  const cell = outcome.data.correctReportCell.cells.find((candidate) => candidate.key === input.cell);
  done(event, correctionDoneText(input.cell, cell, restore), {
    path: `${event.url.pathname}?${reportQuery(view, formCode)}`,
    hash: '#corrections-heading',
  });
}

export const actions = {
  step: reportStepAction,
  correct: (event) => correctCell(event, false),
  restore: (event) => correctCell(event, true),
} satisfies Actions;
