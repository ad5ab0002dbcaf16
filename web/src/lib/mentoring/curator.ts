import type { Viewer } from '$lib/viewer';

/**
 * Whether the viewer keeps this school's mentoring base: its own curator. Pages offer the base,
 * pairs and imports only to them (the API refuses everyone else anyway); others see counts.
 */
export function keepsSchool(viewer: Pick<Viewer, 'roles' | 'scope'> | null, code: string): boolean {
  return Boolean(
    viewer?.roles.includes('school-curator') &&
    viewer.scope.level === 'organization' &&
    viewer.scope.code === code,
  );
}
