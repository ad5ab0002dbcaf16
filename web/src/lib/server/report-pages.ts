import { error, fail, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import { formatAcademicYear } from '$lib/format';
import { displayName, sortByColumn, type Column } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery, takeWindow, type ListPage } from '$lib/list-query';
import {
  EXPLAINED_STEPS,
  filterSubmissionRows,
  isReportStep,
  parseReportView,
  reportQuery,
  reportSteps,
  REPORT_STEP_TEXT,
  MUNICIPALITY_STATUS_UNITS,
  SCHOOL_STATUS_COLUMNS,
  unitStatusColumns,
  type ReportCaller,
  type ReportStep,
  type ReportView,
  type SubmissionRow,
} from '$lib/reports';
import { mutateApi, queryApi } from './api-client';
import { listPageSize } from './config';
import {
  ACCEPT_REPORT,
  APPROVE_REPORT,
  MUNICIPALITY_REPORT_CONTEXT,
  ORGANIZATION_REPORT_CONTEXT,
  REGION_REPORT_CONTEXT,
  RETURN_REPORT,
  STATISTICAL_REPORT,
  SUBMISSION_STATUS,
  SUBMIT_REPORT,
  UNLOCK_REPORT,
  type CallerData,
  type FormSummary,
  type ReportKey,
  type SubmissionStatusData,
} from './report-queries';
import { setFlash, takeFlash } from './roadmap-page';

/**
 * The reporting pages: a municipality's schools (the coordinator accepts and returns, the region
 * approves and unlocks), a region's municipalities, and a school's own report (the curator submits).
 * Each reads the forms of the year, the caller and the unit, then the status or report of the
 * chosen form; the steps are form actions that work without JavaScript and come back to the page
 * with a one-time message.
 */

function callerOf(me: CallerData): ReportCaller {
  return {
    level: me.level,
    operations: me.permissions.map((permission) => permission.operation),
    regionCode: me.region?.code ?? null,
    municipalityCode: me.municipality?.code ?? null,
    organizationCode: me.organization?.code ?? null,
  };
}

/** The chosen form of the year, or the first; null when the year has none. */
function chosenForm(forms: readonly FormSummary[], view: ReportView): FormSummary | null {
  return forms.find((form) => form.code === view.form) ?? forms[0] ?? null;
}

type StatusRowData = SubmissionStatusData['reportSubmissionStatus']['total'];

function submissionRow(row: StatusRowData): SubmissionRow {
  const { unit, ...counts } = row;
  return { code: unit.code ?? '', name: unit.name, ...counts };
}

/** A status table in the URL: search and order, the rows on screen and all of them for the chart. */
function statusList<Key extends string>(
  url: URL,
  rows: readonly SubmissionRow[],
  columns: readonly Column<SubmissionRow, Key>[],
): ListPage<SubmissionRow, Key> & { rows: SubmissionRow[] } {
  const pageSize = listPageSize();
  const query = parseListQuery(url, {
    columns: columns.map((column) => column.key),
    defaultSort: { column: 'name' as Key, direction: 'asc' },
    pageSize,
    maxRows: MAX_LIST_ROWS,
  });
  const sorted = sortByColumn(filterSubmissionRows(rows, query.search), columns, query.sort);
  return {
    query,
    complete: true,
    pageSize,
    window: takeWindow(sorted, query.limit, pageSize),
    totals: {},
    rows: sorted,
  };
}

async function submissionStatus(
  api: Client,
  level: 'REGION' | 'MUNICIPALITY',
  code: string,
  form: string,
  view: ReportView,
) {
  const { reportSubmissionStatus: status } = await queryApi(api, SUBMISSION_STATUS, {
    unit: { level, code },
    form,
    year: view.year,
    asOf: view.asOf,
  });
  return {
    dueOn: status.dueOn,
    asOf: status.asOf,
    total: submissionRow(status.total),
    children: status.children.map(submissionRow),
  };
}

export async function loadMunicipalityReports(api: Client, code: string, url: URL, cookies: Cookies) {
  const view = parseReportView(url);
  const context = await queryApi(api, MUNICIPALITY_REPORT_CONTEXT, { code, year: view.year });
  const municipality = context.municipality;
  if (!municipality) error(404, `Муниципальное образование с кодом ОКТМО «${code}» не найдено.`);
  const form = chosenForm(context.statisticalForms, view);
  const status = form
    ? await submissionStatus(api, 'MUNICIPALITY', municipality.code, form.code, view)
    : null;
  const caller = callerOf(context.me);
  const owner = (organizationCode: string) => ({
    organizationCode,
    municipalityCode: municipality.code,
    regionCode: municipality.region.code,
  });
  const shortNames = new Map(
    municipality.organizations.nodes.map((node) => [node.code, node.shortName?.trim()]),
  );
  const schools = (status?.children ?? []).map((row) => ({
    ...row,
    name: shortNames.get(row.code) || row.name,
  }));
  const steps: Record<string, ReportStep[]> = Object.fromEntries(
    (status?.children ?? []).map((row) => [row.code, reportSteps(caller, owner(row.code), row.status)]),
  );
  return {
    municipality: { code: municipality.code, name: municipality.name },
    region: municipality.region,
    view,
    yearLabel: formatAcademicYear(view.year),
    forms: context.statisticalForms,
    form,
    query: form ? reportQuery(view, form.code) : null,
    status: status && { dueOn: status.dueOn, asOf: status.asOf, total: status.total },
    list: statusList(url, schools, SCHOOL_STATUS_COLUMNS),
    steps,
    flash: takeFlash(cookies),
  };
}

