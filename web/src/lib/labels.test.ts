import { describe, expect, it } from 'vitest';
import { mentoringStageLabel, roadmapItemStatusLabel, roadmapStatusLabel } from './labels';

describe('roadmap status labels', () => {
  it.each([
    ['DRAFT', 'черновик'],
    ['SUBMITTED', 'на согласовании'],
    ['AGREED', 'согласована'],
    ['RETURNED', 'возвращена на доработку'],
  ])('agreement state %s reads «%s»', (status, label) => {
    expect(roadmapStatusLabel(status)).toBe(label);
  });

  it('says so when a school has no roadmap for the year', () => {
    expect(roadmapStatusLabel(null)).toBe('нет дорожной карты');
  });

  it.each([
    ['PLANNED', 'запланировано'],
    ['IN_PROGRESS', 'выполняется'],
    ['DONE', 'выполнено'],
    ['NOT_DONE', 'не выполнено'],
    ['CANCELLED', 'отменено'],
  ])('completion mark %s reads «%s»', (status, label) => {
    expect(roadmapItemStatusLabel(status)).toBe(label);
  });

  it('names the stages of the methodology and shows a dash for none', () => {
    expect(mentoringStageLabel('MATCHING')).toBe('Формирование наставнических пар или групп');
    expect(mentoringStageLabel(null)).toBe('—');
  });

  it('shows a value the dashboard does not know yet as its code instead of failing', () => {
    expect(roadmapStatusLabel('ARCHIVED')).toBe('ARCHIVED');
    expect(roadmapItemStatusLabel('POSTPONED')).toBe('POSTPONED');
  });
});
