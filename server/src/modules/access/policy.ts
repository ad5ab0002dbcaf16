import { Authorized } from 'type-graphql';
import { Role } from './roles.js';

const EVERY_ROLE = Object.values(Role);

/**
 * The one policy table: which roles may perform each operation. *Where* they may perform it is
 * their scope node (access-scope.ts), applied in the data layer; this table never repeats it.
 * Every query, mutation and field resolver names its operation with `@Allow`, and the
 * authorization matrix test fails for a resolver without one or an operation without a row here.
 */
export const POLICY = {
  'me.read': { description: 'Сведения о себе: роли, узел иерархии, права', roles: EVERY_ROLE },
  'hierarchy.read': { description: 'Справочник: субъекты РФ, муниципалитеты, ОО', roles: EVERY_ROLE },
  'directory.import': { description: 'Загрузка справочника из CSV/XLSX', roles: [Role.REGIONAL_ADMIN] },
  'audit.read': { description: 'Журнал аудита в пределах своей области', roles: [Role.REGIONAL_ADMIN] },
  'roadmap.read': { description: 'Дорожные карты и их выполнение', roles: EVERY_ROLE },
  'roadmap.plan': {
    description: 'Ведение своей дорожной карты: план, импорт, отметки о выполнении, отправка на согласование',
    roles: [Role.SCHOOL_CURATOR, Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_ADMIN],
  },
  'roadmap.agree': {
    description: 'Согласование дорожных карт уровнем ниже',
    roles: [Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_ADMIN],
  },
  'roadmap.track': {
    description: 'Мониторинг выполнения дорожных карт: сводки, просроченные мероприятия',
    roles: [
      Role.FEDERAL_ANALYST,
      Role.REGIONAL_ANALYST,
      Role.REGIONAL_ADMIN,
      Role.MUNICIPAL_COORDINATOR,
      Role.API_CLIENT,
    ],
  },
  // Rows carry sensitive flags (ОВЗ, сирота, малоимущая семья) even without names: above the
  // school everyone sees counts only.
  'participant.read': {
    description: 'База наставников и наставляемых своей ОО (строки без персональных данных)',
    roles: [Role.SCHOOL_CURATOR],
  },
  'participant.personal.read': {
    description: 'Персональные данные участников своей ОО (каждое чтение записывается в журнал аудита)',
    roles: [Role.SCHOOL_CURATOR],
  },
  'participant.write': {
    description: 'Ведение базы наставников и наставляемых своей ОО: участники, согласия, их отзыв',
    roles: [Role.SCHOOL_CURATOR],
  },
  'mentoring.read': {
    description: 'Программы наставничества, наставнические пары и группы своей ОО',
    roles: [Role.SCHOOL_CURATOR],
  },
  'mentoring.write': {
    description:
      'Ведение программ, наставнических пар и групп своей ОО: состав, приказ о закреплении, этап, завершение',
    roles: [Role.SCHOOL_CURATOR],
  },
  'participant.count': {
    description: 'Сводные числа участников программы наставничества',
    roles: EVERY_ROLE,
  },
  // Contingent figures are counts a school reports, not personal data: every level reads its subtree.
  'contingent.read': {
    description: 'Контингент ОО (знаменатели целевых показателей) и его суммы в пределах своей области',
    roles: EVERY_ROLE,
  },
  'contingent.write': {
    description: 'Контингент своей ОО (куратор ОО) или любой ОО своего субъекта РФ (администратор субъекта)',
    roles: [Role.SCHOOL_CURATOR, Role.REGIONAL_ADMIN],
  },
  'contingent.import': {
    description: 'Загрузка контингента ОО своего субъекта РФ из CSV/XLSX',
    roles: [Role.REGIONAL_ADMIN],
  },
  'indicator.read': {
    description: 'Целевые показатели и их определения в пределах своей области (только сводные числа)',
    roles: EVERY_ROLE,
  },
  // Common definitions ship with the system; a region adds its own and sets its own targets.
  'indicator.define': {
    description: 'Собственные показатели и целевые значения своего субъекта РФ',
    roles: [Role.REGIONAL_ADMIN],
  },
  // Statistical forms carry counts only; a school sees its own report, the levels above their sums.
  'report.read': {
    description: 'Формы статистического наблюдения, отчёты и их сдача в пределах своей области',
    roles: EVERY_ROLE,
  },
  'report.submit': {
    description: 'Отчёт своей ОО: исправления ячеек с причиной, отправка в муниципалитет',
    roles: [Role.SCHOOL_CURATOR],
  },
  'report.accept': {
    description: 'Приём отчётов ОО своего муниципалитета или возврат на доработку с комментарием',
    roles: [Role.MUNICIPAL_COORDINATOR],
  },
  'report.approve': {
    description: 'Утверждение отчётов ОО своего субъекта РФ с блокировкой учебного года и снятие блокировки',
    roles: [Role.REGIONAL_ADMIN],
  },
  // Partners are organisations, not people: their names and agreements are read within scope by
  // every level; the mentors linked to them are only counted.
  'partner.read': {
    description:
      'Организации-партнёры ОО и соглашения о сотрудничестве в пределах своей области (наставники партнёра — только число)',
    roles: EVERY_ROLE,
  },
  'partner.write': {
    description:
      'Ведение организаций-партнёров и соглашений своей ОО, привязка наставников — представителей работодателя',
    roles: [Role.SCHOOL_CURATOR],
  },
  // Who reads a case is decided by its publication level in SQL (practice-visibility.ts).
  'practice.read': {
    description:
      'Лучшие практики: своей ОО; уровня муниципалитета — в муниципалитете и выше; уровня субъекта РФ — в субъекте РФ и выше',
    roles: EVERY_ROLE,
  },
  'practice.write': {
    description: 'Лучшие практики своей ОО: описание, удаление, предложение муниципалитету опубликовать',
    roles: [Role.SCHOOL_CURATOR],
  },
  'practice.publish': {
    description:
      'Уровень публикации практик: муниципалитета — куратор муниципалитета, субъекта РФ — администратор субъекта РФ',
    roles: [Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_ADMIN],
  },
  // The one place names leave a school, exactly as each mentor agreed. Service accounts are left
  // out: a mentor agrees to a municipal registry, not to every system connected to the API.
  'registry.read': {
    description:
      'Муниципальный реестр наставников своего муниципалитета (или муниципалитетов своей области): только сведения, на публикацию которых наставник дал согласие',
    roles: [
      Role.FEDERAL_ANALYST,
      Role.REGIONAL_ANALYST,
      Role.REGIONAL_ADMIN,
      Role.MUNICIPAL_COORDINATOR,
      Role.SCHOOL_CURATOR,
    ],
  },
  'registry.publish': {
    description: 'Согласия наставников своей ОО на публикацию в муниципальном реестре и их отзыв',
    roles: [Role.SCHOOL_CURATOR],
  },
} as const satisfies Record<string, { description: string; roles: readonly Role[] }>;

export type Operation = keyof typeof POLICY;

export const OPERATIONS = Object.keys(POLICY) as Operation[];

/** Marks a resolver with the operation it performs; checked against POLICY by the auth checker. */
export function Allow(operation: Operation): MethodDecorator & PropertyDecorator {
  return Authorized(operation);
}