export async function loadRegionReports(api: Client, code: string, url: URL) {
  const view = parseReportView(url);
  const context = await queryApi(api, REGION_REPORT_CONTEXT, { code, year: view.year });
  const region = context.region;
  if (!region) error(404, `Субъект РФ с кодом «${code}» не найден.`);
  const form = chosenForm(context.statisticalForms, view);
  const status = form ? await submissionStatus(api, 'REGION', region.code, form.code, view) : null;
  const caller = callerOf(context.me);
  return {
    region,
    view,
    yearLabel: formatAcademicYear(view.year),
    forms: context.statisticalForms,
    form,
    query: form ? reportQuery(view, form.code) : null,
    status: status && { dueOn: status.dueOn, asOf: status.asOf, total: status.total },
    list: statusList(url, status?.children ?? [], unitStatusColumns(MUNICIPALITY_STATUS_UNITS)),
    /** Every municipality, whatever the search: the totals row is the whole region's. */
    childCount: status?.children.length ?? 0,
    /** The region's own administrator approves and unlocks, on each municipality's page. */
    approves:
      caller.level === 'REGION' &&
      caller.regionCode === region.code &&
      caller.operations.includes('report.approve'),
  };
}

export async function loadOrganizationReport(api: Client, code: string, url: URL, cookies: Cookies) {
  const view = parseReportView(url);
  const context = await queryApi(api, ORGANIZATION_REPORT_CONTEXT, { code, year: view.year });
  const organization = context.organization;
  if (!organization) error(404, `Образовательная организация с кодом «${code}» не найдена.`);
  const form = chosenForm(context.statisticalForms, view);
  const report = form
    ? (await queryApi(api, STATISTICAL_REPORT, { code: organization.code, form: form.code, year: view.year }))
        .statisticalReport
    : null;
  const caller = callerOf(context.me);
  const steps = report
    ? reportSteps(
        caller,
        {
          organizationCode: organization.code,
          municipalityCode: organization.municipality.code,
          regionCode: organization.region.code,
        },
        report.status,
      )
    : [];
  return {
    organization: { code: organization.code, name: organization.name, title: displayName(organization) },
    municipality: organization.municipality,
    region: organization.region,
    view,
    yearLabel: formatAcademicYear(view.year),
    forms: context.statisticalForms,
    form,
    query: form ? reportQuery(view, form.code) : null,
    report,
    steps,
    flash: takeFlash(cookies),
  };
}

// ── The steps ──────────────────────────────────────────────────────────────────────────────────

/** What a refused step sends back to its form: which report and step, what was typed, why. */
export interface ReportStepFailure {
  step: ReportStep;
  organization: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
}

function refuse(
  failure: Omit<ReportStepFailure, 'values' | 'errors' | 'message'> & Partial<ReportStepFailure>,
) {
  return fail(400, { values: {}, errors: {}, message: null, ...failure } satisfies ReportStepFailure);
}

/**
 * The one form action of the reporting pages: `step` (submit, accept, return, approve, unlock) on
 * the report of `organization` for the page's `form` and `year`; return and unlock need words.
 */
export async function reportStepAction(event: RequestEvent) {
  const fields = await event.request.formData();
  const text = (name: string) => String(fields.get(name) ?? '').trim();
  const step = text('step');
  const organization = text('organization');
  const view = parseReportView(
    new URL(`?${new URLSearchParams({ year: text('year'), asOf: text('asOf') })}`, event.url),
  );
  const formCode = text('form');
  if (!isReportStep(step) || !organization || !formCode)
    error(400, 'Некорректный запрос: не указан отчёт или шаг.');

  const explained = EXPLAINED_STEPS[step];
  const explanation = explained ? text(explained.field) : '';
  if (explained && !explanation) {
    return refuse({ step, organization, errors: { [explained.field]: explained.missing } });
  }
  const report: ReportKey = { formCode, organizationCode: organization, academicYear: view.year };
  const api = event.locals.api;
  const outcome =
    step === 'submit'
      ? await mutateApi(api, SUBMIT_REPORT, { report })
      : step === 'accept'
        ? await mutateApi(api, ACCEPT_REPORT, { report })
        : step === 'return'
          ? await mutateApi(api, RETURN_REPORT, { report, comment: explanation })
          : step === 'approve'
            ? await mutateApi(api, APPROVE_REPORT, { report })
            : await mutateApi(api, UNLOCK_REPORT, { report, reason: explanation });
  if (!outcome.ok) {
    const values = explained ? { [explained.field]: explanation } : {};
    const fieldError = explained ? outcome.fieldErrors[explained.field] : undefined;
    const others = Object.entries(outcome.fieldErrors)
      .filter(([field]) => field !== explained?.field)
      .map(([, message]) => message);
    return refuse({
      step,
      organization,
      values,
      errors: fieldError && explained ? { [explained.field]: fieldError } : {},
      message: [outcome.message, ...others].filter(Boolean).join(' ') || null,
    });
  }
  setFlash(event.cookies, `${text('name') || organization}: ${REPORT_STEP_TEXT[step].done}`);
  redirect(303, `${event.url.pathname}?${reportQuery(view, formCode)}`);
}
