import { describe, expect, it } from 'vitest';
import {
  daysLate,
  isOverdue,
  parseDueWording,
  type DueContext,
  type DueWordingKind,
} from './due-wording.parser.js';

/** The 2020/2021 academic year: seeds 000 (Лысково) and 003 (Зея) plan within it. */
const YEAR_2020: DueContext = { periodFrom: '2020-09-01', periodTo: '2021-08-31' };
const YEAR_2021: DueContext = { periodFrom: '2021-09-01', periodTo: '2022-08-31' };
/** Seed 002 (Гадля) is a roadmap «на 2021-2024 учебный год». */
const SPAN_2021_2024: DueContext = { periodFrom: '2021-09-01', periodTo: '2024-08-31' };

/** wording → kind and windows written 'from..to'. */
type Case = [wording: string, kind: DueWordingKind, windows: string[]];

function expectParsed([wording, kind, windows]: Case, context: DueContext) {
  const parsed = parseDueWording(wording, context);
  expect(parsed).toMatchObject({ original: wording, kind });
  expect(parsed.windows.map(({ from, to }) => `${from}..${to}`)).toEqual(windows);
  expect(parsed.problem).toBeUndefined();
}

const WHOLE_2020 = ['2020-09-01..2021-08-31'];

describe('every deadline wording of the seed roadmaps', () => {
  const seed000: Case[] = [
    ['Июнь 2020', 'DATES', ['2020-06-01..2020-06-30']],
    ['Сентябрь 2020', 'DATES', ['2020-09-01..2020-09-30']],
    ['Сентябрь, октябрь 2020', 'DATES', ['2020-09-01..2020-10-31']],
    ['Октябрь 2020', 'DATES', ['2020-10-01..2020-10-31']],
    ['Ноябрь 2020, май 2021', 'DATES', ['2020-11-01..2020-11-30', '2021-05-01..2021-05-31']],
    ['В течение года по необходимости', 'WHOLE_PERIOD', WHOLE_2020],
    ['1 неделя ноября', 'DATES', ['2020-11-01..2020-11-07']],
    ['2 неделя ноября', 'DATES', ['2020-11-08..2020-11-14']],
    ['В течение года по утвержденному графику', 'WHOLE_PERIOD', WHOLE_2020],
    ['Май 2021', 'DATES', ['2021-05-01..2021-05-31']],
    ['Май – июнь 2021', 'DATES', ['2021-05-01..2021-06-30']],
    ['Июнь 2021', 'DATES', ['2021-06-01..2021-06-30']],
  ];
  it.each(seed000)('000 (школа № 3, Лысково): %s', (...row) => expectParsed(row, YEAR_2020));

  const seed002: Case[] = [
    ['Август-сентябрь 2021 г.', 'DATES', ['2021-08-01..2021-09-30']],
    ['Сентябрь-октябрь 2021г.', 'DATES', ['2021-09-01..2021-10-31']],
    ['В течение  учебного года', 'WHOLE_PERIOD', ['2021-09-01..2024-08-31']],
    ['2021-2024 учебный год', 'DATES', ['2021-09-01..2024-08-31']],
    ['2021- 2025г.г.', 'DATES', ['2021-01-01..2025-12-31']],
  ];
  it.each(seed002)('002 (Гадля, 2021–2024): %s', (...row) => expectParsed(row, SPAN_2021_2024));

  it.each(['октябрь', 'Октябрь ', 'Январь ', 'Май '])(
    '002: «%s» without a year in a three-year roadmap is flagged, not pinned to one year',
    (wording) => {
      const parsed = parseDueWording(wording, SPAN_2021_2024);
      expect(parsed.kind).toBe('UNPARSED');
      expect(parsed.problem).toMatch(
        /^Не указан год, а «(октябрь|январь|май)» встречается в периоде .* несколько раз/,
      );
    },
  );

  const seed002InOneYear: Case[] = [
    ['октябрь', 'DATES', ['2021-10-01..2021-10-31']],
    ['Октябрь ', 'DATES', ['2021-10-01..2021-10-31']],
    ['Январь ', 'DATES', ['2022-01-01..2022-01-31']],
    ['Май ', 'DATES', ['2022-05-01..2022-05-31']],
  ];
  it.each(seed002InOneYear)('002 read as the 2021/2022 year: %s', (...row) => expectParsed(row, YEAR_2021));

  const seed003: Case[] = [
    ['До 05.09.2020', 'DATES', ['2020-09-01..2020-09-05']],
    ['До 11.09.2020', 'DATES', ['2020-09-01..2020-09-11']],
    ['До 15.09.2020', 'DATES', ['2020-09-01..2020-09-15']],
    ['До 18.09.2020', 'DATES', ['2020-09-01..2020-09-18']],
    ['До 01.10.2020', 'DATES', ['2020-09-01..2020-10-01']],
    ['До 01.11.2020', 'DATES', ['2020-09-01..2020-11-01']],
    ['До 01.12.2020', 'DATES', ['2020-09-01..2020-12-01']],
    ['До 31.12.2020', 'DATES', ['2020-09-01..2020-12-31']],
    ['До 01.12.2021', 'DATES', ['2020-09-01..2021-12-01']],
    ['До 28.08.2020', 'DATES', ['2020-08-28..2020-08-28']],
    ['28.05.2020', 'DATES', ['2020-05-28..2020-05-28']],
    ['Июнь 2020', 'DATES', ['2020-06-01..2020-06-30']],
    ['Сентябрь 2020', 'DATES', ['2020-09-01..2020-09-30']],
    ['В течение всего периода', 'WHOLE_PERIOD', WHOLE_2020],
    ['Сентябрь - декабрь 2020', 'DATES', ['2020-09-01..2020-12-31']],
    ['Сентябрь – декабрь 2020', 'DATES', ['2020-09-01..2020-12-31']],
    ['Октябрь-декабрь 2020', 'DATES', ['2020-10-01..2020-12-31']],
    ['Ноябрь-декабрь 2020', 'DATES', ['2020-11-01..2020-12-31']],
    ['До начала организации работы наставнических пар', 'EXTERNAL_SCHEDULE', []],
    ['В соответствии со сроками реализации программ наставничества', 'EXTERNAL_SCHEDULE', []],
    [
      'В соответствии со сроками реализации программ наставничества или май 2021 г.',
      'DATES',
      ['2021-05-01..2021-05-31'],
    ],
    ['В соответствии со сроками, установленным и Минпросвещения России', 'EXTERNAL_SCHEDULE', []],
    ['Май 2021', 'DATES', ['2021-05-01..2021-05-31']],
    ['Сентябрь 2020 - май 2021', 'DATES', ['2020-09-01..2021-05-31']],
    ['<p>Сентябрь 2020 - май 2021</p>', 'DATES', ['2020-09-01..2021-05-31']],
    ['2020-2021 учебный год', 'DATES', WHOLE_2020],
  ];
  it.each(seed003)('003 (Зея, 2020/2021): %s', (...row) => expectParsed(row, YEAR_2020));
});

