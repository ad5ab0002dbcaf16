import { describe, expect, it } from 'vitest';
import {
  canonicalColumnsHref,
  CHILD_HEADERS,
  childIndicatorCodes,
  childRows,
  commonTarget,
  completenessText,
  DEFAULT_COLUMNS,
  filterIndicatorRows,
  formatIndicatorGap,
  formatIndicatorValue,
  fractionText,
  gapText,
  gapTone,
  indicatorBars,
  indicatorColumns,
  indicatorExportColumns,
  indicatorRow,
  parseIndicatorChoice,
  parseIndicatorFilters,
  parseIndicatorPeriod,
  sparkline,
  trendSeries,
  viewQuery,
  type ChildValue,
  type IndicatorHeading,
  type UnitIndicators,
} from './indicators';

const MENTEES: IndicatorHeading = {
  code: 'MENTEES_10_18',
  name: 'Доля наставляемых 10–18 лет',
  unit: 'PERCENT',
};
const SATISFACTION: IndicatorHeading = { code: 'SATISFACTION', name: 'Удовлетворённость', unit: 'AVERAGE' };

function value(code: string, figures: Partial<ChildValue> = {}): ChildValue {
  return {
    code,
    numerator: 0,
    denominator: null,
    value: null,
    target: null,
    gap: null,
    complete: true,
    ...figures,
  };
}

function municipality(code: string, name: string, values: ChildValue[]): UnitIndicators {
  return { unit: { level: 'MUNICIPALITY', code, name }, values };
}

const children = [
  municipality('10701000', 'город Благовещенск', [
    value('MENTEES_10_18', { numerator: 30, denominator: 100, value: 30, target: 70, gap: -40 }),
    value('SATISFACTION', { numerator: 43, denominator: 10, value: 4.3 }),
  ]),
  municipality('10730000', 'город Свободный', [
    value('MENTEES_10_18', {
      numerator: 80,
      denominator: 100,
      value: 80,
      target: 70,
      gap: 10,
      complete: false,
    }),
  ]),
  municipality('10712000', 'город Зея', [value('MENTEES_10_18', { numerator: 0, target: 70 })]),
];

describe('Russian formatting of indicator values', () => {
  it('writes shares in percent with a comma, averages with up to two decimals, nothing as a dash', () => {
    expect(formatIndicatorValue(34.5, 'PERCENT')).toBe('34,5\u00a0%');
    expect(formatIndicatorValue(70, 'PERCENT')).toBe('70\u00a0%');
    expect(formatIndicatorValue(4.256, 'AVERAGE')).toBe('4,26');
    expect(formatIndicatorValue(1234.5, 'RATIO')).toBe('1\u00a0234,5');
    expect(formatIndicatorValue(null, 'PERCENT')).toBe('—');
  });

  it('writes a gap with its sign, a real minus, and shares in percentage points', () => {
    expect(formatIndicatorGap(-5.55, 'PERCENT')).toBe('\u22125,6\u00a0п.п.');
    expect(formatIndicatorGap(4.25, 'AVERAGE')).toBe('+4,25');
    expect(formatIndicatorGap(0, 'PERCENT')).toBe('0\u00a0п.п.');
    expect(formatIndicatorGap(null, 'PERCENT')).toBe('—');
  });

  it('colours a gap by whether the target is reached, and says it in words', () => {
    expect(gapTone(-0.1)).toBe('behind');
    expect(gapTone(0)).toBe('reached');
    expect(gapTone(null)).toBeNull();
    expect(gapText(-5.5, 'PERCENT')).toBe('ниже целевого на 5,5\u00a0п.п.');
    expect(gapText(0.25, 'AVERAGE')).toBe('выше целевого на 0,25');
    expect(gapText(0, 'PERCENT')).toBe('целевое значение достигнуто');
    expect(gapText(null, 'PERCENT')).toBe('целевое значение не задано');
  });

  it('names the figures behind a value and who reported them', () => {
    expect(fractionText({ numerator: 1234, denominator: 5678, unit: 'PERCENT' })).toBe(
      '1\u00a0234 из 5\u00a0678',
    );
    expect(fractionText({ numerator: 12, denominator: null, unit: 'RATIO' })).toBe('12 / нет данных');
    expect(completenessText({ reportedOrganizations: 3, organizations: 5 })).toBe(
      'данные представили 3 из 5\u00a0образовательных организаций',
    );
  });
});

