import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Connection } from '../../graphql/pagination.js';
import { Allow } from '../access/policy.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { MentoringGroup, MentoringGroupMember } from './mentoring-group.entity.js';
import { MentoringGroupInput, MentoringGroupListArgs } from './mentoring-group.inputs.js';
import {
  activateGroup,
  addGroupMembers,
  completeGroup,
  createMentoringGroup,
  moveGroupStage,
  removeGroupMember,
  terminateGroup,
} from './mentoring-group.service.js';
import { MentoringProgram } from './mentoring-program.entity.js';
import { MentoringStage } from './mentoring-stage.js';
import { PARTICIPANT_SCOPE_COLUMNS } from './participant.loaders.js';

@ObjectType({ description: 'Страница наставнических пар и групп.' })
export class MentoringGroupConnection extends Connection(MentoringGroup) {}

const GROUP_ID = { description: 'Пара или группа.' };

@Resolver(() => MentoringGroup)
export class MentoringGroupResolver {
  @Allow('mentoring.read')
  @Query(() => MentoringGroup, {
    nullable: true,
    description:
      'Наставническая пара или группа своей ОО по идентификатору (карточка группы); ' +
      'null — такой нет или она вне области доступа.',
  })
  mentoringGroup(
    @Arg('id', () => ID, { description: 'Идентификатор пары или группы.' }) id: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.find(context, Number(id) || 0);
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, {
    description:
      'Создаёт наставническую пару или группу своей ОО (состояние «формируется», этап «формирование пар и групп»). ' +
      'Проверяются правила формы, согласия на обработку персональных данных и нагрузка наставников.',
  })
  async createMentoringGroup(
    @Arg('input', () => MentoringGroupInput, { description: 'Форма, программа и состав.' })
    input: MentoringGroupInput,
    @Ctx() context: GraphQLContext,
  ) {
    const id = await context.em.transactional((tx) =>
      createMentoringGroup(tx, context.scope, input, todayIso()),
    );
    return this.reload(context, id);
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, {
    description:
      'Добавляет наставников и наставляемых в пару или группу с теми же проверками, что при создании.',
  })
  async addGroupMembers(
    @Arg('id', () => ID, GROUP_ID) id: string,
    @Arg('mentorIds', () => [ID], { defaultValue: [], description: 'Новые наставники.' }) mentorIds: string[],
    @Arg('menteeIds', () => [ID], { defaultValue: [], description: 'Новые наставляемые.' })
    menteeIds: string[],
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      addGroupMembers(tx, context.scope, Number(id) || 0, mentorIds, menteeIds),
    );
    return this.reload(context, Number(id));
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, {
    description: 'Исключает участника из пары или группы; наставник и наставляемый должны остаться.',
  })
  async removeGroupMember(
    @Arg('id', () => ID, GROUP_ID) id: string,
    @Arg('participantId', () => ID, { description: 'Исключаемый участник.' }) participantId: string,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      removeGroupMember(tx, context.scope, Number(id) || 0, Number(participantId) || 0),
    );
    return this.reload(context, Number(id));
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, {
    description:
      'Переводит пару или группу на следующий этап программы (или оставляет на текущем); пропускать и возвращать этапы нельзя.',
  })
  async moveGroupStage(
    @Arg('id', () => ID, GROUP_ID) id: string,
    @Arg('stage', () => MentoringStage, { description: 'Новый этап.' }) stage: MentoringStage,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) => moveGroupStage(tx, context.scope, Number(id) || 0, stage));
    return this.reload(context, Number(id));
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, {
    description:
      'Начинает работу пары или группы по приказу о закреплении: номер и дату приказа передают здесь или при создании.',
  })
  async activateGroup(
    @Arg('id', () => ID, GROUP_ID) id: string,
    @Arg('orderNumber', () => String, { nullable: true, description: 'Номер приказа о закреплении.' })
    orderNumber: string | null,
    @Arg('orderDate', () => String, {
      nullable: true,
      description: 'Дата приказа о закреплении (ГГГГ-ММ-ДД).',
    })
    orderDate: string | null,
    @Arg('startedOn', () => String, {
      nullable: true,
      description: 'Дата начала работы (ГГГГ-ММ-ДД); по умолчанию — дата приказа.',
    })
    startedOn: string | null,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      activateGroup(tx, context.scope, Number(id) || 0, { orderNumber, orderDate, startedOn }, todayIso()),
    );
    return this.reload(context, Number(id));
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, { description: 'Завершает работающую пару или группу.' })
  async completeGroup(
    @Arg('id', () => ID, GROUP_ID) id: string,
    @Arg('endedOn', () => String, { description: 'Дата завершения (ГГГГ-ММ-ДД).' }) endedOn: string,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      completeGroup(tx, context.scope, Number(id) || 0, endedOn, todayIso()),
    );
    return this.reload(context, Number(id));
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringGroup, {
    description: 'Досрочно прекращает формирующуюся или работающую пару или группу с указанием причины.',
  })
  async terminateGroup(
    @Arg('id', () => ID, GROUP_ID) id: string,
    @Arg('endedOn', () => String, { description: 'Дата прекращения (ГГГГ-ММ-ДД).' }) endedOn: string,
    @Arg('reason', () => String, { description: 'Причина прекращения (в журнал аудита не попадает).' })
    reason: string,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) =>
      terminateGroup(tx, context.scope, Number(id) || 0, endedOn, reason, todayIso()),
    );
    return this.reload(context, Number(id));
  }

  private async reload(context: GraphQLContext, id: number) {
    const group = await this.find(context, id);
    if (!group) throw notFound('Наставническая пара или группа не найдена.');
    return group;
  }

  /** A group within the caller's scope; null for one that does not exist or is not theirs alike. */
  private async find({ em, scope }: GraphQLContext, id: number) {
    const scoped = scopePredicate(scope, 'g', PARTICIPANT_SCOPE_COLUMNS);
    const [row] = await em.execute<Record<string, unknown>[]>(
      `select g.*, g.order_date::text as order_date, g.started_on::text as started_on, g.ended_on::text as ended_on
       from mentoring_group g where g.id = ? and ${scoped.sql}`,
      [id, ...scoped.params],
    );
    return row ? em.map(MentoringGroup, row as never) : null;
  }

  @Allow('mentoring.read')
  @FieldResolver(() => MentoringProgram, {
    nullable: true,
    description: 'Программа наставничества; null — вне программы.',
  })
  program(@Root() group: MentoringGroup, @Ctx() { mentoring }: GraphQLContext) {
    return group.programId ? mentoring.program.load(group.programId) : null;
  }

  @Allow('mentoring.read')
  @FieldResolver(() => [MentoringGroupMember], {
    description: 'Наставники, затем наставляемые (по порядку добавления в базу).',
  })
  members(@Root() group: MentoringGroup, @Ctx() { mentoring }: GraphQLContext) {
    return mentoring.members.load(group.id);
  }
}

@Resolver(() => Organization)
export class OrganizationMentoringResolver {
  @Allow('mentoring.read')
  @FieldResolver(() => [MentoringProgram], {
    description: 'Программы наставничества ОО (по порядку создания).',
  })
  mentoringPrograms(@Root() organization: Organization, @Ctx() { mentoring }: GraphQLContext) {
    return mentoring.programs.load(organization.id);
  }

  @Allow('mentoring.read')
  @FieldResolver(() => MentoringGroupConnection, {
    description: 'Наставнические пары и группы ОО (по порядку создания).',
  })
  mentoringGroups(
    @Root() organization: Organization,
    @Args(() => MentoringGroupListArgs) args: MentoringGroupListArgs,
    @Ctx() { mentoring }: GraphQLContext,
  ) {
    return mentoring.page(organization.id, args);
  }
}