describe('the wordings of the issue and other common forms', () => {
  const common: Case[] = [
    ['В течение года', 'WHOLE_PERIOD', WHOLE_2020],
    ['В соответствии со сроками…', 'EXTERNAL_SCHEDULE', []],
    ['Май—июнь 2021', 'DATES', ['2021-05-01..2021-06-30']],
    ['Май — июнь 2021', 'DATES', ['2021-05-01..2021-06-30']],
    ['Август-сентябрь 2020', 'DATES', ['2020-08-01..2020-09-30']],
    ['05.09.2020 г.', 'DATES', ['2020-09-05..2020-09-05']],
    ['1 октября 2020 года', 'DATES', ['2020-10-01..2020-10-01']],
    ['с 01.09 по 15.09.2020', 'DATES', ['2020-09-01..2020-09-15']],
    ['С 01.09.2020 по 15.10.2020', 'DATES', ['2020-09-01..2020-10-15']],
    ['01.09.2020 – 15.09.2020', 'DATES', ['2020-09-01..2020-09-15']],
    ['не позднее 01.10.2020 г.', 'DATES', ['2020-09-01..2020-10-01']],
    ['Не позднее мая 2021', 'DATES', ['2020-09-01..2021-05-31']],
    ['до конца мая 2021 года', 'DATES', ['2020-09-01..2021-05-31']],
    ['в мае 2021 года', 'DATES', ['2021-05-01..2021-05-31']],
    ['первая неделя декабря', 'DATES', ['2020-12-01..2020-12-07']],
    ['1-я неделя ноября 2020', 'DATES', ['2020-11-01..2020-11-07']],
    ['последняя неделя мая', 'DATES', ['2021-05-25..2021-05-31']],
    ['I полугодие', 'DATES', ['2020-09-01..2020-12-31']],
    ['II полугодие', 'DATES', ['2021-01-01..2021-05-31']],
    ['I полугодие 2021 г.', 'DATES', ['2021-01-01..2021-06-30']],
    ['IV квартал 2020', 'DATES', ['2020-10-01..2020-12-31']],
    ['в I квартале', 'DATES', ['2021-01-01..2021-03-31']],
    ['2021 год', 'DATES', ['2021-01-01..2021-12-31']],
    ['ежегодно', 'WHOLE_PERIOD', WHOLE_2020],
    ['Ежемесячно', 'WHOLE_PERIOD', WHOLE_2020],
    ['в течение учебного года', 'WHOLE_PERIOD', WHOLE_2020],
    ['постоянно', 'WHOLE_PERIOD', WHOLE_2020],
    ['по мере необходимости', 'EXTERNAL_SCHEDULE', []],
    ['По графику методического объединения', 'EXTERNAL_SCHEDULE', []],
    ['  СЕНТЯБРЬ,   октябрь   2020 г.;  ', 'DATES', ['2020-09-01..2020-10-31']],
    ['сентябрь и октябрь 2020', 'DATES', ['2020-09-01..2020-10-31']],
    ['Сентябрь 2020.', 'DATES', ['2020-09-01..2020-09-30']],
  ];
  it.each(common)('%s', (...row) => expectParsed(row, YEAR_2020));
});