describe('what an indicators page reads from its URL', () => {
  const now = new Date('2026-01-15T08:00:00Z');

  it('takes an offered academic year and a real date, else the current year and the API’s date', () => {
    expect(parseIndicatorPeriod(new URL('http://x/indicators?year=2024&on=2025-01-01'), now)).toMatchObject({
      year: 2024,
      on: '2025-01-01',
      today: '2026-01-15',
    });
    expect(parseIndicatorPeriod(new URL('http://x/indicators?year=1990&on=01.01.2025'), now)).toMatchObject({
      year: 2025,
      on: null,
    });
  });

  const [A, B, C, D] = DEFAULT_COLUMNS;
  const codes = [A, B, C, D, 'REGION_OWN', 'GROWTH'];

  it('charts the first shipped indicator and shows the first four as columns unless told otherwise', () => {
    const defaults = { indicator: A, columns: [A, B, C, D] };
    expect(parseIndicatorChoice(new URLSearchParams(), codes)).toEqual(defaults);
    expect(parseIndicatorChoice(new URLSearchParams('col=&indicator='), codes)).toEqual(defaults);
  });

  it('keeps chosen columns in the API’s order, drops unknown codes and adds the charted indicator', () => {
    const params = new URLSearchParams(`indicator=GROWTH&col=${C}&col=nope&col=${A}`);
    expect(parseIndicatorChoice(params, codes)).toEqual({ indicator: 'GROWTH', columns: [A, C, 'GROWTH'] });
    expect(parseIndicatorChoice(new URLSearchParams('indicator=nope&col=nope'), codes)).toEqual({
      indicator: A,
      columns: [A, B, C, D],
    });
    expect(parseIndicatorChoice(new URLSearchParams(), [])).toEqual({ indicator: null, columns: [] });
  });

  it('asks the children for the URL’s columns and charted indicator, or the defaults, before knowing the codes', () => {
    expect(childIndicatorCodes(new URLSearchParams())).toEqual([A, B, C, D]);
    expect(childIndicatorCodes(new URLSearchParams('col=&indicator='))).toEqual([A, B, C, D]);
    expect(childIndicatorCodes(new URLSearchParams('indicator=GROWTH'))).toEqual([A, B, C, D, 'GROWTH']);
    expect(childIndicatorCodes(new URLSearchParams(`col=GROWTH,${C}&col=${C}`))).toEqual(['GROWTH', C, A]);
    expect(childIndicatorCodes(new URLSearchParams(`indicator=${B}&col=${B}`))).toEqual([B]);
  });

  it('has the values of every column the choice shows, whenever the URL names known codes', () => {
    for (const query of [
      '',
      `indicator=${C}`,
      'indicator=GROWTH',
      `col=REGION_OWN,${D}`,
      `indicator=${B}&col=GROWTH`,
    ]) {
      const params = new URLSearchParams(query);
      const asked = childIndicatorCodes(params);
      expect(
        asked.filter((code) => !codes.includes(code)),
        query,
      ).toEqual([]);
      const { indicator, columns } = parseIndicatorChoice(params, codes);
      expect(asked, query).toEqual(expect.arrayContaining([indicator, ...columns]));
    }
  });

  it('keeps the form’s one `col` per checkbox as one `col=A,B`, so links and forms carry them all', () => {
    const href = canonicalColumnsHref(new URL(`http://x/indicators?year=2024&col=${A}&col=${C}&q=Зея`));
    expect(href).toBe(
      '/indicators?year=2024&col=PUPILS_10_18_MENTEES%2CYOUNG_TEACHERS_MENTEES&q=%D0%97%D0%B5%D1%8F',
    );
    expect(parseIndicatorChoice(new URL(`http://x${href}`).searchParams, codes).columns).toEqual([A, C]);
    expect(canonicalColumnsHref(new URL('http://x/indicators?col=A,C'))).toBeNull();
  });

  it('carries the year and the chosen indicators to the next unit, not the search or order', () => {
    const params = new URLSearchParams('year=2024&indicator=A&col=A,B&q=Зея&sort=A&dir=desc&below=1');
    expect(viewQuery(params, 2024)).toBe('year=2024&indicator=A&col=A%2CB');
    expect(viewQuery(new URLSearchParams('q=Зея'), 2025)).toBe('year=2025');
  });
});

