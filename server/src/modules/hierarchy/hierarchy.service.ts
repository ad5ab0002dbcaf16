import type { ListedTable } from '../access/scoped-lists.js';
import { Municipality } from './municipality.entity.js';
import { Organization } from './organization.entity.js';
import { Region } from './region.entity.js';

export const REGIONS: ListedTable<Region> = {
  entity: Region,
  table: 'region',
  scopeColumns: { region: 'id' },
};

export const MUNICIPALITIES: ListedTable<Municipality> = {
  entity: Municipality,
  table: 'municipality',
  scopeColumns: { region: 'region_id', municipality: 'id' },
};

export const ORGANIZATIONS: ListedTable<Organization> = {
  entity: Organization,
  table: 'organization',
  scopeColumns: { region: 'region_id', municipality: 'municipality_id', organization: 'id' },
};
