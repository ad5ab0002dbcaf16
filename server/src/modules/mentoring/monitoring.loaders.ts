import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import type {
  MonitoringScale,
  ParticipantGrowth,
  ProgramQualitySurvey,
  ScaleScore,
} from './monitoring.type.js';
import { PARTICIPANT_SCOPE_COLUMNS } from './participant.loaders.js';

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;
const round = (value: number) => Math.round(value * 100) / 100;

/** Scores of a jsonb object in the order of the scales, so that lists read the same everywhere. */
function ordered(
  scales: readonly MonitoringScale[],
  scores: Record<string, number> | undefined,
): ScaleScore[] {
  if (!scores) return [];
  return scales.filter((s) => s.code in scores).map((s) => ({ scale: s.code, value: scores[s.code]! }));
}

/** Growth of the group's participants: END − START per scale; participants without both are listed empty. */
export function growthOf(
  scales: readonly MonitoringScale[],
  start: Record<string, number> | undefined,
  end: Record<string, number> | undefined,
): ScaleScore[] {
  if (!start || !end) return [];
  return scales
    .filter((s) => s.code in start && s.code in end)
    .map((s) => ({ scale: s.code, value: end[s.code]! - start[s.code]! }));
}

/** Monitoring reads: a fixed number of statements for any number of programmes and groups. */
export function createMonitoringLoaders(em: EntityManager, scope: AccessScope) {
  let scales: Promise<MonitoringScale[]> | undefined;
  const allScales = () =>
    (scales ??= em
      .execute<{ code: string; purpose: string; name: string; min_value: number; max_value: number }[]>(
        `select code, purpose, name, min_value, max_value from monitoring_scale order by position`,
      )
      .then((rows) =>
        rows.map(
          (row) =>
            ({
              code: row.code,
              purpose: row.purpose,
              name: row.name,
              minValue: row.min_value,
              maxValue: row.max_value,
            }) as MonitoringScale,
        ),
      ));

  const assessments = new DataLoader<number, ParticipantGrowth[]>(async (groupIds) => {
    const scoped = scopePredicate(scope, 'a', PARTICIPANT_SCOPE_COLUMNS);
    const [rows, list] = await Promise.all([
      em.execute<
        { group_id: number; participant_id: number; phase: string; scores: Record<string, number> }[]
      >(
        `select a.group_id, a.participant_id, a.phase, a.scores from participant_assessment a
         where a.group_id = any(?::int[]) and ${scoped.sql} order by a.group_id, a.participant_id`,
        [intArray(groupIds), ...scoped.params],
      ),
      allScales(),
    ]);
    const byGroup = new Map<
      number,
      Map<number, { start?: Record<string, number>; end?: Record<string, number> }>
    >(groupIds.map((id) => [id, new Map()]));
    for (const row of rows) {
      const people = byGroup.get(row.group_id)!;
      const person = people.get(row.participant_id) ?? {};
      if (row.phase === 'START') person.start = row.scores;
      else person.end = row.scores;
      people.set(row.participant_id, person);
    }
    return groupIds.map((id) =>
      [...byGroup.get(id)!].map(([participantId, { start, end }]) => ({
        participantId,
        start: ordered(list, start),
        end: ordered(list, end),
        growth: growthOf(list, start, end),
      })),
    );
  });

  return {
    scales: allScales,
    /** Stage 1 results of programmes, by academic year. */
    surveys: new DataLoader<number, ProgramQualitySurvey[]>(async (programIds) => {
      const scoped = scopePredicate(scope, 's', PARTICIPANT_SCOPE_COLUMNS);
      const [rows, list] = await Promise.all([
        em.execute<
          { program_id: number; academic_year: number; respondents: number; scores: Record<string, number> }[]
        >(
          `select s.program_id, s.academic_year, s.respondents, s.scores from program_quality_survey s
           where s.program_id = any(?::int[]) and ${scoped.sql} order by s.program_id, s.academic_year`,
          [intArray(programIds), ...scoped.params],
        ),
        allScales(),
      ]);
      const byProgram = new Map<number, ProgramQualitySurvey[]>(programIds.map((id) => [id, []]));
      for (const row of rows)
        byProgram.get(row.program_id)?.push({
          academicYear: row.academic_year,
          respondents: row.respondents,
          scores: ordered(list, row.scores),
        });
      return programIds.map((id) => byProgram.get(id)!);
    }),
    /** Stage 2: each assessed member's start, end and growth. */
    assessments,
    /** Growth averaged over the members assessed at both start and end, per scale. */
    async averageGrowth(groupId: number): Promise<ScaleScore[]> {
      const [people, list] = await Promise.all([assessments.load(groupId), allScales()]);
      const complete = people.filter((person) => person.growth.length > 0);
      return list
        .map((scale) => {
          const values = complete.flatMap((p) =>
            p.growth.filter((g) => g.scale === scale.code).map((g) => g.value),
          );
          return values.length
            ? { scale: scale.code, value: round(values.reduce((sum, v) => sum + v, 0) / values.length) }
            : null;
        })
        .filter((score): score is ScaleScore => score !== null);
    },
  };
}

export type MonitoringLoaders = ReturnType<typeof createMonitoringLoaders>;