describe('a month without a year', () => {
  const academicYear: Case[] = [
    ['сентябрь', 'DATES', ['2020-09-01..2020-09-30']],
    ['декабрь', 'DATES', ['2020-12-01..2020-12-31']],
    ['январь', 'DATES', ['2021-01-01..2021-01-31']],
    ['август', 'DATES', ['2021-08-01..2021-08-31']],
    ['сентябрь-май', 'DATES', ['2020-09-01..2021-05-31']],
  ];
  it.each(academicYear)('takes the year from the academic year: %s', (...row) =>
    expectParsed(row, YEAR_2020),
  );

  const fromNeighbour: Case[] = [
    ['ноябрь-февраль 2021', 'DATES', ['2020-11-01..2021-02-28']],
    ['декабрь, январь 2022', 'DATES', ['2021-12-01..2022-01-31']],
  ];
  it.each(fromNeighbour)('takes the year from the point after it: %s', (...row) =>
    expectParsed(row, YEAR_2020),
  );

  it('outside a shorter period is flagged', () => {
    const autumn = { periodFrom: '2020-09-01', periodTo: '2020-12-31' };
    expect(parseDueWording('май', autumn)).toMatchObject({
      kind: 'UNPARSED',
      problem: 'Не указан год, а «май» не попадает в период дорожной карты 01.09.2020–31.12.2020',
    });
  });
});

describe('windows', () => {
  const merging: Case[] = [
    ['Май 2021, ноябрь 2020', 'DATES', ['2020-11-01..2020-11-30', '2021-05-01..2021-05-31']],
    ['Сентябрь - декабрь 2020, ноябрь 2020', 'DATES', ['2020-09-01..2020-12-31']],
    ['1 неделя ноября, 2 неделя ноября', 'DATES', ['2020-11-01..2020-11-14']],
    ['1 неделя ноября, 3 неделя ноября', 'DATES', ['2020-11-01..2020-11-07', '2020-11-15..2020-11-21']],
  ];
  it.each(merging)('are sorted and joined when they touch: %s', (...row) => expectParsed(row, YEAR_2020));
});

