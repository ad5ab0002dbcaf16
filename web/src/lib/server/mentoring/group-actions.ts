import type { RequestEvent } from '@sveltejs/kit';
import { formatDate } from '$lib/format';
import { isMentoringStage, mentoringStageLabel } from '$lib/labels';
import { hasErrors } from '$lib/mentoring/form-checks';
import {
  ACTIVATION_FIELDS,
  activationInput,
  END_FIELDS,
  FEEDBACK_FIELDS,
  feedbackInput,
  GROUP_FIELDS,
  groupInput,
  MEETING_FIELDS,
  meetingInput,
  PROGRAM_FIELDS,
  programInput,
  validateActivation,
  validateEnd,
  validateFeedback,
  validateGroup,
  validateMeeting,
  validateProgram,
  assessmentFields,
  assessmentInput,
  validateAssessment,
} from '$lib/mentoring/group-forms';
import { meetingKindLabel, type GroupStatus, type MeetingKind } from '$lib/mentoring/labels';
import { todayIso } from '$lib/roadmap';
import { mutateApi, queryApi } from '../api-client';
import { done, field, readValues, refusal, refuse } from './action-outcome';
import {
  ACTIVATE_GROUP,
  COMPLETE_GROUP,
  CREATE_GROUP,
  CREATE_PROGRAM,
  GROUP_CARD,
  MOVE_GROUP_STAGE,
  RECORD_ASSESSMENT,
  RECORD_FEEDBACK,
  RECORD_MEETING,
  TERMINATE_GROUP,
} from './queries';

/**
 * The form actions of programmes, pairs and groups. Each runs the checks the browser ran as the
 * user typed, then asks the API, which decides in the end (consents, a mentor's load, seniority
 * in «ученик – ученик»); its refusal comes back beside the field it names.
 */

const groupPath = (event: RequestEvent, id: string) =>
  `/organizations/${encodeURIComponent(event.params.code ?? '')}/groups/${encodeURIComponent(id)}`;

const GROUP_ID = (event: RequestEvent) => event.params.id ?? '';

export const groupListActions = {
  createProgram: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), PROGRAM_FIELDS);
    const errors = validateProgram(values);
    if (hasErrors(errors))
      return refuse('createProgram', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, CREATE_PROGRAM, { input: programInput(values) });
    if (!outcome.ok) return refusal('createProgram', outcome, PROGRAM_FIELDS, { values });
    done(event, `Программа наставничества «${outcome.data.createMentoringProgram.title}» создана.`, {
      hash: '#programs',
    });
  },

  /** A pair or group from the form; the people themselves (categories, consents, load) the API checks. */
  createGroup: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), GROUP_FIELDS);
    const errors = validateGroup(values, null, null, todayIso());
    if (hasErrors(errors)) return refuse('createGroup', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, CREATE_GROUP, { input: groupInput(values) });
    if (!outcome.ok) return refusal('createGroup', outcome, GROUP_FIELDS, { values });
    done(event, 'Наставническая пара или группа сформирована. Работу она начнёт по приказу о закреплении.', {
      path: groupPath(event, outcome.data.createMentoringGroup.id),
    });
  },
};

/** The group as the card's checks need it (state, start, meetings, members, scales), read afresh. */
async function currentGroup(event: RequestEvent) {
  const { mentoringGroup, monitoringScales } = await queryApi(event.locals.api, GROUP_CARD, {
    code: event.params.code ?? '',
    id: GROUP_ID(event),
  });
  return {
    group: mentoringGroup,
    scales: monitoringScales.filter((scale) => scale.purpose === 'PARTICIPANT'),
  };
}

const NOT_FOUND = 'Наставническая пара или группа не найдена.';

