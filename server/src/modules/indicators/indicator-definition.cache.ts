import type { EntityManager } from '@mikro-orm/postgresql';
import type { IndicatorDefinition, IndicatorTarget } from './indicator-definition.types.js';
import type { TargetEntry } from './indicator-rollup.math.js';

/** A definition with the region ids of its owner and targets, as the rollup needs them. */
export interface LoadedDefinition extends IndicatorDefinition {
  regionId: number | null;
  targets: (IndicatorTarget & TargetEntry)[];
}

/** Every definition and target of the database at one revision. */
export interface DefinitionsSnapshot {
  /** indicator_definition_revision.revision (bigint, as text). */
  revision: string;
  definitions: LoadedDefinition[];
}

/**
 * Which definitions and targets a unit sees. `regionId`: the region's own definitions and
 * targets beside the common ones (null: common only); `everyRegionTarget`: every region's
 * targets, for a national table whose rows are regions.
 */
export interface DefinitionSelection {
  regionId: number | null;
  everyRegionTarget?: boolean;
}

/** The current revision, for a statement that reads figures to check its definitions against. */
export const DEFINITION_REVISION_SQL = '(select revision from indicator_definition_revision)';

/** All definitions with their targets and the revision they belong to: one statement. */
export async function loadDefinitionsSnapshot(em: EntityManager): Promise<DefinitionsSnapshot> {
  const [row] = await em.execute<DefinitionsSnapshot[]>(
    `select ${DEFINITION_REVISION_SQL} as revision, (
       select coalesce(json_agg(json_build_object(
                'code', d.code, 'name', d.name, 'description', d.description, 'unit', d.unit,
                'numerator', d.numerator, 'denominator', d.denominator, 'scale', d.scale,
                'isDefault', d.is_default, 'regionId', d.region_id, 'regionCode', dr.code,
                'targets', coalesce(dt.targets, '[]'::json))
              order by d.is_default desc, d.region_id, d.position), '[]'::json)
       from indicator_definition d
       left join region dr on dr.id = d.region_id
       left join lateral (
         select json_agg(json_build_object('academicYear', t.academic_year, 'regionId', t.region_id,
                                           'regionCode', tr.code, 'value', t.value)
                         order by t.region_id nulls first, t.academic_year) as targets
         from indicator_target t left join region tr on tr.id = t.region_id
         where t.definition_id = d.id
       ) dt on true
     ) as definitions`,
  );
  return row!;
}

/**
 * Snapshots per database connection: a process serves one database, tests several. Readers
 * compare the revision their own statement returned, so a snapshot is never trusted stale.
 */
const snapshots = new WeakMap<object, DefinitionsSnapshot>();

export function cachedDefinitions(em: EntityManager): DefinitionsSnapshot | undefined {
  return snapshots.get(em.getConnection());
}

export async function refreshDefinitions(em: EntityManager): Promise<DefinitionsSnapshot> {
  const snapshot = await loadDefinitionsSnapshot(em);
  snapshots.set(em.getConnection(), snapshot);
  return snapshot;
}

/** The definitions a unit sees, each with the targets that concern it. */
export function definitionsFor(
  snapshot: DefinitionsSnapshot,
  selection: DefinitionSelection,
): LoadedDefinition[] {
  const { regionId } = selection;
  return snapshot.definitions
    .filter((definition) => definition.regionId === null || definition.regionId === regionId)
    .map((definition) => ({
      ...definition,
      targets: selection.everyRegionTarget
        ? definition.targets
        : definition.targets.filter((target) => target.regionId === null || target.regionId === regionId),
    }));
}
