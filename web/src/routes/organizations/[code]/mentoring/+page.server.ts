import { error } from '@sveltejs/kit';
import { keepsSchool } from '$lib/mentoring/curator';
import { mentoringOverview } from '$lib/mentoring/overview';
import { todayIso } from '$lib/roadmap';
import { queryApi } from '$lib/server/api-client';
import { collectPages } from '$lib/server/collect-pages';
import { API_PAGE_SIZE } from '$lib/server/config';
import { MENTORING_OVERVIEW } from '$lib/server/mentoring/queries';
import type { PageServerLoad } from './$types';

/** Most pairs and groups the overview reads; a school has tens of them, the national average ~60. */
const MAX_GROUPS = 10_000;

export const load = (async ({ locals, params, depends }) => {
  depends('app:mentoring');
  const keeper = keepsSchool(locals.user, params.code);
  const fetchPage = (after: string | null) =>
    queryApi(locals.api, MENTORING_OVERVIEW, {
      code: params.code,
      withGroups: keeper,
      first: API_PAGE_SIZE,
      after,
    });
  const { organization } = await fetchPage(null);
  if (!organization) error(404, `Образовательная организация с кодом «${params.code}» не найдена.`);

  const groups = organization.mentoringGroups
    ? (
        await collectPages(
          organization.mentoringGroups,
          async (after) => (await fetchPage(after)).organization!.mentoringGroups!,
          MAX_GROUPS,
        )
      ).nodes
    : null;
  const { participantCounts, mentoringGroups: _groups, ...school } = organization;
  return {
    school,
    keeper,
    overview: mentoringOverview(participantCounts, groups, todayIso().slice(0, 7)),
  };
}) satisfies PageServerLoad;
