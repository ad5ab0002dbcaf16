import { registerEnumType } from 'type-graphql';

/** Keycloak realm roles (infra/keycloak/realm.json) and the hierarchy level each one works at. */
export enum Role {
  FEDERAL_ANALYST = 'federal-analyst',
  REGIONAL_ANALYST = 'regional-analyst',
  REGIONAL_ADMIN = 'regional-admin',
  MUNICIPAL_COORDINATOR = 'municipal-coordinator',
  SCHOOL_CURATOR = 'school-curator',
  API_CLIENT = 'api-client',
}

export enum ScopeLevel {
  FEDERATION = 'FEDERATION',
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  ORGANIZATION = 'ORGANIZATION',
}

/** Deeper levels see less; the order decides which of a user's roles binds the scope. */
export const LEVEL_DEPTH: Record<ScopeLevel, number> = {
  [ScopeLevel.FEDERATION]: 0,
  [ScopeLevel.REGION]: 1,
  [ScopeLevel.MUNICIPALITY]: 2,
  [ScopeLevel.ORGANIZATION]: 3,
};

/** `null`: the level comes from the token's scope attributes (service accounts). */
export const ROLE_LEVEL: Record<Role, ScopeLevel | null> = {
  [Role.FEDERAL_ANALYST]: ScopeLevel.FEDERATION,
  [Role.REGIONAL_ANALYST]: ScopeLevel.REGION,
  [Role.REGIONAL_ADMIN]: ScopeLevel.REGION,
  [Role.MUNICIPAL_COORDINATOR]: ScopeLevel.MUNICIPALITY,
  [Role.SCHOOL_CURATOR]: ScopeLevel.ORGANIZATION,
  [Role.API_CLIENT]: null,
};

registerEnumType(Role, {
  name: 'Role',
  description: 'Роль пользователя или внешней системы (роль области Keycloak).',
  valuesConfig: {
    FEDERAL_ANALYST: { description: 'Аналитик федерального уровня.' },
    REGIONAL_ANALYST: { description: 'Аналитик субъекта РФ.' },
    REGIONAL_ADMIN: { description: 'Администратор субъекта РФ.' },
    MUNICIPAL_COORDINATOR: { description: 'Куратор муниципалитета.' },
    SCHOOL_CURATOR: { description: 'Куратор образовательной организации.' },
    API_CLIENT: { description: 'Внешняя система (сервисная учётная запись).' },
  },
});

registerEnumType(ScopeLevel, {
  name: 'ScopeLevel',
  description: 'Уровень иерархии, к которому привязан доступ.',
  valuesConfig: {
    FEDERATION: { description: 'Российская Федерация (все субъекты).' },
    REGION: { description: 'Субъект РФ.' },
    MUNICIPALITY: { description: 'Муниципалитет.' },
    ORGANIZATION: { description: 'Образовательная организация.' },
  },
});
