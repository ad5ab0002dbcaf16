import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { normalizeTerm } from '../../imports/column-title.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import { capitalised, ruleMessage } from '../../imports/problem-message.js';
import { readSpreadsheet } from '../../imports/spreadsheet-reader.js';
import type { Caller } from '../access/access-scope.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { pathRow } from '../community/school-writes.js';
import { refreshOrganizationSummaries } from '../indicators/organization-summary.js';
import { matchingRefusal } from './consent.service.js';
import {
  groupHeaderScore,
  parseGroupSheets,
  type FileGroup,
  type GroupImportField,
} from './mentoring-group-import.parser.js';
import type { MentoringGroupImportReport } from './mentoring-group-import.types.js';
import { MentoringForm, MentoringGroupStatus } from './mentoring-group.enums.js';
import {
  assertComposition,
  assertMentorLoad,
  assertOpen,
  assertOrder,
  assertProgramForm,
  assertStageMove,
  checkEndDay,
  OPEN_STATUSES,
  STAGES,
  statusTransitions,
  terminationReason,
  type Candidate,
} from './mentoring-group.rules.js';
import { MentoringStage } from './mentoring-stage.js';
import { ParticipantRole } from './participant.enums.js';
import { auditParticipant, type OrganizationPath } from './participant.service.js';
import { checkDay } from './participant.validation.js';

/** A participant of the organisation named in the file by their number, as the rules see them. */
interface Person extends Candidate {
  external_key: string;
  depersonalised: boolean;
  consented: boolean;
}

/** A stored member; a depersonalised one has lost their number and stays as they are. */
interface StoredMember extends Candidate {
  role: ParticipantRole;
  external_key: string | null;
}

/** The group columns the file sets, as stored. */
interface GroupRow {
  external_key: string;
  form: MentoringForm;
  program_id: number | null;
  title: string | null;
  order_number: string | null;
  order_date: string | null;
  stage: MentoringStage;
  status: MentoringGroupStatus;
  started_on: string | null;
  ended_on: string | null;
  termination_reason: string | null;
}
const GROUP_COLUMNS = [
  'external_key',
  'form',
  'program_id',
  'title',
  'order_number',
  'order_date',
  'stage',
  'status',
  'started_on',
  'ended_on',
  'termination_reason',
] as const satisfies readonly (keyof GroupRow)[];
const GROUP_RECORD =
  'id int, external_key text, form text, program_id int, title text, order_number text, order_date date, ' +
  'stage text, status text, started_on date, ended_on date, termination_reason text';

interface StoredGroup extends GroupRow {
  id: number;
  members: StoredMember[];
}

interface Planned {
  group: FileGroup;
  id: number | null;
  before: StoredGroup | null;
  row: GroupRow;
  mentors: Candidate[];
  mentees: Candidate[];
  added: { participant_id: number; role: ParticipantRole }[];
  removed: number[];
}

function report(dryRun: boolean, problems: ImportProblem[], rows = 0): MentoringGroupImportReport {
  return { dryRun, applied: false, rows, created: 0, updated: 0, unchanged: 0, problems };
}

export function unreadableGroupReport(
  dryRun: boolean,
  problems: ImportProblem[],
): MentoringGroupImportReport {
  return report(dryRun, problems);
}

/** The rules throw badInput(field, …) or refused(…): the problem gets the message, capitalised. */
function messageOf(error: unknown): string {
  if (
    !(error instanceof GraphQLError) ||
    !['BAD_USER_INPUT', 'FAILED_PRECONDITION'].includes(String(error.extensions.code))
  )
    throw error;
  return ruleMessage(error);
}

/** The rule's field names as the file's columns. */
const COLUMN_OF_FIELD: Record<string, GroupImportField> = {
  mentorIds: 'mentors',
  menteeIds: 'mentees',
  orderDate: 'orderDate',
  endedOn: 'endedOn',
  reason: 'terminationReason',
};

/** Stage a new group is given when the file names none: where its status says it is. */
function defaultStage(status: MentoringGroupStatus, ordered: boolean): MentoringStage {
  if (status === MentoringGroupStatus.COMPLETED) return MentoringStage.COMPLETION;
  if (status === MentoringGroupStatus.ACTIVE) return MentoringStage.WORK;
  if (status === MentoringGroupStatus.TERMINATED && ordered) return MentoringStage.WORK;
  return MentoringStage.MATCHING;
}

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/**
 * Imports the school's journal of pairs and groups into its organisation. Each group is checked
 * by the rules its mutations apply (createMentoringGroup, membership changes, stage moves,
 * activation under an order, completion, termination) and the whole file is written only when no
 * group has a problem, in a constant number of statements. Groups are matched by their number
 * (external key), participants by theirs; a blank cell keeps what is stored.
 */
