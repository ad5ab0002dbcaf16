import { keepsSchool } from '$lib/mentoring/curator';
import { IMPORT_KINDS } from '$lib/mentoring/imports';
import { loadOrganization } from '$lib/server/hierarchy-lists';
import { importActions, maxImportFileBytes } from '$lib/server/mentoring/imports';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
  const { code, name, shortName, municipality, region } = await loadOrganization(locals.api, params.code);
  return {
    school: { code, name, shortName, municipality, region },
    keeper: keepsSchool(locals.user, params.code),
    kinds: IMPORT_KINDS,
    maxBytes: maxImportFileBytes(),
  };
}) satisfies PageServerLoad;

export const actions = importActions satisfies Actions;
