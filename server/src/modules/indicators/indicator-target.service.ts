import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../graphql/errors.js';
import type { Caller } from '../access/access-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Region } from '../hierarchy/region.entity.js';
import { IndicatorUnit, type IndicatorTargetInput } from './indicator-definition.types.js';

/**
 * Sets (or, with a null value, removes) the region's own target of a common or own indicator for
 * an academic year. It holds from that year on and replaces the common target for the region.
 */
export async function setIndicatorTarget(
  em: EntityManager,
  caller: Caller,
  region: Region,
  input: IndicatorTargetInput,
): Promise<void> {
  const code = input.code.trim();
  if (!Number.isInteger(input.academicYear) || input.academicYear < 2000 || input.academicYear > 2100)
    throw badInput('academicYear', `учебный год по году начала (2000–2100), передано ${input.academicYear}`);
  // Codes of common and regional definitions never coincide (indicator-definition.service.ts).
  const [definition] = await em.execute<{ id: number; unit: IndicatorUnit }[]>(
    `select id, unit from indicator_definition where code = ? and (region_id is null or region_id = ?)`,
    [code, region.id],
  );
  if (!definition) throw notFound(`Показатель «${code}» не найден.`);
  const value = input.value ?? null;
  if (value !== null) {
    if (!Number.isFinite(value) || value < 0)
      throw badInput('value', `целевое значение — неотрицательное число, передано ${value}`);
    if (definition.unit === IndicatorUnit.PERCENT && value > 100)
      throw badInput('value', `доля не больше 100 %, передано ${value}`);
  }

  const [current] = await em.execute<{ value: number }[]>(
    `select value from indicator_target where definition_id = ? and region_id = ? and academic_year = ? for update`,
    [definition.id, region.id, input.academicYear],
  );
  if (value === null && !current) return;
  if (value === null) {
    await em.execute(
      `delete from indicator_target where definition_id = ? and region_id = ? and academic_year = ?`,
      [definition.id, region.id, input.academicYear],
    );
  } else {
    await em.execute(
      `insert into indicator_target (definition_id, region_id, academic_year, value) values (?, ?, ?, ?)
       on conflict (definition_id, region_id, academic_year) where region_id is not null
       do update set value = excluded.value, updated_at = now()`,
      [definition.id, region.id, input.academicYear, value],
    );
  }
  await recordAudit(em.getTransactionContext() ?? em.getKnex(), caller, [
    {
      operation: 'indicator.define',
      action: !current ? 'CREATE' : value === null ? 'DELETE' : 'UPDATE',
      entity: 'indicator_target',
      entityCode: `${region.code}:${code}:${input.academicYear}`,
      before: current ? { value: current.value } : null,
      after: value === null ? null : { value },
      regionId: region.id,
    },
  ]);
}
