import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import { Municipality } from './municipality.entity.js';
import { Organization } from './organization.entity.js';

@ObjectType({ description: 'Страница списка муниципалитетов.' })
export class MunicipalityConnection extends Connection(Municipality) {}

@ObjectType({ description: 'Страница списка образовательных организаций.' })
export class OrganizationConnection extends Connection(Organization) {}
