import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { Caller } from '../access/access-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Region } from '../hierarchy/region.entity.js';
import {
  definitionsFor,
  refreshDefinitions,
  type DefinitionSelection,
  type LoadedDefinition,
} from './indicator-definition.cache.js';
import { IndicatorUnit, type IndicatorDefinitionInput } from './indicator-definition.types.js';
import { MEASURE_NAMES } from './summary-measures.js';

/** The common definitions, and the region's own when a region is given, each with its targets. */
export async function loadDefinitions(
  em: EntityManager,
  selection: DefinitionSelection,
): Promise<LoadedDefinition[]> {
  return definitionsFor(await refreshDefinitions(em), selection);
}

const CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
const KNOWN_MEASURES = new Set(MEASURE_NAMES);

/** The input checked and normalised, or a BAD_USER_INPUT naming the field and why. */
function definitionValues(input: IndicatorDefinitionInput) {
  const code = input.code.trim();
  if (!CODE_PATTERN.test(code))
    throw badInput(
      'code',
      `код — заглавные латинские буквы, цифры и «_», начинается с буквы, до 64 символов; передано «${code}»`,
    );
  const name = input.name.trim();
  if (!name) throw badInput('name', 'укажите наименование показателя');
  if (name.length > 300) throw badInput('name', `не длиннее 300 символов, сейчас ${name.length}`);
  const description = input.description?.trim() || null;
  if (description && description.length > 2000)
    throw badInput('description', `не длиннее 2000 символов, сейчас ${description.length}`);
  for (const field of ['numerator', 'denominator'] as const) {
    const measure = input[field].trim();
    if (!KNOWN_MEASURES.has(measure))
      throw badInput(
        field,
        `показателя сводки «${measure}» нет; числитель и знаменатель — имена из списка indicatorMeasures ` +
          '(например, mentees_pupils_10_18 и pupils_10_18)',
      );
  }
  const scale = input.scale ?? (input.unit === IndicatorUnit.PERCENT ? 100 : 1);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1_000_000)
    throw badInput('scale', `множитель больше 0 и не больше 1 000 000, передано ${scale}`);
  return {
    code,
    name,
    description,
    unit: input.unit,
    numerator: input.numerator.trim(),
    denominator: input.denominator.trim(),
    scale,
  };
}

const DEFAULTS_ARE_SHIPPED =
  'общие показатели поставляются с системой и субъектом РФ не изменяются; задайте своё целевое значение ' +
  '(setIndicatorTarget) или добавьте свой показатель с другим кодом';

/** Whether a code names a common definition; regions may neither reuse nor change those. */
async function isDefaultCode(em: EntityManager, code: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from indicator_definition where code = ? and region_id is null`, [
    code,
  ]);
  return rows.length > 0;
}

function auditDefinition(
  em: EntityManager,
  caller: Caller,
  region: Region,
  action: 'CREATE' | 'UPDATE' | 'DELETE',
  code: string,
  before: unknown,
  after: unknown,
) {
  return recordAudit(em.getTransactionContext() ?? em.getKnex(), caller, [
    {
      operation: 'indicator.define',
      action,
      entity: 'indicator_definition',
      entityCode: `${region.code}:${code}`,
      before,
      after,
      regionId: region.id,
    },
  ]);
}

/** Adds the region's own definition; its code may not be a common one or repeat its own. */
export async function createIndicatorDefinition(
  em: EntityManager,
  caller: Caller,
  region: Region,
  input: IndicatorDefinitionInput,
): Promise<void> {
  const values = definitionValues(input);
  if (await isDefaultCode(em, values.code))
    throw badInput('code', `«${values.code}» — код общего показателя; выберите другой код`);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into indicator_definition (code, region_id, name, description, unit, numerator, denominator, scale)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (region_id, code) where region_id is not null do nothing
     returning id`,
    [
      values.code,
      region.id,
      values.name,
      values.description,
      values.unit,
      values.numerator,
      values.denominator,
      values.scale,
    ],
  );
  if (!created) throw badInput('code', `показатель с кодом «${values.code}» у субъекта РФ уже есть`);
  await auditDefinition(em, caller, region, 'CREATE', values.code, null, values);
}

type DefinitionRow = Omit<ReturnType<typeof definitionValues>, 'code'>;

/** The region's own definition, locked for the transaction; a common code is refused, an unknown one not found. */
async function lockOwnDefinition(em: EntityManager, region: Region, code: string) {
  const [row] = await em.execute<(DefinitionRow & { id: number })[]>(
    `select id, name, description, unit, numerator, denominator, scale
     from indicator_definition where region_id = ? and code = ? for update`,
    [region.id, code.trim()],
  );
  if (row) return row;
  if (await isDefaultCode(em, code.trim()))
    throw refused(`Показатель «${code.trim()}»: ${DEFAULTS_ARE_SHIPPED}.`);
  throw notFound(`Показатель «${code.trim()}» субъекта РФ не найден.`);
}

/** Changes the region's own definition (its code stays). */
export async function updateIndicatorDefinition(
  em: EntityManager,
  caller: Caller,
  region: Region,
  input: IndicatorDefinitionInput,
): Promise<void> {
  const values = definitionValues(input);
  const { id, ...before } = await lockOwnDefinition(em, region, values.code);
  await em.execute(
    `update indicator_definition
     set name = ?, description = ?, unit = ?, numerator = ?, denominator = ?, scale = ?, updated_at = now()
     where id = ?`,
    [values.name, values.description, values.unit, values.numerator, values.denominator, values.scale, id],
  );
  const { code, ...after } = values;
  await auditDefinition(em, caller, region, 'UPDATE', code, before, after);
}

/** Removes the region's own definition with its targets. */
export async function deleteIndicatorDefinition(
  em: EntityManager,
  caller: Caller,
  region: Region,
  code: string,
): Promise<void> {
  const { id, ...before } = await lockOwnDefinition(em, region, code);
  await em.execute(`delete from indicator_definition where id = ?`, [id]);
  await auditDefinition(em, caller, region, 'DELETE', code.trim(), before, null);
}
