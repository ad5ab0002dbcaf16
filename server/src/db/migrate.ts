import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config.js';

/** Connects and brings the schema up to date; returns the ready ORM. */
export async function initOrm(url: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
  return orm;
}
