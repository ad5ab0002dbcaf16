import { error } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import { columnKeys, sortByColumn } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery } from '$lib/list-query';
import {
  matchesSearch,
  PARTICIPANT_COLUMNS,
  parseParticipantFilters,
  participantFilterInput,
  participantRow,
} from '$lib/mentoring/participants';
import { queryApi } from '../api-client';
import { collectPages } from '../collect-pages';
import { API_PAGE_SIZE, listPageSize } from '../config';
import type { SortedList } from '../hierarchy-lists';
import { PARTICIPANT_LIST } from './queries';

/**
 * The school's base as its list page and XLSX export read it from the URL: the API filters by
 * category, role and consent; the search by name or number and the order are applied here, on
 * the whole filtered list, so the export holds exactly the rows the table offers.
 */
export async function loadParticipantList(api: Client, code: string, url: URL) {
  const query = parseListQuery(url, {
    columns: columnKeys(PARTICIPANT_COLUMNS),
    defaultSort: { column: 'name', direction: 'asc' },
    pageSize: listPageSize(),
    maxRows: MAX_LIST_ROWS,
  });
  const filters = parseParticipantFilters(url.searchParams);
  const fetchPage = (after: string | null) =>
    queryApi(api, PARTICIPANT_LIST, {
      code,
      first: API_PAGE_SIZE,
      after,
      filter: participantFilterInput(filters),
    });
  const { organization } = await fetchPage(null);
  if (!organization) error(404, `Образовательная организация с кодом «${code}» не найдена.`);

  const { nodes, complete } = await collectPages(
    organization.participants,
    async (after) => (await fetchPage(after)).organization!.participants,
    MAX_LIST_ROWS,
  );
  const rows = nodes.map(participantRow).filter((row) => matchesSearch(row, query.search));
  const { participants, ...school } = organization;
  const list: SortedList<ReturnType<typeof participantRow>, (typeof PARTICIPANT_COLUMNS)[number]['key']> = {
    query,
    rows: sortByColumn(rows, PARTICIPANT_COLUMNS, query.sort),
    complete,
  };
  return { school, filters, list, filteredTotal: participants.totalCount };
}
