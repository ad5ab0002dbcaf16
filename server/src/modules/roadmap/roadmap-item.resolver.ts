import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { daysLate } from './due-wording.parser.js';
import { RoadmapItem } from './roadmap-item.entity.js';
import { todayIso } from './roadmap-progress.js';
import { RoadmapSection } from './roadmap-section.entity.js';
import {
  addRoadmapItem,
  markRoadmapItem,
  removeRoadmapItem,
  updateRoadmapItem,
  type ItemPlanChange,
} from './roadmap-workflow.service.js';
import { RoadmapItemStatus } from './roadmap.enums.js';
import { RoadmapItemMarkInput, RoadmapItemPlanInput } from './roadmap.inputs.js';

const asOfArg = { nullable: true, description: 'Дата расчёта (ГГГГ-ММ-ДД); по умолчанию сегодня.' } as const;
const OPEN = new Set([RoadmapItemStatus.PLANNED, RoadmapItemStatus.IN_PROGRESS]);

function planChange(input: RoadmapItemPlanInput): ItemPlanChange {
  return { ...input, sectionId: input.sectionId ? Number(input.sectionId) : null };
}

@Resolver(() => RoadmapItem)
export class RoadmapItemResolver {
  @Allow('roadmap.plan')
  @Mutation(() => RoadmapItem, {
    description: 'Добавляет мероприятие в конец своей дорожной карты (только черновик).',
  })
  async addRoadmapItem(
    @Arg('roadmapId', () => ID, { description: 'Дорожная карта.' }) roadmapId: string,
    @Arg('input', () => RoadmapItemPlanInput, { description: 'План мероприятия.' })
    input: RoadmapItemPlanInput,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    const id = await em.transactional((tx) =>
      addRoadmapItem(tx, scope, Number(roadmapId) || 0, planChange(input)),
    );
    return em.findOneOrFail(RoadmapItem, id);
  }

  @Allow('roadmap.plan')
  @Mutation(() => RoadmapItem, {
    description: 'Меняет план мероприятия (только черновик или возвращённая карта).',
  })
  async updateRoadmapItem(
    @Arg('id', () => ID, { description: 'Мероприятие.' }) id: string,
    @Arg('input', () => RoadmapItemPlanInput, { description: 'План мероприятия.' })
    input: RoadmapItemPlanInput,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    await em.transactional((tx) => updateRoadmapItem(tx, scope, Number(id) || 0, planChange(input)));
    return em.findOneOrFail(RoadmapItem, Number(id), { refresh: true });
  }

  @Allow('roadmap.plan')
  @Mutation(() => Boolean, { description: 'Удаляет мероприятие (только черновик или возвращённая карта).' })
  async removeRoadmapItem(
    @Arg('id', () => ID, { description: 'Мероприятие.' }) id: string,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    await em.transactional((tx) => removeRoadmapItem(tx, scope, Number(id) || 0));
    return true;
  }

  @Allow('roadmap.plan')
  @Mutation(() => RoadmapItem, {
    description: 'Ставит отметку о выполнении с подтверждением; возможно и в согласованной дорожной карте.',
  })
  async markRoadmapItem(
    @Arg('id', () => ID, { description: 'Мероприятие.' }) id: string,
    @Arg('input', () => RoadmapItemMarkInput, { description: 'Отметка.' }) input: RoadmapItemMarkInput,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    await em.transactional((tx) => markRoadmapItem(tx, scope, Number(id) || 0, input, todayIso()));
    return em.findOneOrFail(RoadmapItem, Number(id), { refresh: true });
  }

  @Allow('roadmap.read')
  @FieldResolver(() => RoadmapSection, { nullable: true, description: 'Раздел.' })
  section(@Root() item: RoadmapItem, @Ctx() { roadmaps }: GraphQLContext) {
    return item.section ? roadmaps.sectionById.load(item.section.id) : null;
  }

  @Allow('roadmap.read')
  @FieldResolver(() => Boolean, {
    description: 'Просрочено на дату: срок прошёл, а отметки о выполнении нет.',
  })
  overdue(@Root() item: RoadmapItem, @Arg('asOf', () => String, asOfArg) asOf: string | null) {
    return OPEN.has(item.status) && item.dueTo != null && item.dueTo < (asOf ?? todayIso());
  }

  @Allow('roadmap.read')
  @FieldResolver(() => Int, { description: 'На сколько дней просрочено на дату (0 — не просрочено).' })
  daysLate(@Root() item: RoadmapItem, @Arg('asOf', () => String, asOfArg) asOf: string | null) {
    if (!OPEN.has(item.status)) return 0;
    return daysLate(
      { original: item.dueWording, kind: item.dueKind, windows: item.dueWindows },
      asOf ?? todayIso(),
    );
  }

  @Allow('roadmap.read')
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Образовательная организация (для карт ОО).',
  })
  organization(@Root() item: RoadmapItem, @Ctx() { hierarchy }: GraphQLContext) {
    return item.organization ? hierarchy.organizationById.load(item.organization.id) : null;
  }
}
