import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { lockOwnGroup } from './mentoring-meeting.service.js';
import {
  AssessmentPhase,
  MonitoringPurpose,
  type AssessmentInput,
  type ProgramSurveyInput,
  type ScaleScoreInput,
} from './monitoring.type.js';
import { checkDay } from './participant.validation.js';
import { auditParticipant, curatorOrganization } from './participant.service.js';

interface ScaleRow {
  code: string;
  name: string;
  min_value: number;
  max_value: number;
}

/** Checks that every scale of the purpose has exactly one value within its range. */
async function checkScores(
  em: EntityManager,
  purpose: MonitoringPurpose,
  scores: readonly ScaleScoreInput[],
): Promise<Record<string, number>> {
  const scales = await em.execute<ScaleRow[]>(
    `select code, name, min_value, max_value from monitoring_scale where purpose = ? order by position`,
    [purpose],
  );
  const byCode = new Map(scales.map((scale) => [scale.code, scale]));
  const values: Record<string, number> = {};
  for (const { scale: code, value } of scores) {
    const scale = byCode.get(code);
    if (!scale) throw badInput('scores', `нет шкалы «${code}» для этого этапа мониторинга`);
    if (code in values) throw badInput('scores', `шкала «${scale.name}» указана дважды`);
    if (!Number.isInteger(value) || value < scale.min_value || value > scale.max_value)
      throw badInput(
        'scores',
        `по шкале «${scale.name}» значение от ${scale.min_value} до ${scale.max_value}, передано ${value}`,
      );
    values[code] = value;
  }
  const missing = scales.filter((scale) => !(scale.code in values));
  if (missing.length > 0)
    throw badInput('scores', `не хватает значений по шкалам ${missing.map((s) => `«${s.name}»`).join(', ')}`);
  return values;
}

/** Stage 1: a programme's survey result for an academic year; a repeated entry replaces it. */
export async function recordProgramSurvey(
  em: EntityManager,
  scope: AccessScope,
  programId: number,
  input: ProgramSurveyInput,
): Promise<void> {
  const organization = curatorOrganization(scope);
  const [program] = await em.execute<{ id: number }[]>(
    `select id from mentoring_program where id = ? and organization_id = ? for update`,
    [programId, organization.organizationId],
  );
  if (!program) throw notFound('Программа наставничества не найдена.');
  if (!Number.isInteger(input.academicYear) || input.academicYear < 2000 || input.academicYear > 2100)
    throw badInput('academicYear', `учебный год по году начала, передано ${input.academicYear}`);
  if (!Number.isInteger(input.respondents) || input.respondents < 1)
    throw badInput('respondents', `хотя бы один ответивший, передано ${input.respondents}`);
  const scores = await checkScores(em, MonitoringPurpose.PROGRAM_QUALITY, input.scores);
  const [saved] = await em.execute<{ id: number; replaced: boolean }[]>(
    `insert into program_quality_survey (region_id, municipality_id, organization_id, program_id, academic_year,
                                         scores, respondents)
     values (?, ?, ?, ?, ?, ?::jsonb, ?)
     on conflict (program_id, academic_year)
     do update set scores = excluded.scores, respondents = excluded.respondents, recorded_at = now()
     returning id, (xmax <> 0) as replaced`,
    [
      organization.regionId,
      organization.municipalityId,
      organization.organizationId,
      programId,
      input.academicYear,
      JSON.stringify(scores),
      input.respondents,
    ],
  );
  // Survey results are aggregates of anonymous answers: no personal values here.
  await auditParticipant(
    em,
    scope.caller,
    {
      region_id: organization.regionId,
      municipality_id: organization.municipalityId,
      organization_id: organization.organizationId,
    },
    [
      {
        operation: 'mentoring.write',
        action: saved!.replaced ? 'UPDATE' : 'CREATE',
        entity: 'program_quality_survey',
        entityCode: String(saved!.id),
        after: { programId, academicYear: input.academicYear, respondents: input.respondents, scores },
      },
    ],
  );
}

/** Stage 2: a member's assessment at the start or the end; the end needs the start and follows it. */
export async function recordAssessment(
  em: EntityManager,
  scope: AccessScope,
  groupId: number,
  participantId: number,
  input: AssessmentInput,
  today: string,
): Promise<void> {
  const group = await lockOwnGroup(em, scope, groupId);
  const [member] = await em.execute<{ role: string }[]>(
    `select role from mentoring_group_member where group_id = ? and participant_id = ?`,
    [groupId, participantId],
  );
  if (!member) throw notFound(`Участник № ${participantId} не входит в эту пару или группу.`);
  const assessedOn = checkDay('assessedOn', input.assessedOn, today);
  const scores = await checkScores(em, MonitoringPurpose.PARTICIPANT, input.scores);
  const [start] = await em.execute<{ assessed_on: string }[]>(
    `select assessed_on::text as assessed_on from participant_assessment
     where group_id = ? and participant_id = ? and phase = 'START'`,
    [groupId, participantId],
  );
  if (input.phase === AssessmentPhase.END) {
    if (!start) throw refused('Итоговую оценку участника вносят после начальной: начальной оценки ещё нет.');
    if (assessedOn < start.assessed_on)
      throw badInput('assessedOn', `итоговая оценка раньше начальной (${start.assessed_on})`);
  }
  const [saved] = await em.execute<{ id: number; replaced: boolean }[]>(
    `insert into participant_assessment (region_id, municipality_id, organization_id, group_id, participant_id,
                                         phase, assessed_on, scores)
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
     on conflict (group_id, participant_id, phase)
     do update set assessed_on = excluded.assessed_on, scores = excluded.scores, recorded_at = now()
     returning id, (xmax <> 0) as replaced`,
    [
      group.region_id,
      group.municipality_id,
      group.organization_id,
      groupId,
      participantId,
      input.phase,
      assessedOn,
      JSON.stringify(scores),
    ],
  );
  // A person's scores are personal data: the audit records that an assessment was made, not its values.
  await auditParticipant(em, scope.caller, group, [
    {
      operation: 'mentoring.write',
      action: saved!.replaced ? 'UPDATE' : 'CREATE',
      entity: 'participant_assessment',
      entityCode: String(saved!.id),
      after: { groupId, phase: input.phase, assessedOn },
    },
  ]);
  await refreshOrganizationSummaries(em, [group.organization_id]);
}
