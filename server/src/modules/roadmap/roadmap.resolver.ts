import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '../../graphql/errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { plannerOwner, ROADMAP_SCOPE_COLUMNS } from './roadmap-access.js';
import { RoadmapItem } from './roadmap-item.entity.js';
import { saveRoadmapPlan } from './roadmap-plan.service.js';
import { RoadmapProgress, todayIso } from './roadmap-progress.js';
import { RoadmapSection } from './roadmap-section.entity.js';
import { planFromTemplate, ROADMAP_TEMPLATES } from './roadmap-templates.js';
import { RoadmapTemplateType } from './roadmap-template.type.js';
import { moveRoadmap } from './roadmap-workflow.service.js';
import { Roadmap } from './roadmap.entity.js';
import { CreateRoadmapFromTemplateInput } from './roadmap.inputs.js';

const asOfArg = { nullable: true, description: 'Дата расчёта (ГГГГ-ММ-ДД); по умолчанию сегодня.' } as const;

@Resolver(() => Roadmap)
export class RoadmapResolver {
  @Allow('roadmap.read')
  @Query(() => Roadmap, {
    nullable: true,
    description: 'Дорожная карта по идентификатору; null — нет или вне области доступа.',
  })
  async roadmap(
    @Arg('id', () => ID, { description: 'Идентификатор.' }) id: string,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    const scoped = scopePredicate(scope, 'r', ROADMAP_SCOPE_COLUMNS);
    const [row] = await em.execute<Record<string, unknown>[]>(
      `select r.* from roadmap r where r.id = ? and ${scoped.sql}`,
      [Number(id) || 0, ...scoped.params],
    );
    return row ? em.map(Roadmap, row as never) : null;
  }

  @Allow('roadmap.read')
  @Query(() => [RoadmapTemplateType], { description: 'Типовые дорожные карты, из которых создаётся своя.' })
  roadmapTemplates(): RoadmapTemplateType[] {
    return ROADMAP_TEMPLATES.map((template) => ({
      ...template,
      itemCount: template.sections.flatMap((s) => s.items).length,
    }));
  }

  @Allow('roadmap.plan')
  @Mutation(() => Roadmap, {
    description:
      'Создаёт дорожную карту своего узла (ОО, муниципалитета или субъекта) на учебный год из шаблона одним шагом. ' +
      'Повторный вызов для того же года ничего не меняет.',
  })
  async createRoadmapFromTemplate(
    @Arg('input', () => CreateRoadmapFromTemplateInput, { description: 'Шаблон и учебный год.' })
    input: CreateRoadmapFromTemplateInput,
    @Ctx() { em, scope }: GraphQLContext,
  ) {
    const template = ROADMAP_TEMPLATES.find((candidate) => candidate.code === input.templateCode);
    if (!template) throw badInput('templateCode', `нет шаблона «${input.templateCode}»`);
    if (!Number.isInteger(input.academicYear) || input.academicYear < 2019 || input.academicYear > 2100) {
      throw badInput('academicYear', 'год начала учебного года, например 2025');
    }
    const owner = plannerOwner(scope);
    if (template.level !== owner.level) {
      throw badInput(
        'templateCode',
        'шаблон предназначен для другого уровня (ОО, муниципалитет или субъект РФ)',
      );
    }
    const { roadmapId } = await em.transactional((tx) =>
      saveRoadmapPlan(
        tx,
        scope.caller,
        owner,
        planFromTemplate(template, input.academicYear),
        'roadmap.plan',
      ),
    );
    return em.findOneOrFail(Roadmap, roadmapId);
  }

  @Allow('roadmap.plan')
  @Mutation(() => Roadmap, {
    description: 'Отправляет свою дорожную карту на согласование (карта субъекта РФ утверждается сразу).',
  })
  submitRoadmap(
    @Arg('id', () => ID, { description: 'Дорожная карта.' }) id: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, id, 'submit', null);
  }

  @Allow('roadmap.agree')
  @Mutation(() => Roadmap, { description: 'Согласует дорожную карту уровня ниже.' })
  agreeRoadmap(
    @Arg('id', () => ID, { description: 'Дорожная карта.' }) id: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, id, 'agree', null);
  }

  @Allow('roadmap.agree')
  @Mutation(() => Roadmap, { description: 'Возвращает дорожную карту на доработку с комментарием.' })
  returnRoadmap(
    @Arg('id', () => ID, { description: 'Дорожная карта.' }) id: string,
    @Arg('comment', () => String, { description: 'Что доработать.' }) comment: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, id, 'return', comment);
  }

  @Allow('roadmap.plan')
  @Mutation(() => Roadmap, {
    description:
      'Открывает согласованную дорожную карту для изменения плана; затем её снова отправляют на согласование.',
  })
  reopenRoadmap(
    @Arg('id', () => ID, { description: 'Дорожная карта.' }) id: string,
    @Ctx() context: GraphQLContext,
  ) {
    return this.move(context, id, 'reopen', null);
  }

  private async move(
    { em, scope }: GraphQLContext,
    id: string,
    transition: Parameters<typeof moveRoadmap>[3],
    comment: string | null,
  ) {
    await em.transactional((tx) => moveRoadmap(tx, scope, Number(id) || 0, transition, comment));
    const roadmap = await em.findOne(Roadmap, Number(id), { refresh: true });
    if (!roadmap) throw notFound('Дорожная карта не найдена.');
    return roadmap;
  }

  @Allow('roadmap.read')
  @FieldResolver(() => [RoadmapSection], { description: 'Разделы.' })
  sections(@Root() roadmap: Roadmap, @Ctx() { roadmaps }: GraphQLContext) {
    return roadmaps.sectionsByRoadmap.load(roadmap.id);
  }

  @Allow('roadmap.read')
  @FieldResolver(() => [RoadmapItem], { description: 'Мероприятия по порядку.' })
  items(@Root() roadmap: Roadmap, @Ctx() { roadmaps }: GraphQLContext) {
    return roadmaps.itemsByRoadmap.load(roadmap.id);
  }

  @Allow('roadmap.read')
  @FieldResolver(() => RoadmapProgress, { description: 'Выполнение на дату.' })
  progress(
    @Root() roadmap: Roadmap,
    @Arg('asOf', () => String, asOfArg) asOf: string | null,
    @Ctx() { roadmaps }: GraphQLContext,
  ) {
    return roadmaps.progress(asOf ?? todayIso()).load(roadmap.id);
  }

  @Allow('roadmap.read')
  @FieldResolver(() => Region, { description: 'Субъект РФ владельца.' })
  region(@Root() roadmap: Roadmap, @Ctx() { hierarchy }: GraphQLContext) {
    return hierarchy.regionById.load(roadmap.region.id);
  }

  @Allow('roadmap.read')
  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'Муниципалитет владельца (для карт ОО и муниципалитетов).',
  })
  municipality(@Root() roadmap: Roadmap, @Ctx() { hierarchy }: GraphQLContext) {
    return roadmap.municipality ? hierarchy.municipalityById.load(roadmap.municipality.id) : null;
  }

  @Allow('roadmap.read')
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Образовательная организация (для карт ОО).',
  })
  organization(@Root() roadmap: Roadmap, @Ctx() { hierarchy }: GraphQLContext) {
    return roadmap.organization ? hierarchy.organizationById.load(roadmap.organization.id) : null;
  }
}