describe('the table of child units', () => {
  const rows = childRows(children);

  it('finds units by name or code, below the target or with incomplete data for the charted indicator', () => {
    const names = (filters: string, search = '') =>
      filterIndicatorRows(
        rows,
        parseIndicatorFilters(new URLSearchParams(filters), search),
        'MENTEES_10_18',
      ).map((row) => row.name);
    expect(names('', 'СВОБОД')).toEqual(['город Свободный']);
    expect(names('', '10712')).toEqual(['город Зея']);
    expect(names('below=1')).toEqual(['город Благовещенск']);
    expect(names('incomplete=1')).toEqual(['город Свободный']);
  });

  it('shows a value per chosen indicator, marks incomplete data and sorts missing values as empty', () => {
    const columns = indicatorColumns(CHILD_HEADERS.municipality, [MENTEES, SATISFACTION]);
    expect(columns.map((column) => column.header)).toEqual([
      'ОКТМО',
      'Муниципальное образование',
      'Доля наставляемых 10–18 лет, %',
      'Удовлетворённость',
    ]);
    const [, , mentees, satisfaction] = columns;
    expect(rows.map((row) => mentees.text?.(row))).toEqual(['30\u00a0%', '80\u00a0%\u00a0*', '—']);
    expect(rows.map((row) => satisfaction.value(row))).toEqual([4.3, null, null]);
  });

  it('exports value, numerator and denominator of each indicator; the totals row is the unit’s own', () => {
    const columns = indicatorExportColumns(CHILD_HEADERS.municipality, [MENTEES]);
    expect(columns.map((column) => column.header)).toEqual([
      'ОКТМО',
      'Муниципальное образование',
      'Доля наставляемых 10–18 лет, %',
      'Доля наставляемых 10–18 лет: числитель',
      'Доля наставляемых 10–18 лет: знаменатель',
    ]);
    // 110 of 300 is 36,7 %, not the mean of 30 %, 80 % and nothing.
    const totals = indicatorRow({ level: 'REGION', code: '28', name: 'Амурская область' }, [
      value('MENTEES_10_18', { numerator: 110, denominator: 300, value: 36.666 }),
    ]);
    expect(columns.slice(2).map((column) => column.value(totals))).toEqual([36.666, 110, 300]);
    expect(columns[2].numberFormat).toBe('0.0');
  });
});

describe('the chart of child units', () => {
  it('draws units with a value, largest first, and names the others apart', () => {
    const { bars, withoutValue } = indicatorBars(childRows(children), 'MENTEES_10_18');
    expect(bars).toEqual([
      { code: '10730000', label: 'город Свободный', value: 80 },
      { code: '10701000', label: 'город Благовещенск', value: 30 },
    ]);
    expect(withoutValue.map((row) => row.name)).toEqual(['город Зея']);
  });

  it('tells two units of the same name apart by their codes', () => {
    const twins = childRows([
      municipality('1', 'МБОУ СОШ № 1', [value('A', { value: 1 })]),
      municipality('2', 'МБОУ СОШ № 1', [value('A', { value: 2 })]),
    ]);
    expect(indicatorBars(twins, 'A').bars.map((bar) => bar.label)).toEqual([
      'МБОУ СОШ № 1 (2)',
      'МБОУ СОШ № 1 (1)',
    ]);
  });

  it('draws the target line only when every drawn unit has the same target', () => {
    const rows = childRows(children);
    expect(commonTarget(rows, 'MENTEES_10_18')).toBe(70);
    const regional = childRows([
      municipality('28', 'Амурская область', [value('A', { value: 50, target: 70 })]),
      municipality('52', 'Нижегородская область', [value('A', { value: 60, target: 75 })]),
    ]);
    expect(commonTarget(regional, 'A')).toBeNull();
  });
});

describe('the trend over years', () => {
  const trend = [
    { academicYear: 2025, values: [{ code: 'A', value: 40 }] },
    { academicYear: 2023, values: [{ code: 'A', value: 10 }] },
    { academicYear: 2024, values: [{ code: 'B', value: 5 }] },
  ];

  it('puts an indicator’s values in year order, a year without it as a gap', () => {
    expect(trendSeries(trend, 'A')).toEqual([
      { year: 2023, value: 10 },
      { year: 2024, value: null },
      { year: 2025, value: 40 },
    ]);
  });

  it('draws from zero to the highest of values and target, breaking the line at a gap', () => {
    const line = sparkline(trendSeries(trend, 'A'), { width: 104, height: 44, padding: 2 }, 80);
    // x: 2, 52, 102; y: 0 at 42, 80 (the target) at 2.
    expect(line.points.map(({ x, y }) => [x, y])).toEqual([
      [2, 37],
      [102, 22],
    ]);
    expect(line.path).toBe('M2 37 M102 22');
    expect(line.targetY).toBe(2);
  });

  it('joins consecutive years and draws nothing without values', () => {
    const line = sparkline(
      [
        { year: 2024, value: 0 },
        { year: 2025, value: 10 },
      ],
      { width: 10, height: 10, padding: 0 },
    );
    expect(line.path).toBe('M0 10 L10 0');
    expect(sparkline([{ year: 2025, value: null }], { width: 10, height: 10 })).toEqual({
      path: '',
      points: [],
      targetY: null,
    });
  });
});
