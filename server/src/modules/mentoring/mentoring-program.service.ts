import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import type { MentoringProgramInput } from './mentoring-program.inputs.js';
import { auditParticipant, curatorOrganization } from './participant.service.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day ГГГГ-ММ-ДД; unlike birth dates, plans may lie in the future. */
export function isoDay(field: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!ISO_DAY.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw badInput(field, `дата в формате ГГГГ-ММ-ДД, передано «${value}»`);
  return value;
}

export async function createMentoringProgram(
  em: EntityManager,
  scope: AccessScope,
  input: MentoringProgramInput,
): Promise<number> {
  const organization = curatorOrganization(scope);
  const title = input.title.trim();
  if (!title) throw badInput('title', 'укажите наименование программы');
  const forms = [...new Set(input.forms)];
  if (forms.length === 0) throw badInput('forms', 'укажите хотя бы одну форму наставничества');
  const periodFrom = isoDay('periodFrom', input.periodFrom);
  const periodTo = isoDay('periodTo', input.periodTo);
  if (periodTo < periodFrom) throw badInput('periodTo', `окончание раньше начала (${periodFrom})`);
  const goals = input.goals?.trim() || null;
  const [created] = await em.execute<{ id: number }[]>(
    `insert into mentoring_program (region_id, municipality_id, organization_id, title, forms, goals,
                                    period_from, period_to, personalised)
     values (?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?) returning id`,
    [
      organization.regionId,
      organization.municipalityId,
      organization.organizationId,
      title,
      JSON.stringify(forms),
      goals,
      periodFrom,
      periodTo,
      input.personalised,
    ],
  );
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
        action: 'CREATE',
        entity: 'mentoring_program',
        entityCode: String(created!.id),
        after: { title, forms, periodFrom, periodTo, personalised: input.personalised, goalsGiven: !!goals },
      },
    ],
  );
  return created!.id;
}
