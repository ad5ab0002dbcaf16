import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, periodLocked, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import type { Operation } from '../access/policy.js';
import { ScopeLevel } from '../access/roles.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { requireReportingUnit, UnitLevel, type ReportingNode } from '../indicators/reporting-unit.js';
import { academicYearOn, moscowToday } from './moscow-today.js';
import { dueOn, formCells, isMeasureCell } from './report-form.definition.js';
import { requireReportForm, type ReportForm } from './report-form.service.js';
import { REPORT_STATUS_LABELS, ReportStatus } from './statistical-report.enums.js';

/** Which report: a form, a school and an academic year. */
export interface ReportKey {
  formCode: string;
  organizationCode: string;
  academicYear: number;
}

interface ReportRow {
  id: number;
  status: ReportStatus;
  region_id: number;
  municipality_id: number;
  organization_id: number;
  locked: boolean;
}

interface LockedReport {
  unit: ReportingNode;
  form: ReportForm;
  report: ReportRow;
}

const yearName = (year: number) => `${year}/${year + 1}`;

/**
 * The school's report for the form and year, created as a draft if nobody has touched it yet,
 * and locked for the rest of the transaction. A school outside the caller's scope is "not found".
 */
async function lockReport(em: EntityManager, scope: AccessScope, key: ReportKey): Promise<LockedReport> {
  const unit = await requireReportingUnit(em, scope, {
    level: UnitLevel.ORGANIZATION,
    code: key.organizationCode,
  });
  const form = await requireReportForm(em, key.formCode, key.academicYear);
  if (key.academicYear > academicYearOn(moscowToday())) {
    throw badInput('academicYear', `${yearName(key.academicYear)} учебный год ещё не начался`);
  }
  await em.execute(
    `insert into statistical_report (region_id, municipality_id, organization_id, form_code, academic_year)
     values (?, ?, ?, ?, ?) on conflict do nothing`,
    [unit.regionId, unit.municipalityId, unit.organizationId, form.code, key.academicYear],
  );
  const [report] = await em.execute<ReportRow[]>(
    `select r.id, r.status, r.region_id, r.municipality_id, r.organization_id,
            exists (select 1 from period_lock l
                    where l.organization_id = r.organization_id and l.academic_year = r.academic_year) as locked
     from statistical_report r
     where r.organization_id = ? and r.form_code = ? and r.academic_year = ? for update of r`,
    [unit.organizationId, form.code, key.academicYear],
  );
  return { unit, form, report: report! };
}

function audit(
  em: EntityManager,
  scope: AccessScope,
  report: ReportRow,
  entries: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>[],
) {
  return recordAudit(
    em.getTransactionContext() ?? em.getKnex(),
    scope.caller,
    entries.map((entry) => ({
      ...entry,
      regionId: report.region_id,
      municipalityId: report.municipality_id,
      organizationId: report.organization_id,
    })),
  );
}

/** How a report is named in the audit trail: form, school and year, readable without a lookup. */
const reportCode = (key: ReportKey, unit: ReportingNode) =>
  `${key.formCode}:${unit.code}:${key.academicYear}`;

const ACTOR: Record<ScopeLevel.ORGANIZATION | ScopeLevel.MUNICIPALITY | ScopeLevel.REGION, string> = {
  [ScopeLevel.ORGANIZATION]: 'Заполняет и отправляет отчёт куратор самой ОО.',
  [ScopeLevel.MUNICIPALITY]: 'Принимает отчёт ОО или возвращает его на доработку муниципалитет этой ОО.',
  [ScopeLevel.REGION]: 'Утверждает отчёт ОО и снимает блокировку субъект РФ этой ОО.',
};

interface Transition {
  from: ReportStatus[];
  to: ReportStatus;
  /** Who acts: the school itself, its municipality or its region (the caller's scope level). */
  actor: keyof typeof ACTOR;
  operation: Operation;
  /** The argument that must explain the step, if any. */
  explanation?: { field: string; message: string };
}

/**
 * Up the levels: the school submits; the municipality accepts or returns (an accepted report too,
 * until the region approves it); the region approves, which locks the school's academic year.
 * Unlocking goes back to «accepted»: the school's submission and its timeliness stay as they
 * were, and if the school has to change something the municipality returns the report.
 */
