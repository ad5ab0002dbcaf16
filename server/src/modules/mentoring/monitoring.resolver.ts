import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { MentoringGroup } from './mentoring-group.entity.js';
import { MentoringProgram } from './mentoring-program.entity.js';
import { recordAssessment, recordProgramSurvey } from './monitoring.service.js';
import {
  AssessmentInput,
  MonitoringScale,
  ParticipantGrowth,
  ProgramQualitySurvey,
  ProgramSurveyInput,
  ScaleScore,
} from './monitoring.type.js';

/** Two-stage monitoring: programme quality surveys and members' assessments with their growth. */
@Resolver(() => MentoringGroup)
export class MonitoringResolver {
  @Allow('mentoring.read')
  @Query(() => [MonitoringScale], { description: 'Шкалы и критерии мониторинга программ наставничества.' })
  monitoringScales(@Ctx() { monitoring }: GraphQLContext) {
    return monitoring.scales();
  }

  @Allow('mentoring.write')
  @Mutation(() => [ProgramQualitySurvey], {
    description:
      'Этап 1 мониторинга: записывает итоги анкетирования о качестве программы своей ОО за учебный год ' +
      '(по каждому критерию); повторная запись за тот же год заменяет прежнюю. Возвращает все годы программы.',
  })
  async recordProgramSurvey(
    @Arg('programId', () => ID, { description: 'Программа наставничества.' }) programId: string,
    @Arg('input', () => ProgramSurveyInput, { description: 'Учебный год, число ответивших и оценки.' })
    input: ProgramSurveyInput,
    @Ctx() context: GraphQLContext,
  ) {
    const id = Number(programId) || 0;
    await context.em.transactional((tx) => recordProgramSurvey(tx, context.scope, id, input));
    return context.monitoring.surveys.load(id);
  }

  @Allow('mentoring.write')
  @Mutation(() => ParticipantGrowth, {
    description:
      'Этап 2 мониторинга: записывает оценку участника пары или группы в начале или в конце работы ' +
      '(по каждой шкале); итоговая — только после начальной. Возвращает оценки участника и прирост.',
  })
  async recordAssessment(
    @Arg('groupId', () => ID, { description: 'Пара или группа.' }) groupId: string,
    @Arg('participantId', () => ID, { description: 'Участник пары или группы.' }) participantId: string,
    @Arg('input', () => AssessmentInput, { description: 'Когда, дата и значения по шкалам.' })
    input: AssessmentInput,
    @Ctx() context: GraphQLContext,
  ) {
    const group = Number(groupId) || 0;
    const participant = Number(participantId) || 0;
    await context.em.transactional((tx) =>
      recordAssessment(tx, context.scope, group, participant, input, todayIso()),
    );
    const people = await context.monitoring.assessments.load(group);
    return people.find((person) => person.participantId === participant);
  }

  @Allow('mentoring.read')
  @FieldResolver(() => [ParticipantGrowth], {
    description: 'Мониторинг, этап 2: оценки участников в начале и в конце работы и их прирост.',
  })
  assessments(@Root() group: MentoringGroup, @Ctx() { monitoring }: GraphQLContext) {
    return monitoring.assessments.load(group.id);
  }

  @Allow('mentoring.read')
  @FieldResolver(() => [ScaleScore], {
    description: 'Средний прирост по шкалам среди участников, оценённых и в начале, и в конце.',
  })
  averageGrowth(@Root() group: MentoringGroup, @Ctx() { monitoring }: GraphQLContext) {
    return monitoring.averageGrowth(group.id);
  }
}

@Resolver(() => MentoringProgram)
export class ProgramMonitoringResolver {
  @Allow('mentoring.read')
  @FieldResolver(() => [ProgramQualitySurvey], {
    description: 'Мониторинг, этап 1: итоги анкетирования о качестве программы по учебным годам.',
  })
  qualitySurveys(@Root() program: MentoringProgram, @Ctx() { monitoring }: GraphQLContext) {
    return monitoring.surveys.load(program.id);
  }
}
