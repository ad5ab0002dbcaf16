import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort, parseSort, sortRows } from './sorting';

describe('sortRows', () => {
  const names = [
    'Республика Дагестан',
    'амурская область',
    'Ёлкинский район',
    'Нижегородская область',
    'Еланский',
  ];

  it('orders Russian names alphabetically, case-insensitively, with ё beside е', () => {
    expect(sortRows(names, (name) => name, 'asc')).toEqual([
      'амурская область',
      'Еланский',
      'Ёлкинский район',
      'Нижегородская область',
      'Республика Дагестан',
    ]);
  });

  it('reverses for descending order', () => {
    expect(sortRows(names, (name) => name, 'desc')[0]).toBe('Республика Дагестан');
  });

  it('compares codes as numbers, not as text', () => {
    expect(sortRows(['52', '5', '28', '05'], (code) => code, 'asc')).toEqual(['5', '05', '28', '52']);
  });

  it('compares numbers numerically', () => {
    expect(sortRows([10, 9, 100], (n) => n, 'asc')).toEqual([9, 10, 100]);
  });

  it('puts empty values last in both directions', () => {
    const rows = [{ inn: null }, { inn: '2822330799' }, { inn: '' }, { inn: '0537353794' }];
    expect(sortRows(rows, (row) => row.inn, 'asc').map((row) => row.inn)).toEqual([
      '0537353794',
      '2822330799',
      null,
      '',
    ]);
    expect(sortRows(rows, (row) => row.inn, 'desc').map((row) => row.inn)).toEqual([
      '2822330799',
      '0537353794',
      null,
      '',
    ]);
  });

  it('orders ties by the tie-break key, ascending whatever the direction', () => {
    const rows = [
      { kind: 'школа', name: 'Б' },
      { kind: 'школа', name: 'А' },
      { kind: 'ОДО', name: 'В' },
    ];
    const sorted = sortRows(
      rows,
      (row) => row.kind,
      'desc',
      (row) => row.name,
    );
    expect(sorted.map((row) => row.name)).toEqual(['А', 'Б', 'В']);
  });

  it('does not modify the input', () => {
    const input = [3, 1, 2];
    sortRows(input, (n) => n, 'asc');
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('parseSort', () => {
  const columns = ['code', 'name'] as const;
  const fallback = { column: 'name', direction: 'asc' } as const;

  it('reads column and direction from the query string', () => {
    expect(parseSort(new URLSearchParams('sort=code&dir=desc'), columns, fallback)).toEqual({
      column: 'code',
      direction: 'desc',
    });
  });

  it('treats anything but desc as ascending', () => {
    expect(parseSort(new URLSearchParams('sort=code&dir=up'), columns, fallback).direction).toBe('asc');
  });

  it('falls back for a missing or unknown column', () => {
    expect(parseSort(new URLSearchParams(''), columns, fallback)).toEqual(fallback);
    expect(parseSort(new URLSearchParams('sort=__proto__&dir=desc'), columns, fallback)).toEqual(fallback);
  });
});

describe('nextSort and ariaSort', () => {
  it('flips the direction of the sorted column and starts another column ascending', () => {
    expect(nextSort({ column: 'name', direction: 'asc' }, 'name')).toEqual({
      column: 'name',
      direction: 'desc',
    });
    expect(nextSort({ column: 'name', direction: 'desc' }, 'name')).toEqual({
      column: 'name',
      direction: 'asc',
    });
    expect(nextSort({ column: 'name', direction: 'desc' }, 'code')).toEqual({
      column: 'code',
      direction: 'asc',
    });
  });

  it('marks only the sorted column', () => {
    const sort = { column: 'name', direction: 'desc' } as const;
    expect(ariaSort(sort, 'name')).toBe('descending');
    expect(ariaSort(sort, 'code')).toBeUndefined();
    expect(ariaSort({ column: 'code', direction: 'asc' }, 'code')).toBe('ascending');
  });
});
