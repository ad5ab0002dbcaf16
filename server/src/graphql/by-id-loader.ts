import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Batches "load entity by id" for all parents of a list into one `where id in (…)`. */
export function byIdLoader<T extends { id: number }>(em: EntityManager, entity: EntityClass<T>) {
  return new DataLoader<number, T>(async (ids) => {
    const found = await em.find(entity, { id: { $in: [...ids] } } as never);
    const byId = new Map(found.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? new Error(`${entity.name} ${id} не найден`));
  });
}
