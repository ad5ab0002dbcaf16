import { describe, expect, it } from 'vitest';
import {
  formatKilobytes,
  markInput,
  planInput,
  readFields,
  validateMark,
  validatePlan,
  type MarkValues,
  type PlanValues,
} from './roadmap-forms';

const TODAY = '2026-01-15';

function mark(overrides: Partial<MarkValues> = {}): MarkValues {
  return {
    status: 'DONE',
    completedAt: '2025-06-20',
    completionNote: '',
    evidenceOrderNumber: '',
    evidenceOrderDate: '',
    evidenceLink: '',
    evidenceFileName: '',
    ...overrides,
  };
}

function plan(overrides: Partial<PlanValues> = {}): PlanValues {
  return {
    sectionId: '',
    number: '',
    title: 'Обучение наставников',
    stage: 'MENTOR_SELECTION_AND_TRAINING',
    dueWording: 'Октябрь 2025',
    responsible: '',
    expectedResult: '',
    ...overrides,
  };
}

describe('validateMark', () => {
  it('accepts a done mark with its date and evidence', () => {
    expect(
      validateMark(
        mark({
          evidenceOrderNumber: '45-од',
          evidenceOrderDate: '2025-06-18',
          evidenceLink: 'https://school1-zeya.ru/docs/prikaz-45.pdf',
        }),
        TODAY,
      ),
    ).toEqual({});
  });

  it('asks for the completion date of a «выполнено» mark, in the API’s words', () => {
    expect(validateMark(mark({ completedAt: '' }), TODAY)).toEqual({
      completedAt: 'для отметки «выполнено» укажите дату выполнения',
    });
  });

  it('refuses dates in the future and dates that are not dates', () => {
    expect(validateMark(mark({ completedAt: '2026-01-16' }), TODAY).completedAt).toBe(
      'дата не может быть в будущем',
    );
    expect(validateMark(mark({ evidenceOrderDate: '2025-02-30' }), TODAY).evidenceOrderDate).toBe(
      'дата в формате ДД.ММ.ГГГГ',
    );
  });

  it('wants a web address for the link', () => {
    expect(validateMark(mark({ evidenceLink: 'ftp://x' }), TODAY).evidenceLink).toBe(
      'ссылка должна начинаться с http:// или https://',
    );
    expect(validateMark(mark({ evidenceLink: 'https://a b' }), TODAY).evidenceLink).toBeDefined();
  });

  it('needs no date for other marks and refuses an unknown mark', () => {
    expect(validateMark(mark({ status: 'IN_PROGRESS', completedAt: '' }), TODAY)).toEqual({});
    expect(validateMark(mark({ status: 'MAYBE' }), TODAY).status).toBe('выберите отметку');
  });
});

describe('markInput', () => {
  it('sends empty fields as null and trims the rest', () => {
    expect(markInput(mark({ evidenceOrderNumber: ' 45-од ' }))).toEqual({
      status: 'DONE',
      completedAt: '2025-06-20',
      completionNote: null,
      evidenceOrderNumber: '45-од',
      evidenceOrderDate: null,
      evidenceLink: null,
      evidenceFileName: null,
    });
  });

  it('drops a completion date left in the form when the mark is not «выполнено»', () => {
    expect(markInput(mark({ status: 'NOT_DONE' })).completedAt).toBeNull();
  });
});

describe('the plan of an item', () => {
  it('needs the item and its deadline as the document words it', () => {
    expect(validatePlan(plan())).toEqual({});
    expect(validatePlan(plan({ title: '  ', dueWording: '' }))).toEqual({
      title: 'мероприятие не может быть пустым',
      dueWording: 'укажите срок так, как он записан в документе',
    });
    expect(validatePlan(plan({ stage: 'LUNCH' })).stage).toBe('выберите этап из списка');
  });

  it('sends an item without section, number or stage as nulls', () => {
    expect(planInput(plan({ stage: '' }))).toEqual({
      sectionId: null,
      number: null,
      title: 'Обучение наставников',
      stage: null,
      dueWording: 'Октябрь 2025',
      responsible: null,
      expectedResult: null,
    });
  });
});

describe('readFields', () => {
  it('reads the named fields of a post, missing and file fields as empty text', () => {
    const form = new FormData();
    form.set('title', 'Встреча');
    form.set('file', new Blob(['x']), 'x.csv');
    expect(readFields(form, ['title', 'number', 'file'])).toEqual({ title: 'Встреча', number: '', file: '' });
  });
});

describe('formatKilobytes', () => {
  it('rounds to whole kilobytes', () => {
    expect(formatKilobytes(350 * 1024)).toBe('350\u00a0КБ');
  });
});
