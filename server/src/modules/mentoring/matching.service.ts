import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, refused } from '../../graphql/errors.js';
import { checkPageSize } from '../../graphql/pagination.js';
import type { AccessScope } from '../access/access-scope.js';
import { MENTORING_FORM_LABELS, MentoringForm } from './mentoring-group.enums.js';
import { FORM_RULES } from './mentoring-group.rules.js';
import { scoreMentor, type MenteeProfile, type MentorProfile } from './matching.score.js';
import type { MentorSuggestion } from './matching.types.js';
import { PARTICIPANT_CATEGORY_LABELS } from './participant.enums.js';
import { PARTICIPANT_COLUMNS, toParticipant } from './participant.loaders.js';
import { curatorOrganization } from './participant.service.js';

const OPEN_GROUP = `g.status in ('FORMING', 'ACTIVE')`;

/** The mentee of the curator's own school; someone of another school is "not found" like nobody. */
async function findMentee(em: EntityManager, organizationId: number, menteeId: number) {
  const [mentee] = await em.execute<(MenteeProfile & { depersonalised: boolean; consented: boolean })[]>(
    `select p.id, p.category, p.is_mentor, p.is_mentee, p.birth_year, p.birth_month, p.grade_or_course,
            p.max_load, p.request_topics, null as name, p.depersonalised_at is not null as depersonalised,
            exists (select 1 from consent c where c.participant_id = p.id and c.revoked_on is null) as consented
     from participant p where p.id = ? and p.organization_id = ?`,
    [menteeId, organizationId],
  );
  if (!mentee) throw notFound('Наставляемый не найден.');
  if (!mentee.is_mentee) throw badInput('menteeId', `участник № ${mentee.id} не входит в базу наставляемых`);
  if (mentee.depersonalised || !mentee.consented)
    throw refused(
      `Наставника не подобрать: у наставляемого № ${mentee.id} нет действующего согласия на обработку персональных данных.`,
    );
  return mentee;
}

/** Forms in which the mentee's category is the mentee side: the given one, or all of them. */
function formsFor(mentee: MenteeProfile, form: MentoringForm | null): MentoringForm[] {
  if (form === null)
    return Object.values(MentoringForm).filter((f) => FORM_RULES[f].mentee === mentee.category);
  if (FORM_RULES[form].mentee !== mentee.category)
    throw badInput(
      'form',
      `в форме «${MENTORING_FORM_LABELS[form]}» наставляемый — «${PARTICIPANT_CATEGORY_LABELS[FORM_RULES[form].mentee].toLowerCase()}», ` +
        `а участник № ${mentee.id} — «${PARTICIPANT_CATEGORY_LABELS[mentee.category].toLowerCase()}»`,
    );
  return [form];
}

/**
 * Mentors who could take the mentee now, in one statement whatever their number: the school's
 * base of mentors with a consent in force, not depersonalised, of a category the forms allow,
 * with a free place (mentees in forming and working groups below the declared load; no declared
 * load means no cap, as for `createMentoringGroup`) and not already the mentee's mentor.
 */
async function loadCandidates(
  em: EntityManager,
  organizationId: number,
  menteeId: number,
  forms: MentoringForm[],
) {
  const categories = [...new Set(forms.map((form) => FORM_RULES[form].mentor))];
  return em.execute<(MentorProfile & Record<string, unknown>)[]>(
    `with load as (
       select m.participant_id, count(e.participant_id)::int as load,
              bool_or(e.participant_id = ?) as paired
       from mentoring_group_member m
       join mentoring_group g on g.id = m.group_id and ${OPEN_GROUP}
       join mentoring_group_member e on e.group_id = m.group_id and e.role = 'MENTEE'
       where m.role = 'MENTOR' and g.organization_id = ?
       group by 1
     )
     select ${PARTICIPANT_COLUMNS}, coalesce(load.load, 0) as load, null as name
     from participant p left join load on load.participant_id = p.id
     where p.organization_id = ? and p.is_mentor and p.id <> ? and p.depersonalised_at is null
       and p.category = any(?::text[])
       and exists (select 1 from consent c where c.participant_id = p.id and c.revoked_on is null)
       and (p.max_load is null or coalesce(load.load, 0) < p.max_load)
       and not coalesce(load.paired, false)
     order by p.id`,
    [menteeId, organizationId, organizationId, menteeId, `{${categories.join(',')}}`],
  );
}

/**
 * Ranked mentor suggestions for one mentee: score descending, then participant id. Reads only;
 * mentors who would break a rule of the form are left out rather than listed with zero.
 */
export async function mentorSuggestions(
  em: EntityManager,
  scope: AccessScope,
  menteeId: number,
  form: MentoringForm | null,
  first: number,
): Promise<MentorSuggestion[]> {
  checkPageSize(first);
  const organization = curatorOrganization(scope);
  const mentee = await findMentee(em, organization.organizationId, menteeId);
  const forms = formsFor(mentee, form);
  const rows = await loadCandidates(em, organization.organizationId, mentee.id, forms);
  const suggestions: MentorSuggestion[] = [];
  for (const row of rows) {
    const scored = scoreMentor(row, mentee, forms);
    if (scored) suggestions.push({ mentor: toParticipant(em, row), ...scored });
  }
  suggestions.sort((a, b) => b.score - a.score || a.mentor.id - b.mentor.id);
  return suggestions.slice(0, first);
}
