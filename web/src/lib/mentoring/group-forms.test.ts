import { describe, expect, it } from 'vitest';
import {
  assessmentInput,
  groupActions,
  groupInput,
  nextStage,
  stageTitle,
  suggestedMeetingKind,
  validateActivation,
  validateAssessment,
  validateEnd,
  validateGroup,
  validateMeeting,
  validateProgram,
  type GroupCandidate,
  type GroupValues,
  type HeldMeeting,
  type MeetingValues,
} from './group-forms';

const TODAY = '2026-11-22';

const CANDIDATES: GroupCandidate[] = [
  { id: '1', name: 'Опытная Анна', category: 'TEACHER' },
  { id: '2', name: 'Молодой Иван', category: 'TEACHER' },
  { id: '3', name: 'Ученица Мария', category: 'PUPIL' },
];

const PROGRAMS = [{ id: '9', title: 'Педагог — педагогу', forms: ['TEACHER_TEACHER' as const] }];

function group(overrides: Partial<GroupValues> = {}): GroupValues {
  return {
    form: 'TEACHER_TEACHER',
    programId: '',
    title: '',
    mentorIds: '1',
    menteeIds: '2',
    orderNumber: '',
    orderDate: '',
    ...overrides,
  };
}

describe('validateGroup', () => {
  it('accepts a teacher pair in «учитель – учитель»', () => {
    expect(validateGroup(group({ programId: '9' }), CANDIDATES, PROGRAMS, TODAY)).toEqual({});
  });

  it('wants a form, a mentor and a mentee, nobody on both sides', () => {
    expect(validateGroup(group({ form: '' }), CANDIDATES, PROGRAMS, TODAY)).toEqual({
      form: 'выберите форму наставничества',
    });
    expect(validateGroup(group({ mentorIds: '', menteeIds: '' }), CANDIDATES, PROGRAMS, TODAY)).toEqual({
      mentorIds: 'в паре или группе должен быть хотя бы один наставник',
      menteeIds: 'в паре или группе должен быть хотя бы один наставляемый',
    });
    expect(
      validateGroup(group({ mentorIds: '1', menteeIds: '1,2' }), CANDIDATES, PROGRAMS, TODAY).menteeIds,
    ).toBe('участник «Опытная Анна» не может быть в одной группе и наставником, и наставляемым');
  });

  it('checks the categories of the form', () => {
    expect(validateGroup(group({ menteeIds: '3' }), CANDIDATES, PROGRAMS, TODAY).menteeIds).toBe(
      'в форме «учитель – учитель» наставляемый — «педагог», а участник «Ученица Мария» — «обучающийся»',
    );
    expect(
      validateGroup(
        group({ form: 'TEACHER_PUPIL', mentorIds: '3', menteeIds: '3' }),
        CANDIDATES,
        PROGRAMS,
        TODAY,
      ).mentorIds,
    ).toMatch(/наставник — «педагог»/);
  });

  it('refuses a programme that does not run the form', () => {
    const pupils = group({ form: 'TEACHER_PUPIL', menteeIds: '3', programId: '9' });
    expect(validateGroup(pupils, CANDIDATES, PROGRAMS, TODAY).form).toBe(
      'программа «Педагог — педагогу» не предусматривает форму «учитель – ученик»',
    );
  });

  it('leaves people and programmes to the API when it has no lists (the dashboard’s server)', () => {
    expect(validateGroup(group({ menteeIds: '3', programId: '77' }), null, null, TODAY)).toEqual({});
  });

  it('sends the ids as lists', () => {
    expect(groupInput(group({ menteeIds: '2,3' }))).toMatchObject({
      mentorIds: ['1'],
      menteeIds: ['2', '3'],
      programId: null,
    });
  });
});

