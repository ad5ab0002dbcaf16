import { describe, expect, it } from 'vitest';
import { mentoringOverview, monthLabel, type OverviewGroup, type ParticipantCounts } from './overview';

const COUNTS: ParticipantCounts = {
  total: 10,
  mentors: 4,
  mentees: 7,
  withValidConsent: 6,
  depersonalised: 2,
  byCategory: [
    { category: 'TEACHER', total: 3, mentors: 3, mentees: 1 },
    { category: 'OTHER', total: 0, mentors: 0, mentees: 0 },
    { category: 'PUPIL', total: 7, mentors: 1, mentees: 6 },
  ],
};

const member = (role: 'MENTOR' | 'MENTEE', id: string) => ({ role, participant: { id } });

const GROUPS: OverviewGroup[] = [
  {
    form: 'TEACHER_PUPIL',
    status: 'ACTIVE',
    members: [member('MENTOR', 't1'), member('MENTEE', 'p1'), member('MENTEE', 'p2')],
    meetings: [
      { kind: 'INTRODUCTORY', heldOn: '2026-10-30' },
      { kind: 'TRIAL', heldOn: '2026-11-03' },
    ],
  },
  {
    form: 'TEACHER_PUPIL',
    status: 'FORMING',
    members: [member('MENTOR', 't1'), member('MENTEE', 'p3')],
    meetings: [{ kind: 'INTRODUCTORY', heldOn: '2026-11-20' }],
  },
  {
    form: 'PUPIL_PUPIL',
    status: 'COMPLETED',
    members: [member('MENTOR', 'p9'), member('MENTEE', 'p1')],
    meetings: [],
  },
];

describe('mentoringOverview', () => {
  const overview = mentoringOverview(COUNTS, GROUPS, '2026-11');

  it('measures consent coverage on the people whose data is still held', () => {
    expect(overview.consentBase).toBe(8);
    expect(overview.consentShare).toBe(0.75);
  });

  it('lists the categories that have people, in the dashboard’s order', () => {
    expect(overview.categories.map((row) => row.category)).toEqual(['PUPIL', 'TEACHER']);
  });

  it('counts groups by state and people by form once each, in forming and working groups only', () => {
    expect(overview.groups).toEqual({ forming: 1, active: 1, completed: 1, terminated: 0, total: 3 });
    expect(overview.forms).toEqual([
      { form: 'PUPIL_PUPIL', forming: 0, active: 0, finished: 1, mentors: 0, mentees: 0 },
      { form: 'TEACHER_PUPIL', forming: 1, active: 1, finished: 0, mentors: 1, mentees: 3 },
    ]);
    expect(overview.engaged).toEqual({ mentors: 1, mentees: 3 });
  });

  it('counts this month’s meetings by kind', () => {
    expect(overview.month).toEqual({
      label: 'ноябрь 2026 г.',
      meetings: 2,
      byKind: [
        { kind: 'INTRODUCTORY', meetings: 1 },
        { kind: 'TRIAL', meetings: 1 },
      ],
    });
  });

  it('shows counts alone to someone who may not see groups, and no share for an empty base', () => {
    const empty = mentoringOverview(
      { ...COUNTS, total: 0, withValidConsent: 0, depersonalised: 0 },
      null,
      '2026-11',
    );
    expect(empty.consentShare).toBeNull();
    expect(empty.groups.total).toBe(0);
    expect(empty.forms).toEqual([]);
  });

  it('names a month in Russian', () => {
    expect(monthLabel('2026-01')).toBe('январь 2026 г.');
  });
});
