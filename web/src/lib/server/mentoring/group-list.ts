import { error } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import { columnKeys, sortByColumn } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery } from '$lib/list-query';
import {
  GROUP_COLUMNS,
  groupMatches,
  groupRow,
  parseGroupFilters,
  type GroupColumn,
  type GroupRow,
} from '$lib/mentoring/groups';
import { personName } from '$lib/mentoring/participants';
import { queryApi } from '../api-client';
import { collectPages } from '../collect-pages';
import { API_PAGE_SIZE, listPageSize } from '../config';
import type { SortedList } from '../hierarchy-lists';
import { GROUPS_PAGE } from './queries';

/**
 * The school's programmes and pairs and groups, as the page and its XLSX export read them from the
 * URL (state and form filters, search by a member's name, order). With `withCandidates` — the
 * creation form is open — also the people with a valid consent who may be put into a pair.
 */
export async function loadGroupList(api: Client, code: string, url: URL, withCandidates = false) {
  const query = parseListQuery(url, {
    columns: columnKeys(GROUP_COLUMNS),
    defaultSort: { column: 'name', direction: 'asc' },
    pageSize: listPageSize(),
    maxRows: MAX_LIST_ROWS,
  });
  const filters = parseGroupFilters(url.searchParams);
  const fetchPage = (after: string | null) =>
    queryApi(api, GROUPS_PAGE, { code, first: API_PAGE_SIZE, after, withCandidates });
  const { organization } = await fetchPage(null);
  if (!organization) error(404, `Образовательная организация с кодом «${code}» не найдена.`);

  const { nodes, complete } = await collectPages(
    organization.mentoringGroups,
    async (after) => (await fetchPage(after)).organization!.mentoringGroups,
    MAX_LIST_ROWS,
  );
  const rows = nodes.map(groupRow).filter((row) => groupMatches(row, filters, query.search));
  const list: SortedList<GroupRow, GroupColumn> = {
    query,
    // Numbers inside names compare as numbers (Russian collation): «Пара № 9» before «Пара № 10».
    rows: sortByColumn(rows, GROUP_COLUMNS, query.sort),
    complete,
  };
  const { mentoringGroups: _groups, mentoringPrograms: programs, candidates, ...school } = organization;
  return {
    school,
    programs,
    filters,
    list,
    candidates: (candidates?.nodes ?? []).map((person) => ({
      id: person.id,
      name: personName(person),
      category: person.category,
      gradeOrCourse: person.gradeOrCourse,
      isMentor: person.isMentor,
      isMentee: person.isMentee,
    })),
  };
}