describe('meetings', () => {
  const values = (overrides: Partial<MeetingValues> = {}): MeetingValues => ({
    kind: 'TRIAL',
    heldOn: '2026-11-20',
    format: 'IN_PERSON',
    notes: '',
    ...overrides,
  });
  const held: HeldMeeting[] = [{ kind: 'INTRODUCTORY', heldOn: '2026-11-10' }];

  it('lets a working group meet after its introduction', () => {
    expect(validateMeeting(values(), { status: 'ACTIVE', meetings: held }, TODAY)).toEqual({});
  });

  it('lets a forming group hold the introduction only', () => {
    expect(
      validateMeeting(values({ kind: 'INTRODUCTORY' }), { status: 'FORMING', meetings: [] }, TODAY),
    ).toEqual({});
    expect(validateMeeting(values(), { status: 'FORMING', meetings: [] }, TODAY).kind).toBe(
      'нельзя записать «пробная рабочая встреча»: группа сейчас «формируется»; встречи проводит работающая группа, а формирующаяся — только встречу-знакомство',
    );
  });

  it('keeps the introduction once and first, the final meeting once and last', () => {
    const group = { status: 'ACTIVE' as const, meetings: held };
    expect(validateMeeting(values({ kind: 'INTRODUCTORY' }), group, TODAY).kind).toBe(
      'встреча-знакомство уже проведена 10.11.2026; она бывает один раз',
    );
    expect(validateMeeting(values({ heldOn: '2026-11-01' }), group, TODAY).heldOn).toBe(
      'не раньше встречи-знакомства (10.11.2026)',
    );
    const ended = {
      status: 'ACTIVE' as const,
      meetings: [...held, { kind: 'FINAL' as const, heldOn: '2026-11-15' }],
    };
    expect(validateMeeting(values(), ended, TODAY).kind).toBe(
      'после заключительной встречи (15.11.2026) других встреч не бывает',
    );
    const later = {
      status: 'ACTIVE' as const,
      meetings: [...held, { kind: 'REGULAR' as const, heldOn: '2026-11-18' }],
    };
    expect(validateMeeting(values({ kind: 'FINAL', heldOn: '2026-11-16' }), later, TODAY).heldOn).toBe(
      'заключительная встреча должна быть последней, а «регулярная встреча» проведена позже — 18.11.2026',
    );
  });

  it('refuses a date ahead and notes over 2000 characters', () => {
    const errors = validateMeeting(
      values({ heldOn: '2026-12-01', notes: 'а'.repeat(2001) }),
      { status: 'ACTIVE', meetings: held },
      TODAY,
    );
    expect(errors).toEqual({
      heldOn: 'дата не может быть в будущем',
      notes: 'не длиннее 2000 знаков, передано 2001',
    });
  });

  it('suggests the next kind in the methodology’s order', () => {
    expect(suggestedMeetingKind([])).toBe('INTRODUCTORY');
    expect(suggestedMeetingKind(held)).toBe('TRIAL');
    expect(suggestedMeetingKind([...held, { kind: 'TRIAL', heldOn: '2026-11-12' }])).toBe('PLANNING');
    expect(
      suggestedMeetingKind([
        ...held,
        { kind: 'TRIAL', heldOn: '2026-11-12' },
        { kind: 'PLANNING', heldOn: '2026-11-13' },
      ]),
    ).toBe('REGULAR');
  });
});

describe('order, stages and the end of work', () => {
  it('wants an order number and a past date to start work', () => {
    expect(validateActivation({ orderNumber: '', orderDate: '', startedOn: '' }, TODAY)).toEqual({
      orderNumber: 'укажите номер приказа о закреплении',
      orderDate: 'укажите дату приказа',
    });
    expect(
      validateActivation({ orderNumber: '45-од', orderDate: '2026-11-01', startedOn: '' }, TODAY),
    ).toEqual({});
  });

  it('moves stages one step forward and numbers them as the methodology does', () => {
    expect(nextStage('MATCHING')).toBe('WORK');
    expect(nextStage('COMPLETION')).toBeNull();
    expect(stageTitle('WORK')).toBe('6. Организация работы наставнических пар или групп');
  });

  it('offers the changes of state the API allows', () => {
    expect(groupActions('FORMING')).toEqual({
      activate: true,
      complete: false,
      terminate: true,
      changeStage: true,
      recordMeeting: true,
    });
    expect(Object.values(groupActions('COMPLETED')).some(Boolean)).toBe(false);
  });

  it('ends not before the start, and terminates only with a reason', () => {
    expect(validateEnd({ endedOn: '2026-10-01', reason: '' }, '2026-10-15', TODAY, false)).toEqual({
      endedOn: 'дата окончания раньше начала работы (15.10.2026)',
    });
    expect(validateEnd({ endedOn: '2026-11-01', reason: ' ' }, '2026-10-15', TODAY, true)).toEqual({
      reason: 'укажите причину досрочного прекращения',
    });
  });
});

describe('programmes and monitoring', () => {
  it('wants a title, a form and a period that does not end before it starts', () => {
    expect(
      validateProgram({
        title: '',
        forms: '',
        periodFrom: '2026-09-01',
        periodTo: '2026-05-31',
        goals: '',
        personalised: '',
      }),
    ).toEqual({
      title: 'укажите наименование программы',
      forms: 'укажите хотя бы одну форму наставничества',
      periodTo: 'окончание раньше начала (01.09.2026)',
    });
  });

  const SCALES = [{ code: 'MOTIVATION', name: 'Мотивация', minValue: 1, maxValue: 10 }];

  it('checks every scale’s range and sends the scores by scale code', () => {
    const values = { participantId: '2', phase: 'START', assessedOn: '2026-11-01', 'scale:MOTIVATION': '11' };
    expect(validateAssessment(values, SCALES, ['1', '2'], TODAY)).toEqual({
      'scale:MOTIVATION': 'от 1 до 10, передано 11',
    });
    expect(assessmentInput({ ...values, 'scale:MOTIVATION': '7' }, SCALES)).toEqual({
      phase: 'START',
      assessedOn: '2026-11-01',
      scores: [{ scale: 'MOTIVATION', value: 7 }],
    });
  });
});
