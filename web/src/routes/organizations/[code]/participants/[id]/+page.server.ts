import { error } from '@sveltejs/kit';
import { keepsSchool } from '$lib/mentoring/curator';
import { FORM_RULES, isOneOf, MENTORING_FORM_LABELS, MENTORING_FORMS } from '$lib/mentoring/labels';
import { todayIso } from '$lib/roadmap';
import { queryApi } from '$lib/server/api-client';
import { participantCardActions } from '$lib/server/mentoring/participant-actions';
import { MENTOR_SUGGESTIONS, PARTICIPANT_CARD } from '$lib/server/mentoring/queries';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

/** How many suggested mentors the card lists, best first. */
const SUGGESTIONS_SHOWN = 10;

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:mentoring');
  const { organization, participant } = await queryApi(locals.api, PARTICIPANT_CARD, {
    code: params.code,
    id: params.id,
  });
  if (!organization) error(404, `Образовательная организация с кодом «${params.code}» не найдена.`);
  if (!participant) error(404, 'Участник не найден в базе наставников и наставляемых этой организации.');

  const { mentoringPrograms: programs, mentoringGroups, ...school } = organization;
  const memberships = mentoringGroups.nodes
    .map((group) => ({
      ...group,
      role: group.members.find((member) => member.participant.id === participant.id)?.role ?? null,
    }))
    .filter((group) => group.role !== null);

  // Forms in which this person can be the mentee; the URL may narrow the suggestions to one.
  const menteeForms = MENTORING_FORMS.filter((form) => FORM_RULES[form].mentee === participant.category);
  const requested = url.searchParams.get('form');
  const form =
    isOneOf(MENTORING_FORM_LABELS, requested) && menteeForms.includes(requested) ? requested : null;
  const matchable = participant.isMentee && participant.consentStatus === 'VALID' && menteeForms.length > 0;
  const suggestions = matchable
    ? (
        await queryApi(locals.api, MENTOR_SUGGESTIONS, {
          menteeId: participant.id,
          form,
          first: SUGGESTIONS_SHOWN,
        })
      ).mentorSuggestions
    : null;

  return {
    school,
    keeper: keepsSchool(locals.user, params.code),
    participant,
    programs,
    memberships,
    menteeForms,
    suggestionForm: form,
    suggestions,
    today: todayIso(),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = participantCardActions satisfies Actions;
