/**
 * Who is looking at the dashboard: the signed-in user as pages see them (never their tokens).
 * Built on the server from the identity server's claims; the helpers here are pure so the
 * header, the breadcrumbs and the landing redirect agree on one reading of a role.
 */

/** The realm roles (infra/keycloak/realm.json) that may sign in to the dashboard. */
export type DashboardRole =
  'federal-analyst' | 'regional-analyst' | 'regional-admin' | 'municipal-coordinator' | 'school-curator';

/** Levels of the hierarchy, widest first. */
export type ScopeLevel = 'federation' | 'region' | 'municipality' | 'organization';

export const SCOPE_LEVELS: readonly ScopeLevel[] = ['federation', 'region', 'municipality', 'organization'];

/** Each role with the level it works at; widest first, so the first held role decides the scope. */
export const ROLE_LEVELS: Readonly<Record<DashboardRole, ScopeLevel>> = {
  'federal-analyst': 'federation',
  'regional-admin': 'region',
  'regional-analyst': 'region',
  'municipal-coordinator': 'municipality',
  'school-curator': 'organization',
};

export const ROLE_LABELS: Readonly<Record<DashboardRole, string>> = {
  'federal-analyst': 'аналитик федерального уровня',
  'regional-analyst': 'аналитик субъекта РФ',
  'regional-admin': 'администратор субъекта РФ',
  'municipal-coordinator': 'куратор муниципалитета',
  'school-curator': 'куратор ОО',
};

export interface ViewerScope {
  level: ScopeLevel;
  /** Region code, ОКТМО or organization code; null for the federation. */
  code: string | null;
  /** The node's name as the directory has it; null until (or unless) the API told us. */
  name: string | null;
}

export interface Viewer {
  /** «Имя Фамилия». */
  name: string;
  username: string;
  /** Dashboard roles the user holds, widest first. */
  roles: DashboardRole[];
  scope: ViewerScope;
}

export function isDashboardRole(role: unknown): role is DashboardRole {
  return typeof role === 'string' && Object.hasOwn(ROLE_LEVELS, role);
}

/** The role that decides what the user sees: the widest one they hold. */
export function primaryRole(viewer: Pick<Viewer, 'roles'>): DashboardRole {
  return viewer.roles[0];
}

/** Where a user starts: their own node of the hierarchy. */
export function landingPath(scope: Pick<ViewerScope, 'level' | 'code'>): string {
  const code = encodeURIComponent(scope.code ?? '');
  switch (scope.level) {
    case 'federation':
      return '/';
    case 'region':
      return `/regions/${code}`;
    case 'municipality':
      return `/municipalities/${code}`;
    case 'organization':
      return `/organizations/${code}`;
  }
}

/** Roles whose work is the target indicators: they start on them rather than on the directory. */
const ANALYST_ROLES: readonly DashboardRole[] = ['federal-analyst', 'regional-analyst'];

/**
 * Where a sign-in that asked for no page in particular leads: analysts to the target indicators
 * of their node, everyone else to their node of the hierarchy.
 */
export function startPath(viewer: Pick<Viewer, 'roles' | 'scope'>): string {
  return ANALYST_ROLES.includes(primaryRole(viewer))
    ? indicatorsPath(viewer.scope)
    : landingPath(viewer.scope);
}

/** «Показатели» in the main navigation: the target indicators of the user's own node. */
export function indicatorsPath(
  scope: Pick<ViewerScope, 'level' | 'code'>,
): '/indicators' | `/indicators/${Exclude<ScopeLevel, 'federation'>}/${string}` {
  if (scope.level === 'federation') return '/indicators';
  return `/indicators/${scope.level}/${encodeURIComponent(scope.code ?? '')}`;
}

/**
 * «Отчётность» in the main navigation: the statistical report of a curator's school, the
 * submission status of a coordinator's schools, a region's agreement of its municipalities'
 * reports. The federation collects no reports itself, so it has none.
 */
export function reportsPath(
  scope: Pick<ViewerScope, 'level' | 'code'>,
):
  | `/regions/${string}/reports`
  | `/municipalities/${string}/reports`
  | `/organizations/${string}/report`
  | null {
  const code = encodeURIComponent(scope.code ?? '');
  switch (scope.level) {
    case 'federation':
      return null;
    case 'region':
      return `/regions/${code}/reports`;
    case 'municipality':
      return `/municipalities/${code}/reports`;
    case 'organization':
      return `/organizations/${code}/report`;
  }
}

/**
 * Whether pages of a level are the user's to browse: their own level and below. Pages above it
 * (a curator's region) still open when asked for by address — the API shows only the user's
 * part there — but the dashboard does not offer them as links.
 */
export function canBrowseLevel(viewer: Pick<Viewer, 'scope'> | null, level: ScopeLevel): boolean {
  if (!viewer) return false;
  return SCOPE_LEVELS.indexOf(level) >= SCOPE_LEVELS.indexOf(viewer.scope.level);
}

/** The node in words: its name when known, otherwise its kind and code. */
export function scopeLabel(scope: ViewerScope): string {
  if (scope.level === 'federation') return 'Российская Федерация';
  if (scope.name) return scope.name;
  switch (scope.level) {
    case 'region':
      return `субъект РФ ${scope.code}`;
    case 'municipality':
      return `ОКТМО ${scope.code}`;
    case 'organization':
      return `ОО ${scope.code}`;
  }
}

/** The main navigation's first item: the user's own starting page. */
export function homeLabel(level: ScopeLevel): string {
  switch (level) {
    case 'federation':
      return 'Субъекты РФ';
    case 'region':
      return 'Мой субъект РФ';
    case 'municipality':
      return 'Мой муниципалитет';
    case 'organization':
      return 'Моя организация';
  }
}

/**
 * «Дорожные карты» in the main navigation, at the user's level: a curator's own school's
 * roadmap, a coordinator's tracker of the municipality's schools, a region's summary by
 * municipality, the country's summary by region.
 */
export function roadmapsPath(
  scope: Pick<ViewerScope, 'level' | 'code'>,
):
  | '/roadmaps'
  | `/regions/${string}/roadmaps`
  | `/municipalities/${string}/roadmaps`
  | `/organizations/${string}/roadmap` {
  const code = encodeURIComponent(scope.code ?? '');
  switch (scope.level) {
    case 'federation':
      return '/roadmaps';
    case 'region':
      return `/regions/${code}/roadmaps`;
    case 'municipality':
      return `/municipalities/${code}/roadmaps`;
    case 'organization':
      return `/organizations/${code}/roadmap`;
  }
}
