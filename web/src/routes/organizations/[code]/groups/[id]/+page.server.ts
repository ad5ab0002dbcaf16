import { error } from '@sveltejs/kit';
import { keepsSchool } from '$lib/mentoring/curator';
import { todayIso } from '$lib/roadmap';
import { queryApi } from '$lib/server/api-client';
import { groupCardActions } from '$lib/server/mentoring/group-actions';
import { GROUP_CARD } from '$lib/server/mentoring/queries';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, cookies, depends }) => {
  depends('app:mentoring');
  const { organization, mentoringGroup, monitoringScales } = await queryApi(locals.api, GROUP_CARD, {
    code: params.code,
    id: params.id,
  });
  if (!organization) error(404, `Образовательная организация с кодом «${params.code}» не найдена.`);
  if (!mentoringGroup) error(404, 'Наставническая пара или группа не найдена в этой организации.');
  return {
    school: organization,
    keeper: keepsSchool(locals.user, params.code),
    group: mentoringGroup,
    scales: monitoringScales.filter((scale) => scale.purpose === 'PARTICIPANT'),
    today: todayIso(),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = groupCardActions satisfies Actions;
