import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, ObjectType } from 'type-graphql';
import { badInput, notFound } from '../../graphql/errors.js';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';
import type { AccessScope } from '../access/access-scope.js';
import { LEVEL_DEPTH, ScopeLevel } from '../access/roles.js';

/** A node of the hierarchy that figures are reported for; the same values as ScopeLevel. */
export enum UnitLevel {
  FEDERATION = 'FEDERATION',
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  ORGANIZATION = 'ORGANIZATION',
}

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  [UnitLevel.FEDERATION]: 'Российская Федерация',
  [UnitLevel.REGION]: 'субъект РФ',
  [UnitLevel.MUNICIPALITY]: 'муниципалитет',
  [UnitLevel.ORGANIZATION]: 'образовательная организация',
};

registerLabelledEnum(
  UnitLevel,
  'UnitLevel',
  'Уровень отчётной единицы: страна, субъект РФ, муниципалитет, ОО.',
  UNIT_LEVEL_LABELS,
);

export const FEDERATION_NAME = 'Российская Федерация';

@InputType({ description: 'Отчётная единица: уровень и код (для страны код не указывается).' })
export class UnitInput {
  @Field(() => UnitLevel, { description: 'Уровень.' })
  level!: UnitLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Код субъекта РФ, ОКТМО муниципалитета или код ОО; для FEDERATION не указывается.',
  })
  code?: string | null;
}

@ObjectType({
  description: 'Отчётная единица: страна, субъект РФ, муниципалитет или ОО.',
  simpleResolvers: true,
})
export class ReportingUnit {
  @Field(() => UnitLevel, { description: 'Уровень.' })
  level!: UnitLevel;

  @Field(() => String, { nullable: true, description: 'Код; у страны — null.' })
  code!: string | null;

  @Field(() => String, { description: 'Наименование.' })
  name!: string;
}

/**
 * A unit found in the directory with its id path (DESIGN.md: every tenant row carries it), so
 * queries under the unit are one indexed predicate. The federation has no ids.
 */
export interface ReportingNode extends ReportingUnit {
  /** The unit's own id; null for the federation. */
  id: number | null;
  regionId: number | null;
  municipalityId: number | null;
  organizationId: number | null;
}

const FEDERATION_NODE: ReportingNode = {
  level: UnitLevel.FEDERATION,
  code: null,
  name: FEDERATION_NAME,
  id: null,
  regionId: null,
  municipalityId: null,
  organizationId: null,
};

const LOOKUP: Record<Exclude<UnitLevel, UnitLevel.FEDERATION>, string> = {
  [UnitLevel.REGION]: `select r.id, r.code, r.name, r.id as region_id, null::int as municipality_id,
                              null::int as organization_id
                       from region r where r.code = ?`,
  [UnitLevel.MUNICIPALITY]: `select m.id, m.code, m.name, m.region_id, m.id as municipality_id,
                                    null::int as organization_id
                             from municipality m where m.code = ?`,
  [UnitLevel.ORGANIZATION]: `select o.id, o.code, o.name, o.region_id, o.municipality_id, o.id as organization_id
                             from organization o where o.code = ?`,
};

const PATH_KEY = {
  [ScopeLevel.REGION]: 'regionId',
  [ScopeLevel.MUNICIPALITY]: 'municipalityId',
  [ScopeLevel.ORGANIZATION]: 'organizationId',
} as const;

const NOT_FOUND_MESSAGE: Record<UnitLevel, (code: string) => string> = {
  [UnitLevel.FEDERATION]: () => 'Показатели по всей стране доступны только на федеральном уровне.',
  [UnitLevel.REGION]: (code) => `Субъект РФ с кодом «${code}» не найден.`,
  [UnitLevel.MUNICIPALITY]: (code) => `Муниципалитет с ОКТМО «${code}» не найден.`,
  [UnitLevel.ORGANIZATION]: (code) => `ОО с кодом «${code}» не найдена.`,
};

/**
 * Whether the caller may see figures of the unit: it must lie in the subtree of the caller's
 * scope node. Unlike directory reads, ancestors do not count — a school curator sees their own
 * school's figures, never the municipality's, which would sum up the neighbours' schools.
 */
export function unitWithinScope(scope: AccessScope, unit: ReportingNode): boolean {
  const node = scope.node;
  if (!node) return false;
  if (LEVEL_DEPTH[ScopeLevel[unit.level]] < LEVEL_DEPTH[node.level]) return false;
  if (node.level === ScopeLevel.FEDERATION) return true;
  const key = PATH_KEY[node.level];
  return unit[key] !== null && unit[key] === node[key];
}

/** The unit with its id path, or null when it does not exist or lies outside the caller's scope. */
export async function findReportingUnit(
  em: EntityManager,
  scope: AccessScope,
  input: UnitInput,
): Promise<ReportingNode | null> {
  const code = input.code?.trim() ?? '';
  if (input.level === UnitLevel.FEDERATION) {
    if (code) throw badInput('unit.code', 'для уровня FEDERATION (вся страна) код не указывается');
    return unitWithinScope(scope, FEDERATION_NODE) ? FEDERATION_NODE : null;
  }
  if (!code) throw badInput('unit.code', `укажите код: ${UNIT_LEVEL_LABELS[input.level]} выбирается по коду`);
  const [row] = await em.getConnection().execute<
    {
      id: number;
      code: string;
      name: string;
      region_id: number;
      municipality_id: number | null;
      organization_id: number | null;
    }[]
  >(LOOKUP[input.level], [code]);
  if (!row) return null;
  const unit: ReportingNode = {
    level: input.level,
    code: row.code,
    name: row.name,
    id: row.id,
    regionId: row.region_id,
    municipalityId: row.municipality_id,
    organizationId: row.organization_id,
  };
  return unitWithinScope(scope, unit) ? unit : null;
}

/** As findReportingUnit, but an unknown or foreign unit is a NOT_FOUND error with the same text. */
export async function requireReportingUnit(
  em: EntityManager,
  scope: AccessScope,
  input: UnitInput,
): Promise<ReportingNode> {
  const unit = await findReportingUnit(em, scope, input);
  if (!unit) throw notFound(NOT_FOUND_MESSAGE[input.level](input.code?.trim() ?? ''));
  return unit;
}

/**
 * The predicate that keeps rows of a table with the denormalised path (region_id,
 * municipality_id, organization_id) under the unit: one indexed equality, or none for the country.
 */
export function unitPredicate(unit: ReportingNode, alias: string): { sql: string; params: number[] } {
  switch (unit.level) {
    case UnitLevel.FEDERATION:
      return { sql: 'true', params: [] };
    case UnitLevel.REGION:
      return { sql: `${alias}.region_id = ?`, params: [unit.regionId!] };
    case UnitLevel.MUNICIPALITY:
      return { sql: `${alias}.municipality_id = ?`, params: [unit.municipalityId!] };
    case UnitLevel.ORGANIZATION:
      return { sql: `${alias}.organization_id = ?`, params: [unit.organizationId!] };
  }
}
