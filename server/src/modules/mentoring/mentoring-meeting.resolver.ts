import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Allow } from '../access/policy.js';
import { todayIso } from '../roadmap/roadmap-progress.js';
import { recordFeedback } from './mentoring-feedback.service.js';
import { FeedbackInput, GroupSatisfaction, MentoringFeedback } from './mentoring-feedback.type.js';
import { MentoringGroup } from './mentoring-group.entity.js';
import { recordMeeting } from './mentoring-meeting.service.js';
import { MeetingInput, MentoringMeeting } from './mentoring-meeting.type.js';

const GROUP_ID = { description: 'Пара или группа.' };

/** Meetings and members' feedback of a pair or group. */
@Resolver(() => MentoringGroup)
export class MentoringMeetingResolver {
  @Allow('mentoring.write')
  @Mutation(() => MentoringMeeting, {
    description:
      'Записывает проведённую встречу пары или группы своей ОО. Встречи проводит работающая группа ' +
      '(формирующаяся — только встречу-знакомство); дата не в будущем; встреча-знакомство — одна и первая, ' +
      'заключительная — одна и последняя.',
  })
  async recordMeeting(
    @Arg('groupId', () => ID, GROUP_ID) groupId: string,
    @Arg('input', () => MeetingInput, { description: 'Вид, дата, формат и заметки.' }) input: MeetingInput,
    @Ctx() context: GraphQLContext,
  ) {
    const group = Number(groupId) || 0;
    const id = await context.em.transactional((tx) =>
      recordMeeting(tx, context.scope, group, input, todayIso()),
    );
    const meetings = await context.meetings.meetings.load(group);
    return meetings.find((meeting) => meeting.id === id);
  }

  @Allow('mentoring.write')
  @Mutation(() => MentoringFeedback, {
    description:
      'Записывает отзыв наставника или наставляемого о работе своей пары или группы (оценка 1–5 и текст); ' +
      'новый отзыв того же участника заменяет прежний.',
  })
  async recordFeedback(
    @Arg('groupId', () => ID, GROUP_ID) groupId: string,
    @Arg('participantId', () => ID, { description: 'Участник пары или группы, давший отзыв.' })
    participantId: string,
    @Arg('input', () => FeedbackInput, { description: 'Оценка и текст отзыва.' }) input: FeedbackInput,
    @Ctx() context: GraphQLContext,
  ) {
    const group = Number(groupId) || 0;
    const id = await context.em.transactional((tx) =>
      recordFeedback(tx, context.scope, group, Number(participantId) || 0, input),
    );
    const feedback = await context.meetings.feedback.load(group);
    return feedback.find((entry) => entry.id === id);
  }

  @Allow('mentoring.read')
  @FieldResolver(() => [MentoringMeeting], { description: 'Проведённые встречи (по дате).' })
  meetings(@Root() group: MentoringGroup, @Ctx() { meetings }: GraphQLContext) {
    return meetings.meetings.load(group.id);
  }

  @Allow('mentoring.read')
  @FieldResolver(() => [MentoringFeedback], {
    description: 'Отзывы участников о работе пары или группы: сначала наставников, затем наставляемых.',
  })
  feedback(@Root() group: MentoringGroup, @Ctx() { meetings }: GraphQLContext) {
    return meetings.feedback.load(group.id);
  }

  @Allow('mentoring.read')
  @FieldResolver(() => GroupSatisfaction, {
    description: 'Удовлетворённость участников: средняя оценка их отзывов и число отзывов.',
  })
  satisfaction(@Root() group: MentoringGroup, @Ctx() { meetings }: GraphQLContext) {
    return meetings.satisfaction.load(group.id);
  }
}
