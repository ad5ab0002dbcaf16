import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { withoutParams } from '$lib/mentoring/page-url';
import type { MentoringActionFailure } from '$lib/mentoring/page-url';
import type { MutationOutcome } from '../api-client';
import { setFlash } from '../roadmap-page';

/**
 * How the school's mentoring forms end, the same way as the roadmap forms: either back to the
 * page with the form closed and a one-time message, or a failure that carries what was typed and
 * what to say beside which field (the API's own refusals included).
 */

type Failure = ActionFailure<MentoringActionFailure>;

export function refuse(
  action: string,
  details: Partial<Omit<MentoringActionFailure, 'action'>>,
  status = 400,
): Failure {
  return fail(status, {
    action,
    subject: details.subject ?? null,
    values: details.values ?? {},
    errors: details.errors ?? {},
    message: details.message ?? null,
  });
}

/**
 * The API's refusal as the form shows it: messages about the form's own fields stay beside them
 * (`inputField` maps the API's argument names to the form's), anything else joins the message
 * above the form.
 */
export function refusal(
  action: string,
  outcome: Extract<MutationOutcome<unknown>, { ok: false }>,
  fields: readonly string[],
  details: { subject?: string | null; values?: Record<string, string> } = {},
  inputField: (apiField: string) => string = (apiField) => apiField,
): Failure {
  const errors: Record<string, string> = {};
  const others: string[] = outcome.message ? [outcome.message] : [];
  for (const [apiField, message] of Object.entries(outcome.fieldErrors)) {
    const field = inputField(apiField);
    if (fields.includes(field)) errors[field] = message;
    else others.push(message);
  }
  return refuse(action, { ...details, errors, message: others.join(' ') || null });
}

/** Back to `path` (this page without its open-form parameters by default) with a message shown once. */
export function done(
  event: RequestEvent,
  message: string,
  options: { path?: string; hash?: string } = {},
): never {
  setFlash(event.cookies, message);
  redirect(303, `${options.path ?? withoutParams(event.url)}${options.hash ?? ''}`);
}

export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The named fields of a posted form; a field posted several times (checkboxes) is comma-joined. */
export function readValues<Field extends string>(
  form: FormData,
  fields: readonly Field[],
): Record<Field, string> {
  const values = {} as Record<Field, string>;
  for (const name of fields) {
    values[name] = form
      .getAll(name)
      .filter((value): value is string => typeof value === 'string')
      .join(',');
  }
  return values;
}
