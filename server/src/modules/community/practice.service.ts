import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { ScopeLevel } from '../access/roles.js';
import { auditParticipant } from '../mentoring/participant.service.js';
import { practiceVisibility } from './practice-visibility.js';
import { PRACTICE_LEVEL_LABELS, PracticeLevel, type PracticeInput } from './practice.type.js';
import { curatorSchool, limited, optionalText, pathRow, requiredText } from './school-writes.js';

const WHAT = 'Лучшие практики ОО';
const TITLE_MAX = 300;
const SUMMARY_MAX = 4000;
const URL_MAX = 1000;

interface PracticeRow {
  id: number;
  region_id: number;
  municipality_id: number;
  organization_id: number;
  title: string;
  form: string;
  stage: string | null;
  url: string | null;
  level: PracticeLevel;
  proposed: boolean;
}

function practiceValues(input: PracticeInput) {
  const title = requiredText('title', input.title, TITLE_MAX, 'укажите название практики');
  const summary = requiredText('summary', input.summary, SUMMARY_MAX, 'опишите практику');
  const url = optionalText(input.url);
  if (url !== null) {
    limited('url', url, URL_MAX);
    if (!/^https?:\/\/\S+$/i.test(url))
      throw badInput('url', `ссылка начинается с http:// или https:// и без пробелов, передано «${url}»`);
  }
  return { title, summary, form: input.form, stage: input.stage ?? null, url };
}

const ROW_COLUMNS = `id, region_id, municipality_id, organization_id, title, form, stage, url, level, proposed`;

/** A case of the caller's own school, locked; other schools' cases answer like unknown ones. */
async function lockOwnPractice(em: EntityManager, scope: AccessScope, id: number): Promise<PracticeRow> {
  const school = curatorSchool(scope, WHAT);
  const [practice] = await em.execute<PracticeRow[]>(
    `select ${ROW_COLUMNS} from mentoring_practice where id = ? and organization_id = ? for update`,
    [id, school.organizationId],
  );
  if (!practice) throw notFound('Практика не найдена.');
  return practice;
}

export async function createPractice(em: EntityManager, scope: AccessScope, input: PracticeInput) {
  const school = curatorSchool(scope, WHAT);
  const values = practiceValues(input);
  const [created] = await em.execute<{ id: number }[]>(
    `insert into mentoring_practice (region_id, municipality_id, organization_id, title, summary, form, stage, url, level)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'SCHOOL') returning id`,
    [
      school.regionId,
      school.municipalityId,
      school.organizationId,
      values.title,
      values.summary,
      values.form,
      values.stage,
      values.url,
    ],
  );
  // The summary is free text: the audit says it was written, not what it says.
  await auditParticipant(em, scope.caller, pathRow(school), [
    {
      operation: 'practice.write',
      action: 'CREATE',
      entity: 'mentoring_practice',
      entityCode: String(created!.id),
      after: {
        title: values.title,
        form: values.form,
        stage: values.stage,
        url: values.url,
        level: 'SCHOOL',
      },
    },
  ]);
  return created!.id;
}

/** The author school keeps its case current at whatever level it is published. */
export async function updatePractice(
  em: EntityManager,
  scope: AccessScope,
  id: number,
  input: PracticeInput,
) {
  const practice = await lockOwnPractice(em, scope, id);
  const values = practiceValues(input);
  await em.execute(
    `update mentoring_practice set title = ?, summary = ?, form = ?, stage = ?, url = ?, updated_at = now() where id = ?`,
    [values.title, values.summary, values.form, values.stage, values.url, id],
  );
  await auditParticipant(em, scope.caller, practice, [
    {
      operation: 'practice.write',
      action: 'UPDATE',
      entity: 'mentoring_practice',
      entityCode: String(id),
      before: { title: practice.title, form: practice.form, stage: practice.stage, url: practice.url },
      after: { title: values.title, form: values.form, stage: values.stage, url: values.url },
    },
  ]);
}

export async function deletePractice(em: EntityManager, scope: AccessScope, id: number) {
  const practice = await lockOwnPractice(em, scope, id);
  await em.execute(`delete from mentoring_practice where id = ?`, [id]);
  await auditParticipant(em, scope.caller, practice, [
    {
      operation: 'practice.write',
      action: 'DELETE',
      entity: 'mentoring_practice',
      entityCode: String(id),
      before: { title: practice.title, level: practice.level },
    },
  ]);
}

/** The school asks its municipality to publish a school-level case, or takes the request back. */
export async function proposePractice(em: EntityManager, scope: AccessScope, id: number, proposed: boolean) {
  const practice = await lockOwnPractice(em, scope, id);
  if (practice.level !== PracticeLevel.SCHOOL)
    throw refused(
      `Практика уже опубликована на уровне ${PRACTICE_LEVEL_LABELS[practice.level]}: предлагать её больше не нужно.`,
    );
  if (practice.proposed === proposed) return;
  await em.execute(`update mentoring_practice set proposed = ?, updated_at = now() where id = ?`, [
    proposed,
    id,
  ]);
  await auditParticipant(em, scope.caller, practice, [
    {
      operation: 'practice.write',
      action: 'UPDATE',
      entity: 'mentoring_practice',
      entityCode: String(id),
      before: { proposed: practice.proposed },
      after: { proposed },
    },
  ]);
}

/**
 * The levels each publisher moves a case between: the municipal coordinator publishes a
 * proposed school case in the municipality or takes it back; the regional administrator decides
 * on the region level and may also take a case back to its school.
 */
const PUBLISHER_LEVELS: Partial<Record<ScopeLevel, PracticeLevel[]>> = {
  [ScopeLevel.MUNICIPALITY]: [PracticeLevel.SCHOOL, PracticeLevel.MUNICIPALITY],
  [ScopeLevel.REGION]: [PracticeLevel.SCHOOL, PracticeLevel.MUNICIPALITY, PracticeLevel.REGION],
};

export async function setPracticeLevel(
  em: EntityManager,
  scope: AccessScope,
  id: number,
  level: PracticeLevel,
) {
  const levels = PUBLISHER_LEVELS[scope.node?.level as ScopeLevel];
  if (!levels)
    throw refused('Уровень публикации практики меняют куратор муниципалитета и администратор субъекта РФ.');
  const visible = practiceVisibility(scope, 'p');
  const [practice] = await em.execute<PracticeRow[]>(
    `select ${ROW_COLUMNS.split(', ')
      .map((column) => `p.${column}`)
      .join(', ')}
     from mentoring_practice p where p.id = ? and ${visible.sql} for update`,
    [id, ...visible.params],
  );
  // A case the caller cannot read answers exactly like one that does not exist.
  if (!practice) throw notFound('Практика не найдена.');
  if (!levels.includes(practice.level) || !levels.includes(level)) {
    const out = levels.includes(level) ? practice.level : level;
    throw refused(
      `Решение о публикации на уровне ${PRACTICE_LEVEL_LABELS[out]} принимает администратор субъекта РФ.`,
    );
  }
  if (practice.level === level) return;
  await em.execute(
    `update mentoring_practice set level = ?, proposed = false, published_at = now(), updated_at = now() where id = ?`,
    [level, id],
  );
  await auditParticipant(em, scope.caller, practice, [
    {
      operation: 'practice.publish',
      action: 'UPDATE',
      entity: 'mentoring_practice',
      entityCode: String(id),
      before: { level: practice.level, proposed: practice.proposed },
      after: { level, proposed: false },
    },
  ]);
}
