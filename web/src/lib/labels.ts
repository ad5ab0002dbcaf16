/** Russian labels for the API's enums, worded as in the source documents. */

export type MunicipalityKind =
  'MUNICIPAL_DISTRICT' | 'MUNICIPAL_OKRUG' | 'URBAN_OKRUG' | 'INTRA_CITY_TERRITORY';

export type OrganizationKind = 'SCHOOL' | 'ADDITIONAL_EDUCATION' | 'VOCATIONAL' | 'KINDERGARTEN_SCHOOL';

export const MUNICIPALITY_KIND_LABELS: Record<MunicipalityKind, string> = {
  MUNICIPAL_DISTRICT: 'муниципальный район',
  MUNICIPAL_OKRUG: 'муниципальный округ',
  URBAN_OKRUG: 'городской округ',
  INTRA_CITY_TERRITORY: 'внутригородская территория',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  SCHOOL: 'общеобразовательная организация',
  ADDITIONAL_EDUCATION: 'организация дополнительного образования',
  VOCATIONAL: 'профессиональная образовательная организация (СПО)',
  KINDERGARTEN_SCHOOL: 'начальная школа – детский сад',
};

// A kind added to the API before the dashboard learns it shows as its code rather than breaking the page.
export function municipalityKindLabel(kind: string): string {
  return MUNICIPALITY_KIND_LABELS[kind as MunicipalityKind] ?? kind;
}

export function organizationKindLabel(kind: string): string {
  return ORGANIZATION_KIND_LABELS[kind as OrganizationKind] ?? kind;
}

/** Agreement of a roadmap with the level above (согласование). */
export type RoadmapStatus = 'DRAFT' | 'SUBMITTED' | 'AGREED' | 'RETURNED';

/** The completion mark of a roadmap item (отметка о выполнении). */
export type RoadmapItemStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'NOT_DONE' | 'CANCELLED';

/** The seven stages of a mentoring programme, in the order the methodology runs them. */
export type MentoringStage =
  | 'PREPARATION'
  | 'MENTEE_BASE'
  | 'MENTOR_BASE'
  | 'MENTOR_SELECTION_AND_TRAINING'
  | 'MATCHING'
  | 'WORK'
  | 'COMPLETION';

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  DRAFT: 'черновик',
  SUBMITTED: 'на согласовании',
  AGREED: 'согласована',
  RETURNED: 'возвращена на доработку',
};

export const ROADMAP_STATUSES = Object.keys(ROADMAP_STATUS_LABELS) as RoadmapStatus[];

export const ROADMAP_ITEM_STATUS_LABELS: Record<RoadmapItemStatus, string> = {
  PLANNED: 'запланировано',
  IN_PROGRESS: 'выполняется',
  DONE: 'выполнено',
  NOT_DONE: 'не выполнено',
  CANCELLED: 'отменено',
};

export const ROADMAP_ITEM_STATUSES = Object.keys(ROADMAP_ITEM_STATUS_LABELS) as RoadmapItemStatus[];

export const MENTORING_STAGE_LABELS: Record<MentoringStage, string> = {
  PREPARATION: 'Подготовка условий для запуска программы наставничества',
  MENTEE_BASE: 'Формирование базы наставляемых',
  MENTOR_BASE: 'Формирование базы наставников',
  MENTOR_SELECTION_AND_TRAINING: 'Отбор и обучение наставников',
  MATCHING: 'Формирование наставнических пар или групп',
  WORK: 'Организация работы наставнических пар или групп',
  COMPLETION: 'Завершение наставничества',
};

export const MENTORING_STAGES = Object.keys(MENTORING_STAGE_LABELS) as MentoringStage[];

/** «нет дорожной карты» where a school has none for the year. */
export function roadmapStatusLabel(status: string | null): string {
  if (status === null) return 'нет дорожной карты';
  return ROADMAP_STATUS_LABELS[status as RoadmapStatus] ?? status;
}

export function roadmapItemStatusLabel(status: string): string {
  return ROADMAP_ITEM_STATUS_LABELS[status as RoadmapItemStatus] ?? status;
}

export function mentoringStageLabel(stage: string | null): string {
  if (stage === null) return '—';
  return MENTORING_STAGE_LABELS[stage as MentoringStage] ?? stage;
}

export function isRoadmapItemStatus(value: unknown): value is RoadmapItemStatus {
  return typeof value === 'string' && Object.hasOwn(ROADMAP_ITEM_STATUS_LABELS, value);
}

export function isMentoringStage(value: unknown): value is MentoringStage {
  return typeof value === 'string' && Object.hasOwn(MENTORING_STAGE_LABELS, value);
}

export function isRoadmapStatus(value: unknown): value is RoadmapStatus {
  return typeof value === 'string' && Object.hasOwn(ROADMAP_STATUS_LABELS, value);
}
