import { describe, expect, it } from 'vitest';
import { exportHref, hrefWith, MAX_SEARCH_LENGTH, parseListQuery, takeWindow } from './list-query';

const options = {
  columns: ['code', 'name'] as const,
  defaultSort: { column: 'name', direction: 'asc' } as const,
  pageSize: 50,
  maxRows: 10_000,
};

describe('parseListQuery', () => {
  it('reads search, sort and limit from the URL', () => {
    const url = new URL('http://x/regions/52?q=%20лицей%20&sort=code&dir=desc&limit=100');
    expect(parseListQuery(url, options)).toEqual({
      search: 'лицей',
      sort: { column: 'code', direction: 'desc' },
      limit: 100,
    });
  });

  it('shows one page when the limit is missing or not a number', () => {
    expect(parseListQuery(new URL('http://x/'), options).limit).toBe(50);
    expect(parseListQuery(new URL('http://x/?limit=abc'), options).limit).toBe(50);
  });

  it('keeps the limit between one page and the row ceiling', () => {
    expect(parseListQuery(new URL('http://x/?limit=3'), options).limit).toBe(50);
    expect(parseListQuery(new URL('http://x/?limit=99999999'), options).limit).toBe(10_000);
  });

  it('cuts an overlong search', () => {
    const url = new URL(`http://x/?q=${'я'.repeat(500)}`);
    expect(parseListQuery(url, options).search).toHaveLength(MAX_SEARCH_LENGTH);
  });
});

describe('hrefWith', () => {
  const url = new URL('http://x/regions/52?q=Зея&limit=100');

  it('replaces some parameters and keeps the others', () => {
    const href = hrefWith(url, { sort: 'code', dir: 'desc' });
    const params = new URL(href, url).searchParams;
    expect(href.startsWith('/regions/52?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({ q: 'Зея', limit: '100', sort: 'code', dir: 'desc' });
  });

  it('drops parameters set to null or empty, and the question mark with the last one', () => {
    expect(hrefWith(url, { q: null, limit: '' })).toBe('/regions/52');
  });
});

describe('exportHref', () => {
  it('carries search and order but not the number of rows on screen', () => {
    const url = new URL('http://x/regions/52?q=округ&sort=kind&dir=desc&limit=100');
    const href = exportHref(url, '/regions/52/export.xlsx');
    expect(href.startsWith('/regions/52/export.xlsx?')).toBe(true);
    expect(Object.fromEntries(new URL(href, url).searchParams)).toEqual({
      q: 'округ',
      sort: 'kind',
      dir: 'desc',
    });
  });

  it('is the bare path when the list is unfiltered', () => {
    expect(exportHref(new URL('http://x/'), '/export.xlsx')).toBe('/export.xlsx');
  });
});

describe('takeWindow', () => {
  const rows = Array.from({ length: 12 }, (_, index) => index);

  it('shows the first rows and offers one more page', () => {
    expect(takeWindow(rows, 5, 5)).toEqual({
      rows: [0, 1, 2, 3, 4],
      shown: 5,
      total: 12,
      hasMore: true,
      nextLimit: 10,
    });
  });

  it('offers nothing more once every row is shown', () => {
    const window = takeWindow(rows, 15, 5);
    expect(window.shown).toBe(12);
    expect(window.hasMore).toBe(false);
  });
});