describe('wordings that are flagged, never guessed', () => {
  const flagged: [wording: string, problem: string][] = [
    ['когда-нибудь', 'Не удалось распознать срок: «когда-нибудь»'],
    ['', 'Срок не указан'],
    ['   ', 'Срок не указан'],
    ['32.13.2020', 'Такой даты нет в календаре: «32.13.2020»'],
    ['31.02.2021', 'Такой даты нет в календаре: «31.02.2021»'],
    ['До 31.02.2021', 'Такой даты нет в календаре: «31.02.2021»'],
    ['5 неделя февраля 2021', 'Такой даты нет в календаре: «5 неделя февраля 2021»'],
    ['Июнь 20200', 'Год «20200» вне допустимого диапазона 2000–2099'],
    ['Июнь 1020', 'Год «1020» вне допустимого диапазона 2000–2099'],
    ['05.09.20', 'Не удалось распознать срок: «05.09.20»'],
    ['до вчера', 'Не удалось распознать срок: «до вчера»'],
    ['до окончания учебного года', 'Не удалось распознать срок: «до окончания учебного года»'],
    ['Июнь 2020, когда-нибудь', 'Не удалось распознать срок: «когда-нибудь»'],
    [
      'до мая 2021',
      'Неясно, входит ли конец срока в «до мая 2021»: укажите дату («до 01.05.2021») или «не позднее …»',
    ],
    ['Май 2021 - сентябрь 2020', 'Конец срока раньше начала: «май 2021-сентябрь 2020»'],
    ['май или июнь 2021', 'Указано несколько вариантов срока: оставьте один'],
    ['ежегодно в мае', 'Не удалось распознать срок: «ежегодно в мае»'],
    [
      'III квартал',
      'Не указан год, а «iii квартал» встречается в периоде дорожной карты 01.09.2020–31.08.2021 несколько раз: укажите год',
    ],
  ];
  it.each(flagged)('«%s»', (wording, problem) => {
    expect(parseDueWording(wording, YEAR_2020)).toEqual({
      original: wording,
      kind: 'UNPARSED',
      windows: [],
      problem,
    });
  });
});

describe('isOverdue and daysLate', () => {
  const dueSeptember5 = parseDueWording('До 05.09.2020', YEAR_2020);

  it('an item due today is not overdue', () => {
    expect(isOverdue(dueSeptember5, '2020-09-05', false)).toBe(false);
    expect(daysLate(dueSeptember5, '2020-09-05')).toBe(0);
  });

  it('an item due yesterday is overdue by one day', () => {
    expect(isOverdue(dueSeptember5, '2020-09-06', false)).toBe(true);
    expect(daysLate(dueSeptember5, '2020-09-06')).toBe(1);
  });

  it('a completed item is never overdue', () => {
    expect(isOverdue(dueSeptember5, '2021-01-01', true)).toBe(false);
  });

  it('counts days late across months', () => {
    expect(daysLate(dueSeptember5, '2020-10-05')).toBe(30);
  });

  it('is due at the end of the last window', () => {
    const twice = parseDueWording('Ноябрь 2020, май 2021', YEAR_2020);
    expect(isOverdue(twice, '2020-12-15', false)).toBe(false);
    expect(isOverdue(twice, '2021-06-01', false)).toBe(true);
  });

  it('a whole-period item is due at the end of the period', () => {
    const wholeYear = parseDueWording('В течение года', YEAR_2020);
    expect(isOverdue(wholeYear, '2021-08-31', false)).toBe(false);
    expect(isOverdue(wholeYear, '2021-09-01', false)).toBe(true);
    expect(daysLate(wholeYear, '2021-09-03')).toBe(3);
  });

  it.each(['В соответствии со сроками реализации программ наставничества', 'когда-нибудь'])(
    '«%s» is never overdue',
    (wording) => {
      const parsed = parseDueWording(wording, YEAR_2020);
      expect(isOverdue(parsed, '2030-01-01', false)).toBe(false);
      expect(daysLate(parsed, '2030-01-01')).toBe(0);
    },
  );
});
