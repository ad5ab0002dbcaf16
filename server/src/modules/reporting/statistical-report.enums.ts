import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/**
 * A school's report on its way up: the school submits, the municipality accepts or returns it
 * with a comment, the region approves it and so locks the school's academic year.
 */
export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
  APPROVED = 'APPROVED',
}

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  [ReportStatus.DRAFT]: 'черновик',
  [ReportStatus.SUBMITTED]: 'отправлен',
  [ReportStatus.RETURNED]: 'возвращён на доработку',
  [ReportStatus.ACCEPTED]: 'принят муниципалитетом',
  [ReportStatus.APPROVED]: 'утверждён субъектом РФ',
};

/** Statuses in which the school has handed the report in (a returned one it has to hand in again). */
export const HANDED_IN: readonly ReportStatus[] = [
  ReportStatus.SUBMITTED,
  ReportStatus.ACCEPTED,
  ReportStatus.APPROVED,
];

registerLabelledEnum(
  ReportStatus,
  'ReportStatus',
  'Состояние отчёта ОО по форме статистического наблюдения.',
  REPORT_STATUS_LABELS,
);
