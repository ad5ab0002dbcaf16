import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListedTable } from '../../graphql/paged-query.js';
import { Municipality } from './municipality.entity.js';
import { Organization } from './organization.entity.js';
import { Region } from './region.entity.js';

export const REGIONS: ListedTable<Region> = { entity: Region, table: 'region' };
export const MUNICIPALITIES: ListedTable<Municipality> = { entity: Municipality, table: 'municipality' };
export const ORGANIZATIONS: ListedTable<Organization> = { entity: Organization, table: 'organization' };

export function findRegionByCode(em: EntityManager, code: string): Promise<Region | null> {
  return em.findOne(Region, { code: code.trim() });
}

export function findMunicipalityByCode(em: EntityManager, code: string): Promise<Municipality | null> {
  return em.findOne(Municipality, { code: code.trim() });
}

export function findOrganizationByCode(em: EntityManager, code: string): Promise<Organization | null> {
  return em.findOne(Organization, { code: code.trim() });
}
