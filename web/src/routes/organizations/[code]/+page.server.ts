import { loadOrganization } from '$lib/server/hierarchy-lists';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, depends }) => {
  depends('app:hierarchy');
  return { organization: await loadOrganization(locals.api, params.code) };
}) satisfies PageServerLoad;
