import { Municipality } from '../modules/hierarchy/municipality.entity.js';
import { Organization } from '../modules/hierarchy/organization.entity.js';
import { Region } from '../modules/hierarchy/region.entity.js';

/** Every entity the ORM knows; feature modules add theirs here. */
export const entities = [Region, Municipality, Organization];
