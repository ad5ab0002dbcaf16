import { academicYearOf, todayIso } from '$lib/roadmap';
import { keepsSchool } from '$lib/mentoring/curator';
import { GROUP_COLUMNS } from '$lib/mentoring/groups';
import { listPage } from '$lib/server/hierarchy-lists';
import { groupListActions } from '$lib/server/mentoring/group-actions';
import { loadGroupList } from '$lib/server/mentoring/group-list';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:mentoring');
  // The people to choose from are read (and their reading audited) only while the form is open.
  const creating = url.searchParams.has('create');
  const { school, programs, filters, list, candidates } = await loadGroupList(
    locals.api,
    params.code,
    url,
    creating,
  );
  const today = todayIso();
  return {
    school,
    keeper: keepsSchool(locals.user, params.code),
    programs,
    filters,
    list: listPage(list, GROUP_COLUMNS),
    candidates,
    today,
    academicYear: academicYearOf(today),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = groupListActions satisfies Actions;
