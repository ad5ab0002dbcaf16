import { badInput, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { ScopeLevel } from '../access/roles.js';
import type { OrganizationPath } from '../mentoring/participant.service.js';

/** The caller's own school; partners, cases and publication consents are kept there and only there. */
export function curatorSchool(scope: AccessScope, what: string): OrganizationPath {
  const node = scope.node;
  if (node?.level !== ScopeLevel.ORGANIZATION)
    throw refused(`${what} ведёт куратор своей образовательной организации.`);
  return {
    regionId: node.regionId!,
    municipalityId: node.municipalityId!,
    organizationId: node.organizationId!,
  };
}

/** The same path as a row would carry it, for auditParticipant. */
export function pathRow(path: OrganizationPath) {
  return {
    region_id: path.regionId,
    municipality_id: path.municipalityId,
    organization_id: path.organizationId,
  };
}

/** Trimmed text, or null when blank. */
export function optionalText(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** Trimmed text that must be given and fit `max` characters. */
export function requiredText(field: string, value: string, max: number, missing: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(field, missing);
  return limited(field, trimmed, max);
}

export function limited(field: string, value: string, max: number): string {
  if (value.length > max) throw badInput(field, `не длиннее ${max} знаков, передано ${value.length}`);
  return value;
}
