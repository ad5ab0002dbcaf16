import { formatDate } from '$lib/format';
import type { Column } from '$lib/hierarchy';
import { mentoringStageLabel } from '$lib/labels';
import {
  formLabel,
  GROUP_STATUS_LABELS,
  groupStatusLabel,
  isOneOf,
  MENTORING_FORM_LABELS,
  type GroupStatus,
  type MentoringForm,
  type ParticipantRole,
} from './labels';
import { shortName, type ParticipantPersonal } from './participants';

/** Pairs and groups (наставнические пары и группы) as the list page and its export show them. */

export interface GroupSource {
  id: string;
  title: string | null;
  form: MentoringForm;
  status: GroupStatus;
  stage: string;
  orderNumber: string | null;
  orderDate: string | null;
  startedOn: string | null;
  program: { title: string } | null;
  members: { role: ParticipantRole; participant: { id: string; personal: ParticipantPersonal | null } }[];
  meetings: { heldOn: string }[];
}

/** A table row: `code` is the group's id, as the shared table component keys rows by it. */
export interface GroupRow {
  code: string;
  name: string;
  form: MentoringForm;
  mentors: string;
  mentees: string;
  program: string | null;
  stage: string;
  status: GroupStatus;
  order: string | null;
  orderDate: string | null;
  meetings: number;
  lastMeeting: string | null;
}

/** «Пара № 12» for a pair of two, «Группа № 12» for more; a title the curator gave wins. */
export function groupName(group: { id: string; title: string | null; members: readonly unknown[] }): string {
  if (group.title) return group.title;
  return `${group.members.length > 2 ? 'Группа' : 'Пара'} № ${group.id}`;
}

/** «№ 45-од от 01.10.2025»; null without an order. */
export function orderText(group: { orderNumber: string | null; orderDate: string | null }): string | null {
  if (!group.orderNumber && !group.orderDate) return null;
  const number = group.orderNumber ? `№ ${group.orderNumber}` : 'без номера';
  return group.orderDate ? `${number} от ${formatDate(group.orderDate)}` : number;
}

export function groupRow(group: GroupSource): GroupRow {
  const names = (role: ParticipantRole) =>
    group.members
      .filter((member) => member.role === role)
      .map((member) => shortName(member.participant))
      .join(', ');
  const days = group.meetings.map((meeting) => meeting.heldOn).sort();
  return {
    code: group.id,
    name: groupName(group),
    form: group.form,
    mentors: names('MENTOR'),
    mentees: names('MENTEE'),
    program: group.program?.title ?? null,
    stage: group.stage,
    status: group.status,
    order: orderText(group),
    orderDate: group.orderDate,
    meetings: group.meetings.length,
    lastMeeting: days.at(-1) ?? null,
  };
}

export type GroupColumn =
  | 'name'
  | 'form'
  | 'mentors'
  | 'mentees'
  | 'program'
  | 'stage'
  | 'status'
  | 'order'
  | 'meetings'
  | 'lastMeeting';

export const GROUP_COLUMNS: readonly Column<GroupRow, GroupColumn>[] = [
  { key: 'name', header: 'Пара или группа', value: (row) => row.name },
  { key: 'form', header: 'Форма', value: (row) => formLabel(row.form) },
  { key: 'mentors', header: 'Наставники', value: (row) => row.mentors },
  { key: 'mentees', header: 'Наставляемые', value: (row) => row.mentees },
  { key: 'program', header: 'Программа', value: (row) => row.program },
  { key: 'stage', header: 'Этап', value: (row) => mentoringStageLabel(row.stage) },
  { key: 'status', header: 'Состояние', value: (row) => groupStatusLabel(row.status) },
  {
    key: 'order',
    header: 'Приказ о закреплении',
    value: (row) => row.orderDate,
    text: (row) => row.order ?? '—',
  },
  { key: 'meetings', header: 'Встреч', value: (row) => row.meetings, numeric: true },
  {
    key: 'lastMeeting',
    header: 'Последняя встреча',
    value: (row) => row.lastMeeting,
    text: (row) => formatDate(row.lastMeeting),
  },
];

/** What the list is narrowed to, from the URL: `?status=ACTIVE&form=PUPIL_PUPIL`. */
export interface GroupFilters {
  status: GroupStatus | null;
  form: MentoringForm | null;
}

export function parseGroupFilters(params: URLSearchParams): GroupFilters {
  const status = params.get('status');
  const form = params.get('form');
  return {
    status: isOneOf(GROUP_STATUS_LABELS, status) ? status : null,
    form: isOneOf(MENTORING_FORM_LABELS, form) ? form : null,
  };
}

/** The URL's filters and the search box (by name of the group or of a member). */
export function groupMatches(row: GroupRow, filters: GroupFilters, search: string): boolean {
  if (filters.status && row.status !== filters.status) return false;
  if (filters.form && row.form !== filters.form) return false;
  const needle = search.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').trim();
  if (!needle) return true;
  return `${row.name} ${row.mentors} ${row.mentees}`
    .toLocaleLowerCase('ru-RU')
    .replaceAll('ё', 'е')
    .includes(needle);
}
