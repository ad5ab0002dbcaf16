import { describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/viewer';
import { levelMoves, practiceInput, validatePractice, type Practice } from './practices';

const PRACTICE: Practice = {
  id: '3',
  title: 'Клуб юных инженеров',
  summary: 'Проекты старшеклассников с наставниками ГЭС.',
  form: 'EMPLOYER_PUPIL',
  stage: 'WORK',
  url: null,
  level: 'SCHOOL',
  proposed: false,
  publishedAt: '2025-11-01T10:00:00Z',
  author: { organizationCode: '280001', organizationName: 'МОАУ СОШ № 1', municipalityName: 'город Зея' },
};

const viewer = (role: Viewer['roles'][number], level: Viewer['scope']['level']) => ({
  roles: [role],
  scope: { level, code: 'x', name: null },
});

describe('practice form checks', () => {
  it('accepts a case and sends a blank stage as the whole programme', () => {
    const values = { title: 'Кейс', summary: 'Описание', form: 'TEACHER_TEACHER', stage: '', url: '' };
    expect(validatePractice(values)).toEqual({});
    expect(practiceInput(values)).toEqual({
      title: 'Кейс',
      summary: 'Описание',
      form: 'TEACHER_TEACHER',
      stage: null,
      url: null,
    });
  });

  it('refuses blanks and a link that is no link, in the API’s words', () => {
    expect(
      validatePractice({ title: '', summary: ' ', form: '', stage: '', url: 'school1.ru/kejs' }),
    ).toEqual({
      title: 'укажите название практики',
      summary: 'опишите практику',
      form: 'выберите форму наставничества',
      url: 'ссылка начинается с http:// или https:// и без пробелов, передано «school1.ru/kejs»',
    });
  });
});

describe('publication moves', () => {
  it('lets the municipal coordinator publish only what a school proposed, and take it back', () => {
    const coordinator = viewer('municipal-coordinator', 'municipality');
    expect(levelMoves(coordinator, PRACTICE)).toEqual([]);
    expect(levelMoves(coordinator, { ...PRACTICE, proposed: true })).toEqual([
      { level: 'MUNICIPALITY', label: 'Опубликовать в муниципалитете' },
    ]);
    expect(levelMoves(coordinator, { ...PRACTICE, level: 'MUNICIPALITY' })).toEqual([
      { level: 'SCHOOL', label: 'Вернуть на уровень ОО' },
    ]);
    expect(levelMoves(coordinator, { ...PRACTICE, level: 'REGION' })).toEqual([]);
  });

  it('leaves the region level to the regional administrator; others have no moves', () => {
    const admin = viewer('regional-admin', 'region');
    expect(levelMoves(admin, { ...PRACTICE, level: 'MUNICIPALITY' })).toEqual([
      { level: 'REGION', label: 'Опубликовать на уровне субъекта РФ' },
    ]);
    expect(levelMoves(admin, { ...PRACTICE, level: 'REGION' })).toEqual([
      { level: 'MUNICIPALITY', label: 'Оставить на уровне муниципалитета' },
    ]);
    expect(levelMoves(viewer('regional-analyst', 'region'), { ...PRACTICE, level: 'MUNICIPALITY' })).toEqual(
      [],
    );
    expect(levelMoves(viewer('school-curator', 'organization'), { ...PRACTICE, proposed: true })).toEqual([]);
    expect(levelMoves(null, PRACTICE)).toEqual([]);
  });
});
