import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokenClaims } from '../../auth/token-verifier.js';
import { LEVEL_DEPTH, Role, ROLE_LEVEL, ScopeLevel } from './roles.js';

/** Ids of the scope node and its ancestors; deeper ones are absent above their level. */
export interface ScopeNode {
  level: ScopeLevel;
  regionId?: number;
  municipalityId?: number;
  organizationId?: number;
}

export interface Caller {
  subject: string;
  username: string | null;
  clientId: string | null;
}

/** A process acting without a token (command-line tools, seeds); the audit trail names it. */
export function systemCaller(name: string): Caller {
  return { subject: `system:${name}`, username: null, clientId: null };
}

/**
 * Who is calling and which part of the hierarchy they may reach. `node: null` means nowhere:
 * a token whose role or scope attributes do not resolve to a node gets nothing at all.
 */
export class AccessScope {
  constructor(
    readonly caller: Caller,
    readonly roles: ReadonlySet<Role>,
    readonly node: ScopeNode | null,
  ) {}

  hasAnyRole(roles: readonly Role[]): boolean {
    return roles.some((role) => this.roles.has(role));
  }
}

const KNOWN_ROLES = new Set<string>(Object.values(Role));

/** The deepest level named by the token's attributes (service accounts are scoped by them). */
function attributeLevel(claims: AccessTokenClaims): ScopeLevel | null {
  if (claims.organization_code) return ScopeLevel.ORGANIZATION;
  if (claims.municipality_code) return ScopeLevel.MUNICIPALITY;
  if (claims.region_code) return ScopeLevel.REGION;
  return null;
}

/**
 * The scope's level is the deepest of the caller's roles: holding several roles never widens
 * what a user sees beyond the narrowest of them.
 */
function scopeLevel(roles: ReadonlySet<Role>, claims: AccessTokenClaims): ScopeLevel | null {
  let level: ScopeLevel | null = null;
  for (const role of roles) {
    const roleLevel = ROLE_LEVEL[role] ?? attributeLevel(claims);
    if (roleLevel === null) return null;
    if (level === null || LEVEL_DEPTH[roleLevel] > LEVEL_DEPTH[level]) level = roleLevel;
  }
  return level;
}

/** Resolves the token's codes to the node's id path in one statement, checking they agree. */
async function resolveNode(
  em: EntityManager,
  level: ScopeLevel,
  claims: AccessTokenClaims,
): Promise<ScopeNode | null> {
  if (level === ScopeLevel.FEDERATION) return { level };
  const lookups: Record<Exclude<ScopeLevel, ScopeLevel.FEDERATION>, [string, string | undefined]> = {
    [ScopeLevel.REGION]: [`select r.id as region_id from region r where r.code = ?`, claims.region_code],
    [ScopeLevel.MUNICIPALITY]: [
      `select m.region_id, m.id as municipality_id, r.code as region_code
       from municipality m join region r on r.id = m.region_id where m.code = ?`,
      claims.municipality_code,
    ],
    [ScopeLevel.ORGANIZATION]: [
      `select o.region_id, o.municipality_id, o.id as organization_id, r.code as region_code, m.code as municipality_code
       from organization o join region r on r.id = o.region_id join municipality m on m.id = o.municipality_id
       where o.code = ?`,
      claims.organization_code,
    ],
  };
  const [sql, code] = lookups[level];
  if (!code) return null;
  const [row] = await em.getConnection().execute<Record<string, number | string>[]>(sql, [code]);
  if (!row) return null;
  // Attributes that name a different ancestor than the directory has are a misconfiguration.
  if (claims.region_code && row.region_code !== undefined && row.region_code !== claims.region_code)
    return null;
  if (
    claims.municipality_code &&
    row.municipality_code !== undefined &&
    row.municipality_code !== claims.municipality_code
  ) {
    return null;
  }
  return {
    level,
    regionId: row.region_id as number,
    municipalityId: row.municipality_id as number | undefined,
    organizationId: row.organization_id as number | undefined,
  };
}

export async function resolveAccessScope(em: EntityManager, claims: AccessTokenClaims): Promise<AccessScope> {
  const roles = new Set((claims.realm_access?.roles ?? []).filter((r) => KNOWN_ROLES.has(r)) as Role[]);
  const caller: Caller = {
    subject: claims.sub ?? '',
    username: claims.preferred_username ?? null,
    clientId: claims.azp ?? null,
  };
  const level = roles.size ? scopeLevel(roles, claims) : null;
  const node = level ? await resolveNode(em, level, claims) : null;
  return new AccessScope(caller, node ? roles : new Set(), node);
}
