import { displayName } from '$lib/hierarchy';
import { PARTICIPANT_COLUMNS } from '$lib/mentoring/participants';
import { loadParticipantList } from '$lib/server/mentoring/participant-list';
import { tableToXlsx, xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The base as the page lists it (the same filters, search and order), with names: the curator's own file. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { school, list } = await loadParticipantList(locals.api, params.code, url);
  const content = await tableToXlsx({
    sheetName: 'База наставничества',
    title: `База наставников и наставляемых: ${school.name}`,
    columns: PARTICIPANT_COLUMNS,
    rows: list.rows,
  });
  return xlsxResponse(content, {
    ascii: `participants-${school.code}.xlsx`,
    russian: `База наставников и наставляемых — ${displayName(school)}.xlsx`,
  });
};
