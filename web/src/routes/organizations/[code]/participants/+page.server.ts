import { keepsSchool } from '$lib/mentoring/curator';
import { PARTICIPANT_COLUMNS } from '$lib/mentoring/participants';
import { todayIso } from '$lib/roadmap';
import { listPage } from '$lib/server/hierarchy-lists';
import { participantListActions } from '$lib/server/mentoring/participant-actions';
import { loadParticipantList } from '$lib/server/mentoring/participant-list';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:mentoring');
  const { school, filters, list } = await loadParticipantList(locals.api, params.code, url);
  return {
    school,
    keeper: keepsSchool(locals.user, params.code),
    filters,
    list: listPage(list, PARTICIPANT_COLUMNS),
    today: todayIso(),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = participantListActions satisfies Actions;
