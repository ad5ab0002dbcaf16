/**
 * Which form of a mentoring page is open lives in the URL (`?add=1`, `?meeting=1`, `?confirm=12`),
 * as on the roadmap pages: links open forms without JavaScript, and after a change the page comes
 * back with them closed.
 */

/** URL parameters that open a form; everything else (filters, order, search) is the page's own state. */
export const FORM_PARAMS = [
  'add',
  'edit',
  'consent',
  'revoke',
  'confirm',
  'create',
  'program',
  'activate',
  'stage',
  'complete',
  'terminate',
  'meeting',
  'feedback',
  'assessment',
  'agreement',
] as const;

export type FormParam = (typeof FORM_PARAMS)[number];

/** Details of an open form that close with it: the form of a pair being confirmed. */
const FORM_DETAILS = ['pairForm'];

/** This page's path and query without the open-form parameters (and without a form action). */
export function withoutParams(
  url: URL,
  names: readonly string[] = [...FORM_PARAMS, ...FORM_DETAILS],
  hash = '',
): string {
  const params = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    if (!name.startsWith('/') && !names.includes(name)) params.append(name, value);
  }
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}${hash}`;
}

/** This page with one form opened (and any other closed). */
export function formHref(url: URL, param: FormParam, value = '1', hash = ''): string {
  const base = withoutParams(url);
  const separator = base.includes('?') ? '&' : '?';
  return `${base}${separator}${param}=${encodeURIComponent(value)}${hash}`;
}

/** The open form of the page: the first form parameter present, with its value. */
export function openForm(params: URLSearchParams): { param: FormParam; value: string } | null {
  for (const param of FORM_PARAMS) {
    const value = params.get(param);
    if (value) return { param, value };
  }
  return null;
}

/** A form action's failure (`form` on the page): the values typed and what to say where. */
export interface MentoringActionFailure {
  action: string;
  /** What the form was about when a page has several of a kind: a consent, a mentor, a group. */
  subject: string | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** About the change as a whole, shown above the form. */
  message: string | null;
}

export function isActionFailure(form: unknown): form is MentoringActionFailure {
  return typeof form === 'object' && form !== null && 'errors' in form && 'action' in form;
}

/** The failure of this form's last post, if the page's `form` is one. */
export function failureOf(form: unknown, action: string, subject: string | null = null) {
  return isActionFailure(form) && form.action === action && form.subject === subject ? form : null;
}