export const REPORT_TRANSITIONS = {
  submit: {
    from: [ReportStatus.DRAFT, ReportStatus.RETURNED],
    to: ReportStatus.SUBMITTED,
    actor: ScopeLevel.ORGANIZATION,
    operation: 'report.submit',
  },
  accept: {
    from: [ReportStatus.SUBMITTED],
    to: ReportStatus.ACCEPTED,
    actor: ScopeLevel.MUNICIPALITY,
    operation: 'report.accept',
  },
  return: {
    from: [ReportStatus.SUBMITTED, ReportStatus.ACCEPTED],
    to: ReportStatus.RETURNED,
    actor: ScopeLevel.MUNICIPALITY,
    operation: 'report.accept',
    explanation: { field: 'comment', message: 'укажите, что нужно доработать' },
  },
  approve: {
    from: [ReportStatus.ACCEPTED],
    to: ReportStatus.APPROVED,
    actor: ScopeLevel.REGION,
    operation: 'report.approve',
  },
  unlock: {
    from: [ReportStatus.APPROVED],
    to: ReportStatus.ACCEPTED,
    actor: ScopeLevel.REGION,
    operation: 'report.approve',
    explanation: { field: 'reason', message: 'укажите, зачем снимается блокировка' },
  },
} satisfies Record<string, Transition>;

export type ReportTransition = keyof typeof REPORT_TRANSITIONS;

function assertActor(scope: AccessScope, actor: Transition['actor']) {
  if (scope.node?.level !== actor) throw refused(ACTOR[actor]);
}

export async function moveReport(
  em: EntityManager,
  scope: AccessScope,
  key: ReportKey,
  transition: ReportTransition,
  explanation: string | null,
): Promise<void> {
  const step: Transition = REPORT_TRANSITIONS[transition];
  const { unit, form, report } = await lockReport(em, scope, key);
  assertActor(scope, step.actor);
  if (!step.from.includes(report.status)) {
    throw refused(
      `Нельзя: отчёт сейчас «${REPORT_STATUS_LABELS[report.status]}», а это действие возможно, когда он ` +
        step.from.map((status) => `«${REPORT_STATUS_LABELS[status]}»`).join(' или ') +
        '.',
    );
  }
  const text = explanation?.trim() || null;
  if (step.explanation && !text) throw badInput(step.explanation.field, step.explanation.message);

  const today = moscowToday();
  const onTime = today <= dueOn(form.definition, key.academicYear);
  const code = reportCode(key, unit);
  const entries: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>[] = [];
  // The lock goes first, or the summary refresh below would refuse to touch a locked year.
  if (transition === 'unlock') {
    await em.execute(
      `delete from period_lock l where l.organization_id = ? and l.academic_year = ?
         and not exists (select 1 from statistical_report r where r.organization_id = l.organization_id
                           and r.academic_year = l.academic_year and r.status = 'APPROVED' and r.id <> ?)`,
      [report.organization_id, key.academicYear, report.id],
    );
    entries.push({
      operation: step.operation,
      action: 'DELETE',
      entity: 'period_lock',
      entityCode: `${unit.code}:${key.academicYear}`,
      after: { reason: text },
    });
  }
  await em.execute(
    `update statistical_report set status = ?, status_comment = ?, updated_at = now(),
       submitted_at = case when ? then now() else submitted_at end,
       submitted_on_time = case when ? then ? else submitted_on_time end,
       accepted_at = case when ? = 'ACCEPTED' then coalesce(accepted_at, now())
                          when ? = 'APPROVED' then accepted_at end,
       approved_at = case when ? = 'APPROVED' then now() end
     where id = ?`,
    [
      step.to,
      text,
      transition === 'submit',
      transition === 'submit',
      onTime,
      step.to,
      step.to,
      step.to,
      report.id,
    ],
  );
  // Submission counts (reports_submitted, …) live in the summary like every other figure.
  await refreshOrganizationSummaries(em, [report.organization_id], { academicYear: key.academicYear });
  if (transition === 'approve') {
    // The refresh above holds the organisation's row lock, so no write slips in before the lock.
    await em.execute(
      `insert into period_lock (organization_id, academic_year, locked_by, reason) values (?, ?, ?, ?)
       on conflict do nothing`,
      [
        report.organization_id,
        key.academicYear,
        scope.caller.username ?? scope.caller.subject,
        `Утверждён отчёт «${form.title}»`,
      ],
    );
    entries.push({
      operation: step.operation,
      action: 'CREATE',
      entity: 'period_lock',
      entityCode: `${unit.code}:${key.academicYear}`,
      after: { reason: `Утверждён отчёт «${form.title}»` },
    });
  }
  entries.unshift({
    operation: step.operation,
    action: 'UPDATE',
    entity: 'statistical_report',
    entityCode: code,
    before: { status: report.status },
    after: {
      status: step.to,
      ...(text ? { [step.explanation!.field]: text } : {}),
      ...(transition === 'submit' ? { onTime } : {}),
    },
  });
  await audit(em, scope, report, entries);
}

