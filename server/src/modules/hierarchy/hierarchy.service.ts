import type { ListedTable } from '../access/scoped-lists.js';
import { Municipality } from './municipality.entity.js';
import { Organization } from './organization.entity.js';
import { Region } from './region.entity.js';

export const REGIONS: ListedTable<Region> = {
  entity: Region,
  table: 'region',
  scopeColumns: { region: 'id' },
  searchColumns: ['name', 'code'],
};

export const MUNICIPALITIES: ListedTable<Municipality> = {
  entity: Municipality,
  table: 'municipality',
  scopeColumns: { region: 'region_id', municipality: 'id' },
  searchColumns: ['name', 'code'],
};

export const ORGANIZATIONS: ListedTable<Organization> = {
  entity: Organization,
  table: 'organization',
  scopeColumns: { region: 'region_id', municipality: 'municipality_id', organization: 'id' },
  // People search schools by the short name they use («МОАУ СОШ № 1») or by ИНН as often as by the full name.
  searchColumns: ['name', 'short_name', 'code', 'inn'],
};
