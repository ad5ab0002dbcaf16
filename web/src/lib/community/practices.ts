import { isMentoringStage, type MentoringStage } from '$lib/labels';
import { compact, lengthError, orNull, type FieldErrors } from '$lib/mentoring/form-checks';
import { isOneOf, MENTORING_FORM_LABELS, type MentoringForm } from '$lib/mentoring/labels';
import type { Viewer } from '$lib/viewer';

/**
 * Best practices (лучшие практики, кейсы) of schools. Who reads a case is the API's decision by
 * its publication level; the pages only offer each viewer the moves the API would accept: the
 * author school writes and proposes, the municipal coordinator publishes in the municipality, the
 * regional administrator at the region level.
 */

export type PracticeLevel = 'SCHOOL' | 'MUNICIPALITY' | 'REGION';

export const PRACTICE_LEVEL_LABELS: Record<PracticeLevel, string> = {
  SCHOOL: 'ОО',
  MUNICIPALITY: 'муниципалитет',
  REGION: 'субъект РФ',
};

/** Who reads a case at each level, as the page explains it. */
export const PRACTICE_LEVEL_AUDIENCE: Record<PracticeLevel, string> = {
  SCHOOL: 'видит только куратор ОО-автора',
  MUNICIPALITY: 'видят все в муниципалитете, кураторы его ОО и уровни выше',
  REGION: 'видят все в субъекте РФ и федеральный уровень',
};

export const PRACTICE_LEVELS = Object.keys(PRACTICE_LEVEL_LABELS) as PracticeLevel[];

export const practiceLevelLabel = (value: string) => PRACTICE_LEVEL_LABELS[value as PracticeLevel] ?? value;

export interface Practice {
  id: string;
  title: string;
  summary: string;
  form: MentoringForm;
  stage: MentoringStage | null;
  url: string | null;
  level: PracticeLevel;
  proposed: boolean;
  publishedAt: string;
  author: { organizationCode: string; organizationName: string; municipalityName: string };
}

/** A level to move a case to, and the button that does it. */
export interface LevelMove {
  level: PracticeLevel;
  label: string;
}

/**
 * The publication moves this viewer may make on a case: the municipal coordinator publishes a
 * proposed school case or takes a municipal one back; the regional administrator raises a
 * municipal case to the region or lowers a regional one. Nobody else has any.
 */
export function levelMoves(viewer: Pick<Viewer, 'roles' | 'scope'> | null, practice: Practice): LevelMove[] {
  if (!viewer) return [];
  if (viewer.roles.includes('municipal-coordinator') && viewer.scope.level === 'municipality') {
    if (practice.level === 'SCHOOL' && practice.proposed)
      return [{ level: 'MUNICIPALITY', label: 'Опубликовать в муниципалитете' }];
    if (practice.level === 'MUNICIPALITY') return [{ level: 'SCHOOL', label: 'Вернуть на уровень ОО' }];
    return [];
  }
  if (viewer.roles.includes('regional-admin') && viewer.scope.level === 'region') {
    if (practice.level === 'MUNICIPALITY')
      return [{ level: 'REGION', label: 'Опубликовать на уровне субъекта РФ' }];
    if (practice.level === 'REGION')
      return [{ level: 'MUNICIPALITY', label: 'Оставить на уровне муниципалитета' }];
  }
  return [];
}

export function parseLevelFilter(params: URLSearchParams): PracticeLevel | null {
  const level = params.get('level');
  return isOneOf(PRACTICE_LEVEL_LABELS, level) ? level : null;
}

// ── The practice form ────────────────────────────────────────────────────────────────────────

export const PRACTICE_FIELDS = ['title', 'summary', 'form', 'stage', 'url'] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number];
export type PracticeValues = Record<PracticeField, string>;

const TITLE_MAX = 300;
const SUMMARY_MAX = 4000;

export function practiceValues(practice: Practice | null): PracticeValues {
  return {
    title: practice?.title ?? '',
    summary: practice?.summary ?? '',
    form: practice?.form ?? '',
    stage: practice?.stage ?? '',
    url: practice?.url ?? '',
  };
}

export function validatePractice(values: PracticeValues): FieldErrors<PracticeField> {
  const errors: FieldErrors<PracticeField> = {};
  errors.title = values.title.trim() ? lengthError(values.title, TITLE_MAX) : 'укажите название практики';
  errors.summary = values.summary.trim() ? lengthError(values.summary, SUMMARY_MAX) : 'опишите практику';
  if (!isOneOf(MENTORING_FORM_LABELS, values.form)) errors.form = 'выберите форму наставничества';
  if (values.stage && !isMentoringStage(values.stage)) errors.stage = 'неизвестный этап';
  const url = values.url.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url))
    errors.url = `ссылка начинается с http:// или https:// и без пробелов, передано «${url}»`;
  return compact(errors);
}

export function practiceInput(values: PracticeValues) {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    form: values.form as MentoringForm,
    stage: isMentoringStage(values.stage) ? values.stage : null,
    url: orNull(values.url),
  };
}