/**
 * Sets (or, with value null, removes) the school's manual value of a cell, with the reason. The
 * computed value stays in the summary; the report shows both. Only while the school edits the
 * report (draft or returned); never in a locked academic year.
 */
export async function correctReportCell(
  em: EntityManager,
  scope: AccessScope,
  key: ReportKey,
  cell: string,
  value: number | null,
  reason: string,
): Promise<void> {
  const { unit, form, report } = await lockReport(em, scope, key);
  assertActor(scope, ScopeLevel.ORGANIZATION);
  const target = formCells(form.definition).find((candidate) => candidate.key === cell.trim());
  if (!target) {
    throw badInput(
      'cell',
      `в форме «${form.title}» нет ячейки «${cell}» (укажите «строка.графа», например 07.3)`,
    );
  }
  if (!isMeasureCell(target.source)) {
    throw badInput('cell', `ячейка ${target.key} — доля, она вычисляется из других граф и не исправляется`);
  }
  if (!reason.trim()) throw badInput('reason', 'укажите причину исправления');
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > 1_000_000_000)) {
    throw badInput('value', `целое неотрицательное число, передано ${value}`);
  }
  if (report.locked || report.status === ReportStatus.APPROVED) {
    throw periodLocked(
      `Отчёт ОО «${unit.name}» за ${yearName(key.academicYear)} учебный год утверждён и заблокирован ` +
        'субъектом РФ: исправить его можно после того, как субъект РФ снимет блокировку.',
    );
  }
  if (report.status !== ReportStatus.DRAFT && report.status !== ReportStatus.RETURNED) {
    throw refused(
      `Отчёт сейчас «${REPORT_STATUS_LABELS[report.status]}»: исправлять можно черновик или отчёт, ` +
        'возвращённый на доработку.',
    );
  }
  const [current] = await em.execute<
    { value: string | null; reason: string | null; computed: string | null }[]
  >(
    `select c.value, c.reason,
            (select (to_jsonb(s) ->> ?)::numeric from organization_summary s
             where s.organization_id = ? and s.academic_year = ?) as computed
     from (select 1) as one
     left join report_correction c on c.report_id = ? and c.cell = ?`,
    [target.source.measure, report.organization_id, key.academicYear, report.id, target.key],
  );
  const before = current!.value === null ? null : { value: Number(current!.value), reason: current!.reason };
  if (value === null && !before)
    throw badInput('value', `ячейка ${target.key} не исправлялась — удалять нечего`);
  if (value === null) {
    await em.execute(`delete from report_correction where report_id = ? and cell = ?`, [
      report.id,
      target.key,
    ]);
  } else {
    await em.execute(
      `insert into report_correction (report_id, region_id, municipality_id, organization_id, cell, value, reason)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (report_id, cell) do update set value = excluded.value, reason = excluded.reason, corrected_at = now()`,
      [
        report.id,
        report.region_id,
        report.municipality_id,
        report.organization_id,
        target.key,
        value,
        reason.trim(),
      ],
    );
  }
  await em.execute(`update statistical_report set updated_at = now() where id = ?`, [report.id]);
  await audit(em, scope, report, [
    {
      operation: 'report.submit',
      action: value === null ? 'DELETE' : before ? 'UPDATE' : 'CREATE',
      entity: 'report_correction',
      entityCode: `${reportCode(key, unit)}:${target.key}`,
      before: before ?? undefined,
      after: {
        ...(value === null ? {} : { value }),
        reason: reason.trim(),
        computedValue: Number(current!.computed ?? 0),
      },
    },
  ]);
}