export async function importMentoringGroups(
  em: EntityManager,
  caller: Caller,
  path: OrganizationPath,
  content: Buffer,
  options: { dryRun: boolean; today: string },
): Promise<MentoringGroupImportReport> {
  const sheets = await readSpreadsheet(content, groupHeaderScore);
  if (typeof sheets === 'string') return report(options.dryRun, [{ row: 0, message: sheets }]);
  const parsed = parseGroupSheets(sheets);
  const { problems, titles, groups } = parsed;
  const problemAt = (at: { sheet?: string; row: number }, field: GroupImportField, message: string) =>
    problems.push({ sheet: at.sheet, row: at.row, column: titles[field], message });

  return em.transactional(async (tx) => {
    const participantKeys = [
      ...new Set(groups.flatMap((group) => [...group.mentors.keys(), ...group.mentees.keys()])),
    ];
    // Locked like the mutations' candidates, so that two imports cannot both spend a mentor's last place.
    const people = await tx.execute<Person[]>(
      `select p.id, p.category, p.is_mentor, p.is_mentee, p.birth_year, p.birth_month, p.grade_or_course,
              p.max_load, nullif(concat_ws(' ', pp.last_name, pp.first_name, pp.middle_name), '') as name,
              pp.external_key, p.depersonalised_at is not null as depersonalised,
              exists (select from consent c where c.participant_id = p.id and c.revoked_on is null) as consented
       from participant_personal pp join participant p on p.id = pp.participant_id
       where pp.organization_id = ? and pp.external_key in (select jsonb_array_elements_text(?::jsonb))
       order by p.id for update of p`,
      [path.organizationId, JSON.stringify(participantKeys)],
    );
    const personByKey = new Map(people.map((person) => [person.external_key, person]));
    const stored = await tx.execute<StoredGroup[]>(
      `select g.id, g.external_key, g.form, g.program_id, g.title, g.order_number, g.order_date::text as order_date,
              g.stage, g.status, g.started_on::text as started_on, g.ended_on::text as ended_on, g.termination_reason,
              coalesce((
                select json_agg(json_build_object(
                  'id', p.id, 'role', m.role, 'category', p.category, 'is_mentor', p.is_mentor,
                  'is_mentee', p.is_mentee, 'birth_year', p.birth_year, 'birth_month', p.birth_month,
                  'grade_or_course', p.grade_or_course, 'max_load', p.max_load, 'external_key', pp.external_key,
                  'name', nullif(concat_ws(' ', pp.last_name, pp.first_name, pp.middle_name), '')) order by p.id)
                from mentoring_group_member m join participant p on p.id = m.participant_id
                left join participant_personal pp on pp.participant_id = p.id
                where m.group_id = g.id), '[]') as members
       from mentoring_group g
       where g.organization_id = ? and g.external_key in (select jsonb_array_elements_text(?::jsonb))
       for update of g`,
      [path.organizationId, JSON.stringify(groups.map((group) => group.key))],
    );
    const storedByKey = new Map(stored.map((group) => [group.external_key, group]));
    const programs = await tx.execute<{ id: number; title: string; forms: string[] }[]>(
      `select id, title, forms from mentoring_program where organization_id = ? order by id`,
      [path.organizationId],
    );

    const plans: Planned[] = [];
    for (const group of groups) {
      if (group.broken) continue;
      const plan = planGroup(group, storedByKey.get(group.key) ?? null);
      if (plan) plans.push(plan);
    }

    function planGroup(group: FileGroup, before: StoredGroup | null): Planned | null {
      const found = problems.length;
      const { fields } = group;
      const at = (field: keyof FileGroup['fields']) => fields[field] ?? group;
      /** Runs a rule; a broken one becomes a problem at the column it concerns, and `fallback` is returned. */
      const check = <T>(
        where: { sheet?: string; row: number },
        field: GroupImportField,
        rule: () => T,
        fallback: T,
      ): T => {
        try {
          return rule();
        } catch (error) {
          const ruleField = error instanceof GraphQLError ? String(error.extensions.field ?? '') : '';
          problemAt(where, COLUMN_OF_FIELD[ruleField] ?? field, messageOf(error));
          return fallback;
        }
      };
      const passes = (where: { sheet?: string; row: number }, field: GroupImportField, rule: () => void) =>
        check(
          where,
          field,
          () => {
            rule();
            return true;
          },
          false,
        );

      const form = fields.form?.value ?? before?.form;
      if (!form) {
        problemAt(group, 'form', `Укажите форму наставничества пары или группы «${group.key}»`);
        return null;
      }
      if (before && form !== before.form) {
        problemAt(at('form'), 'form', `Форма пары или группы «${group.key}» записана раньше и не меняется`);
      }

      let programId = before?.program_id ?? null;
      if (fields.program) {
        const title = normalizeTerm(fields.program.value);
        const matching = programs.filter((program) => normalizeTerm(program.title) === title);
        if (matching.length === 0)
          problemAt(
            fields.program,
            'program',
            `Программа «${fields.program.text}» не найдена среди программ ОО`,
          );
        else if (matching.length > 1)
          problemAt(
            fields.program,
            'program',
            `В ОО ${matching.length} программы с названием «${fields.program.text}»: переименуйте их, чтобы различать`,
          );
        else if (passes(fields.program, 'program', () => assertProgramForm(matching[0]!, form)))
          programId = matching[0]!.id;
      }

      // Members: those the file names, plus stored ones it cannot name (depersonalised, without a number).
      const resolve = (side: 'mentors' | 'mentees') =>
        [...group[side].values()].flatMap((source) => {
          const person = personByKey.get(source.value);
          if (person) return [{ person, source }];
          problemAt(
            source,
            side,
            `Участник с номером «${source.value}» не найден в базе наставников и наставляемых ОО`,
          );
          return [];
        });
      const named = { mentors: resolve('mentors'), mentees: resolve('mentees') };
      const unnamed = (before?.members ?? []).filter((member) => member.external_key === null);
      const mentors: Candidate[] = [
        ...named.mentors.map((m) => m.person),
        ...unnamed.filter((m) => m.role === ParticipantRole.MENTOR),
      ];
      const mentees: Candidate[] = [
        ...named.mentees.map((m) => m.person),
        ...unnamed.filter((m) => m.role === ParticipantRole.MENTEE),
      ];
      if (problems.length > found) return null;
      passes(group, 'mentors', () => assertComposition(form, mentors, mentees));

      const storedRole = new Map((before?.members ?? []).map((member) => [member.id, member.role]));
      const added = [
        ...named.mentors.map((m) => ({ ...m, role: ParticipantRole.MENTOR, side: 'mentors' as const })),
        ...named.mentees.map((m) => ({ ...m, role: ParticipantRole.MENTEE, side: 'mentees' as const })),
      ].filter(({ person, role }) => storedRole.get(person.id) !== role);
      const wanted = new Set([...mentors, ...mentees].map((member) => member.id));
      const removed = (before?.members ?? [])
        .filter((member) => !wanted.has(member.id) || added.some((a) => a.person.id === member.id))
        .map((member) => member.id);
      // A member who changes sides leaves and joins again: the consent is checked for every joiner.
      for (const { person, source, side } of added) {
        const refusal = matchingRefusal(person);
        if (refusal) problemAt(source, side, capitalised(refusal));
      }

      const current = before?.status ?? MentoringGroupStatus.FORMING;
      const orderNumber = fields.orderNumber?.value ?? before?.order_number ?? null;
      const orderDate = fields.orderDate
        ? check(
            fields.orderDate,
            'orderDate',
            () => checkDay('orderDate', fields.orderDate!.value, options.today),
            null,
          )
        : (before?.order_date ?? null);
      const ordered = Boolean(orderNumber && orderDate);
      // A blank status: a forming group (or a new one) works once the file gives its order.
      const status =
        fields.status?.value ??
        (current !== MentoringGroupStatus.FORMING
          ? current
          : ordered
            ? MentoringGroupStatus.ACTIVE
            : MentoringGroupStatus.FORMING);
      const transitions = check(at('status'), 'status', () => statusTransitions(current, status), []);
      const activated = transitions.includes('activate');
      const ended = status === MentoringGroupStatus.COMPLETED || status === MentoringGroupStatus.TERMINATED;

      if (before && (added.length > 0 || removed.length > 0))
        passes(group, 'mentors', () => assertOpen(before.status, 'менять состав'));
      if (activated) passes(at('orderNumber'), 'orderNumber', () => assertOrder(orderNumber, orderDate));
      // Without activation the order of a working or closed group stays as it was recorded then.
      if (before && before.status !== MentoringGroupStatus.FORMING && !activated) {
        for (const [field, value, storedValue] of [
          ['orderNumber', orderNumber, before.order_number],
          ['orderDate', orderDate, before.order_date],
          ['startedOn', fields.startedOn?.value ?? before.started_on, before.started_on],
        ] as const)
          if (value !== storedValue)
            problemAt(
              at(field),
              field,
              `«${titles[field]}» записывается, когда группа начинает работу, и потом не меняется: ` +
                `у группы «${group.key}» записано ${storedValue ? `«${storedValue}»` : 'пусто'}`,
            );
      }
      const startedOn = fields.startedOn?.value ?? before?.started_on ?? (activated ? orderDate : null);

      let endedOn = fields.endedOn?.value ?? before?.ended_on ?? null;
      let reason = fields.terminationReason?.value ?? before?.termination_reason ?? null;
      if (!ended && fields.endedOn) {
        problemAt(
          fields.endedOn,
          'endedOn',
          'Дата окончания указывается только для завершённой или прекращённой группы',
        );
        endedOn = null;
      }
      if (status !== MentoringGroupStatus.TERMINATED && fields.terminationReason) {
        problemAt(
          fields.terminationReason,
          'terminationReason',
          'Причина указывается только для прекращённой досрочно группы',
        );
        reason = null;
      }
      if (ended && status !== current) {
        if (!endedOn) problemAt(at('endedOn'), 'endedOn', 'Укажите дату завершения или прекращения');
        else passes(at('endedOn'), 'endedOn', () => checkEndDay(endedOn!, startedOn, options.today));
        if (status === MentoringGroupStatus.TERMINATED)
          reason = check(
            at('terminationReason'),
            'terminationReason',
            () => terminationReason(reason ?? ''),
            null,
          );
      }

      // A new group is created at the matching stage; stages then move forward one by one while
      // the group is open, so a later stage is a series of allowed moves and an earlier one is not.
      const fromStage = before?.stage ?? MentoringStage.MATCHING;
      const stage = fields.stage?.value ?? before?.stage ?? defaultStage(status, ordered);
      if (stage !== fromStage) {
        if (before) passes(at('stage'), 'stage', () => assertOpen(before.status, 'менять этап'));
        if (STAGES.indexOf(stage) < STAGES.indexOf(fromStage))
          passes(at('stage'), 'stage', () => assertStageMove(fromStage, stage));
      }

      const row: GroupRow = {
        external_key: group.key,
        form,
        program_id: programId,
        title: fields.title?.value ?? before?.title ?? null,
        order_number: orderNumber,
        order_date: orderDate,
        stage,
        status,
        started_on: startedOn,
        ended_on: ended ? endedOn : null,
        termination_reason: status === MentoringGroupStatus.TERMINATED ? reason : null,
      };
      // A closed group keeps its record; other problems of this group already say why, if any.
      if (
        before &&
        !OPEN_STATUSES.includes(before.status) &&
        problems.length === found &&
        rowChanged(before, row)
      )
        passes(group, 'status', () => assertOpen(before.status, 'менять сведения о ней'));
      if (problems.length > found) return null;
      return {
        group,
        id: before?.id ?? null,
        before,
        row,
        mentors,
        mentees,
        added: added.map(({ person, role }) => ({ participant_id: person.id, role })),
        removed,
      };
    }

    // The load cap, as after the mutations' writes: for every capped mentor of a group that gains
    // members, the mentees of their forming and working groups once the file is in.
    const gaining = plans.filter((plan) => plan.added.length > 0);
    const capped = [
      ...new Map(
        gaining.flatMap((plan) => plan.mentors.filter((m) => m.max_load !== null)).map((m) => [m.id, m]),
      ).values(),
    ];
    const storedLoads = await tx.execute<{ id: number; load: number }[]>(
      `select m.participant_id as id, count(e.participant_id)::int as load
       from mentoring_group_member m
       join mentoring_group g on g.id = m.group_id and g.status in ('FORMING', 'ACTIVE')
       join mentoring_group_member e on e.group_id = m.group_id and e.role = 'MENTEE'
       where m.role = 'MENTOR' and m.participant_id = any(?::int[]) and m.group_id <> all(?::int[])
       group by 1`,
      [intArray(capped.map((mentor) => mentor.id)), intArray(stored.map((group) => group.id))],
    );
    const load = new Map(storedLoads.map((row) => [row.id, row.load]));
    for (const plan of plans)
      if (OPEN_STATUSES.includes(plan.row.status))
        for (const mentor of plan.mentors)
          load.set(mentor.id, (load.get(mentor.id) ?? 0) + plan.mentees.length);
    for (const mentor of capped) {
      const plan = gaining.find((candidate) => candidate.mentors.some((m) => m.id === mentor.id))!;
      try {
        assertMentorLoad(mentor, load.get(mentor.id) ?? 0);
      } catch (error) {
        const source = [...plan.group.mentors.values()].find(
          (named) => personByKey.get(named.value)?.id === mentor.id,
        );
        problemAt(source ?? plan.group, 'mentors', messageOf(error));
      }
    }

    const created = plans.filter((plan) => !plan.before);
    const updated = plans.filter(
      (plan) =>
        plan.before &&
        (rowChanged(plan.before, plan.row) || plan.added.length > 0 || plan.removed.length > 0),
    );
    const result: MentoringGroupImportReport = {
      dryRun: options.dryRun,
      applied: false,
      rows: parsed.rows,
      created: created.length,
      updated: updated.length,
      unchanged: plans.length - created.length - updated.length,
      problems,
    };
    problems.sort((a, b) => a.row - b.row);
    if (problems.length > 0) return { ...result, created: 0, updated: 0, unchanged: 0 };
    if (options.dryRun) return result;

    const ids = await tx.execute<{ id: number }[]>(
      `select nextval(pg_get_serial_sequence('mentoring_group', 'id'))::int as id from generate_series(1, ?)`,
      [created.length],
    );
    created.forEach((plan, index) => (plan.id = ids[index]!.id));
    await tx.execute(
      `insert into mentoring_group (id, region_id, municipality_id, organization_id, ${GROUP_COLUMNS.join(', ')})
       select r.id, ?, ?, ?, ${GROUP_COLUMNS.map((c) => `r.${c}`).join(', ')}
       from jsonb_to_recordset(?::jsonb) as r(${GROUP_RECORD})`,
      [
        path.regionId,
        path.municipalityId,
        path.organizationId,
        JSON.stringify(created.map((plan) => ({ id: plan.id, ...plan.row }))),
      ],
    );
    await tx.execute(
      `update mentoring_group g set ${GROUP_COLUMNS.map((c) => `${c} = r.${c}`).join(', ')}, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as r(${GROUP_RECORD}) where g.id = r.id`,
      [JSON.stringify(updated.map((plan) => ({ id: plan.id, ...plan.row })))],
    );
    await tx.execute(
      `delete from mentoring_group_member m using jsonb_to_recordset(?::jsonb) as r(group_id int, participant_id int)
       where m.group_id = r.group_id and m.participant_id = r.participant_id`,
      [
        JSON.stringify(
          updated.flatMap((plan) =>
            plan.removed.map((participantId) => ({ group_id: plan.id, participant_id: participantId })),
          ),
        ),
      ],
    );
    await tx.execute(
      `insert into mentoring_group_member (group_id, participant_id, role)
       select r.group_id, r.participant_id, r.role from jsonb_to_recordset(?::jsonb) as r(group_id int, participant_id int, role text)`,
      [
        JSON.stringify(
          plans.flatMap((plan) => plan.added.map((member) => ({ group_id: plan.id, ...member }))),
        ),
      ],
    );

    // The termination reason may tell something about a person: the audit says one was given, not what.
    const audited = (row: GroupRow, mentors: Candidate[], mentees: Candidate[]) => ({
      ...Object.fromEntries(
        GROUP_COLUMNS.filter((column) => column !== 'termination_reason').map((column) => [
          column,
          row[column],
        ]),
      ),
      mentorIds: mentors.map((m) => m.id),
      menteeIds: mentees.map((m) => m.id),
      ...(row.termination_reason !== null ? { reasonGiven: true } : {}),
    });
    const entries: Omit<AuditEntry, 'regionId' | 'municipalityId' | 'organizationId'>[] = [
      ...created.map((plan) => ({
        operation: 'mentoring.write',
        action: 'CREATE' as const,
        entity: 'mentoring_group',
        entityCode: String(plan.id),
        after: audited(plan.row, plan.mentors, plan.mentees),
      })),
      ...updated.map((plan) => {
        const before = plan.before!;
        const role = (r: ParticipantRole) => before.members.filter((m) => m.role === r);
        return {
          operation: 'mentoring.write',
          action: 'UPDATE' as const,
          entity: 'mentoring_group',
          entityCode: String(plan.id),
          before: audited(before, role(ParticipantRole.MENTOR), role(ParticipantRole.MENTEE)),
          after: audited(plan.row, plan.mentors, plan.mentees),
        };
      }),
    ];
    await auditParticipant(tx, caller, pathRow(path), entries);
    await refreshOrganizationSummaries(tx, [path.organizationId]);
    return { ...result, applied: true };
  });
}

function rowChanged(before: GroupRow, row: GroupRow): boolean {
  return GROUP_COLUMNS.some((column) => (before[column] ?? null) !== (row[column] ?? null));
}
