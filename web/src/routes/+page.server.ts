import { REGION_COLUMNS } from '$lib/hierarchy';
import { listPage, loadRegionList } from '$lib/server/hierarchy-lists';
import { landingPath } from '$lib/viewer';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, depends }) => {
  // The list of all regions is the federal analyst's start page; everyone else starts at their own node.
  const landing = locals.user ? landingPath(locals.user.scope) : '/';
  if (landing !== '/') redirect(303, landing);
  depends('app:hierarchy');
  return { list: listPage(await loadRegionList(locals.api, url), REGION_COLUMNS) };
}) satisfies PageServerLoad;
