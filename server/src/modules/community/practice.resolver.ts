import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Allow } from '../access/policy.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import {
  createPractice,
  deletePractice,
  proposePractice,
  setPracticeLevel,
  updatePractice,
} from './practice.service.js';
import {
  MentoringPractice,
  MentoringPracticeConnection,
  PracticeInput,
  PracticeLevel,
  PracticeListArgs,
} from './practice.type.js';

const PRACTICE_ID = { description: 'Практика.' };

@Resolver(() => MentoringPractice)
export class PracticeResolver {
  @Allow('practice.write')
  @Mutation(() => MentoringPractice, {
    description:
      'Добавляет лучшую практику (кейс) своей ОО; она видна только куратору ОО, пока её не опубликуют выше.',
  })
  async createPractice(
    @Arg('input', () => PracticeInput, { description: 'Практика.' }) input: PracticeInput,
    @Ctx() context: GraphQLContext,
  ) {
    const id = await context.em.transactional((tx) => createPractice(tx, context.scope, input));
    return this.reload(context, id);
  }

  @Allow('practice.write')
  @Mutation(() => MentoringPractice, {
    description: 'Заменяет описание практики своей ОО; уровень публикации не меняется.',
  })
  async updatePractice(
    @Arg('id', () => ID, PRACTICE_ID) id: string,
    @Arg('input', () => PracticeInput, { description: 'Все сведения заново.' }) input: PracticeInput,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) => updatePractice(tx, context.scope, Number(id) || 0, input));
    return this.reload(context, Number(id));
  }

  @Allow('practice.write')
  @Mutation(() => Boolean, { description: 'Удаляет практику своей ОО на любом уровне публикации.' })
  async deletePractice(@Arg('id', () => ID, PRACTICE_ID) id: string, @Ctx() { em, scope }: GraphQLContext) {
    await em.transactional((tx) => deletePractice(tx, scope, Number(id) || 0));
    return true;
  }

  @Allow('practice.write')
  @Mutation(() => MentoringPractice, {
    description:
      'Предлагает муниципалитету опубликовать практику своей ОО (или отзывает предложение): ' +
      'предложенную практику видит куратор муниципалитета и решает, публиковать ли её.',
  })
  async proposePractice(
    @Arg('id', () => ID, PRACTICE_ID) id: string,
    @Arg('proposed', () => Boolean, { description: 'true — предложить, false — отозвать предложение.' })
    proposed: boolean,
    @Ctx() context: GraphQLContext,
  ) {
    await context.em.transactional((tx) => proposePractice(tx, context.scope, Number(id) || 0, proposed));
    return this.reload(context, Number(id));
  }

  @Allow('practice.publish')
  @Mutation(() => MentoringPractice, {
    nullable: true,
    description:
      'Меняет уровень публикации практики: куратор муниципалитета публикует предложенную практику ОО ' +
      'своего муниципалитета на уровне муниципалитета или возвращает её на уровень ОО; администратор ' +
      'субъекта РФ поднимает практику на уровень субъекта РФ или опускает её. Возвращает практику, ' +
      'если вызывающий её по-прежнему видит, иначе null.',
  })
  async setPracticeLevel(
    @Arg('id', () => ID, PRACTICE_ID) id: string,
    @Arg('level', () => PracticeLevel, { description: 'Новый уровень публикации.' }) level: PracticeLevel,
    @Ctx() { em, scope, community }: GraphQLContext,
  ) {
    await em.transactional((tx) => setPracticeLevel(tx, scope, Number(id) || 0, level));
    return community.practices.byId.load(Number(id));
  }

  private async reload({ community }: GraphQLContext, id: number) {
    const practice = await community.practices.byId.load(id);
    if (!practice) throw notFound('Практика не найдена.');
    return practice;
  }
}

const listField = (where: string) => ({
  description: `Лучшие практики ${where}, которые вызывающему разрешено видеть, начиная с новых.`,
});

@Resolver(() => Organization)
export class OrganizationPracticesResolver {
  @Allow('practice.read')
  @FieldResolver(() => MentoringPracticeConnection, listField('этой ОО'))
  practices(
    @Root() organization: Organization,
    @Args(() => PracticeListArgs) args: PracticeListArgs,
    @Ctx() { community }: GraphQLContext,
  ) {
    return community.practices.page('organization_id', organization.id, args);
  }
}

@Resolver(() => Municipality)
export class MunicipalityPracticesResolver {
  @Allow('practice.read')
  @FieldResolver(() => MentoringPracticeConnection, listField('ОО муниципалитета'))
  practices(
    @Root() municipality: Municipality,
    @Args(() => PracticeListArgs) args: PracticeListArgs,
    @Ctx() { community }: GraphQLContext,
  ) {
    return community.practices.page('municipality_id', municipality.id, args);
  }
}

@Resolver(() => Region)
export class RegionPracticesResolver {
  @Allow('practice.read')
  @FieldResolver(() => MentoringPracticeConnection, listField('ОО субъекта РФ'))
  practices(
    @Root() region: Region,
    @Args(() => PracticeListArgs) args: PracticeListArgs,
    @Ctx() { community }: GraphQLContext,
  ) {
    return community.practices.page('region_id', region.id, args);
  }
}
