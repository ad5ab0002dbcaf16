import { REGISTRY_COLUMNS } from '$lib/community/registry';
import { todayIso } from '$lib/roadmap';
import { loadOwnMentors, loadRegistry, registryActions } from '$lib/server/community/registry';
import { listPage } from '$lib/server/hierarchy-lists';
import { takeFlash } from '$lib/server/roadmap-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, cookies, depends }) => {
  depends('app:community');
  const { municipality, region, list } = await loadRegistry(locals.api, params.code, url);
  const viewer = locals.user;
  // A school curator of this municipality also keeps the publication consents of their own mentors.
  const ownSchool =
    viewer?.roles.includes('school-curator') && viewer.scope.level === 'organization'
      ? viewer.scope.code
      : null;
  return {
    municipality,
    region,
    list: listPage(list, REGISTRY_COLUMNS),
    ownMentors: ownSchool ? await loadOwnMentors(locals.api, ownSchool) : null,
    today: todayIso(),
    flash: takeFlash(cookies),
  };
}) satisfies PageServerLoad;

export const actions = registryActions satisfies Actions;
