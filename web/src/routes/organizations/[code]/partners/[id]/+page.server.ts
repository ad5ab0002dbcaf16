import { error } from '@sveltejs/kit';
import { keepsSchool } from '$lib/mentoring/curator';
import { todayIso } from '$lib/roadmap';
import { loadEmployerMentors, loadPartners, partnerActions } from '$lib/server/community/partners';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:community');
  const { school, partners } = await loadPartners(locals.api, params.code, url);
  const partner = partners.find((candidate) => candidate.id === params.id);
  if (!partner) error(404, 'Организация-партнёр не найдена.');
  const keeper = keepsSchool(locals.user, params.code);
  return {
    school,
    partner,
    keeper,
    // Names of the school's people: read for its curator only.
    employerMentors: keeper ? await loadEmployerMentors(locals.api, params.code) : [],
    today: todayIso(),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = partnerActions satisfies Actions;