export const groupCardActions = {
  /** «Начать работу»: the order (приказ о закреплении) number and date are required. */
  activate: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), ACTIVATION_FIELDS);
    const errors = validateActivation(values, todayIso());
    if (hasErrors(errors)) return refuse('activate', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, ACTIVATE_GROUP, {
      id: GROUP_ID(event),
      ...activationInput(values),
    });
    if (!outcome.ok) return refusal('activate', outcome, ACTIVATION_FIELDS, { values });
    done(
      event,
      `Пара или группа начала работу по приказу о закреплении № ${values.orderNumber} от ${formatDate(values.orderDate)}.`,
    );
  },

  moveStage: async (event: RequestEvent) => {
    const stage = field(await event.request.formData(), 'stage');
    if (!isMentoringStage(stage)) return refuse('moveStage', { errors: { stage: 'выберите этап' } });
    const outcome = await mutateApi(event.locals.api, MOVE_GROUP_STAGE, { id: GROUP_ID(event), stage });
    if (!outcome.ok) return refusal('moveStage', outcome, ['stage'], { values: { stage } });
    done(event, `Этап: «${mentoringStageLabel(outcome.data.moveGroupStage.stage)}».`);
  },

  complete: async (event: RequestEvent) => end(event, false),
  terminate: async (event: RequestEvent) => end(event, true),

  /** «Записать встречу»: kind, date, format and notes, in the order of the five meetings. */
  meeting: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), MEETING_FIELDS);
    const { group } = await currentGroup(event);
    if (!group) return refuse('meeting', { values, message: NOT_FOUND }, 404);
    const errors = validateMeeting(values, group, todayIso());
    if (hasErrors(errors)) return refuse('meeting', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, RECORD_MEETING, {
      groupId: group.id,
      input: meetingInput(values),
    });
    if (!outcome.ok) return refusal('meeting', outcome, MEETING_FIELDS, { values });
    const kind = meetingKindLabel(outcome.data.recordMeeting.kind as MeetingKind);
    done(event, `Записана ${kind} ${formatDate(values.heldOn)}.`, { hash: '#meetings' });
  },

  feedback: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), FEEDBACK_FIELDS);
    const { group } = await currentGroup(event);
    if (!group) return refuse('feedback', { values, message: NOT_FOUND }, 404);
    const errors = validateFeedback(
      values,
      group.members.map((member) => member.participant.id),
    );
    if (hasErrors(errors)) return refuse('feedback', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, RECORD_FEEDBACK, {
      groupId: group.id,
      participantId: values.participantId,
      input: feedbackInput(values),
    });
    if (!outcome.ok) return refusal('feedback', outcome, FEEDBACK_FIELDS, { values });
    done(event, 'Отзыв участника записан.', { hash: '#feedback' });
  },

  /** Monitoring, stage 2: a member's assessment at the start or the end, on every scale. */
  assessment: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const { group, scales } = await currentGroup(event);
    const fields = assessmentFields(scales);
    const values = readValues(form, fields);
    if (!group) return refuse('assessment', { values, message: NOT_FOUND }, 404);
    const errors = validateAssessment(
      values,
      scales,
      group.members.map((member) => member.participant.id),
      todayIso(),
    );
    if (hasErrors(errors)) return refuse('assessment', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, RECORD_ASSESSMENT, {
      groupId: group.id,
      participantId: values.participantId ?? '',
      input: assessmentInput(values, scales),
    });
    // The API names `scores` for a scale problem; the form shows it above the scales.
    if (!outcome.ok) return refusal('assessment', outcome, fields, { values });
    done(event, 'Оценка участника записана.', { hash: '#monitoring' });
  },
};

async function end(event: RequestEvent, terminate: boolean) {
  const action = terminate ? 'terminate' : 'complete';
  const values = readValues(await event.request.formData(), END_FIELDS);
  const startedOn = (await currentGroup(event)).group?.startedOn ?? null;
  const errors = validateEnd(values, startedOn, todayIso(), terminate);
  if (hasErrors(errors)) return refuse(action, { values, errors: errors as Record<string, string> });
  const outcome = terminate
    ? await mutateApi(event.locals.api, TERMINATE_GROUP, {
        id: GROUP_ID(event),
        endedOn: values.endedOn,
        reason: values.reason.trim(),
      })
    : await mutateApi(event.locals.api, COMPLETE_GROUP, { id: GROUP_ID(event), endedOn: values.endedOn });
  if (!outcome.ok) return refusal(action, outcome, END_FIELDS, { values });
  const status: GroupStatus = terminate ? 'TERMINATED' : 'COMPLETED';
  done(
    event,
    status === 'TERMINATED'
      ? `Работа пары или группы прекращена досрочно ${formatDate(values.endedOn)}.`
      : `Работа пары или группы завершена ${formatDate(values.endedOn)}.`,
  );
}
