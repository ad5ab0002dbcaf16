import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_PAGE_SIZE } from './global-setup';
import { dashboardUrl, openHydrated, tableRows, totalsRow } from './support/browser';
import type { SignedInState } from './support/login';
import { freshPageForEachTest } from './support/test-page';

let browser: Browser;
let page: Page;
let analyst: SignedInState | undefined;

// The federal analyst sees the whole demo directory.
freshPageForEachTest((opened) => ({ browser, page, storageState: analyst } = opened), {
  signedInAs: 'analyst.rf',
});

function column(rows: string[][], index: number): string[] {
  return rows.map((row) => row[index]);
}

function sortHeader(name: string) {
  return page.locator('thead th', { hasText: name });
}

/** Downloads the table's XLSX export and returns its rows as text, header row first. */
async function downloadExport(): Promise<{ fileName: string; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Скачать XLSX/ }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => {
    // exceljs leaves empty cells as holes in a 1-based array; Array.from turns holes into ''.
    const values = row.values as unknown[];
    rows.push(
      Array.from(values.slice(1), (value) => (value === undefined || value === null ? '' : String(value))),
    );
  });
  return { fileName: download.suggestedFilename(), rows };
}

describe('search', () => {
  it('filters the list on the server and keeps the query in the URL', async () => {
    // Typing before hydration is undone when the form hydrates; a person types later than that.
    await openHydrated(page, '/regions/28');
    await page.getByLabel('Поиск муниципального образования').fill('Зе');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Зе');

    const rows = await tableRows(page, '#municipalities');
    expect(column(rows, 1)).toEqual(['город Зея', 'Зейский муниципальный округ']);
    expect(await totalsRow(page, '#municipalities')).toEqual([
      'Итого: 2\u00a0муниципальных образования',
      '8',
    ]);

    // The URL alone reproduces the result: a reload (or a shared link) shows the same rows.
    await page.reload();
    expect(column(await tableRows(page, '#municipalities'), 1)).toEqual([
      'город Зея',
      'Зейский муниципальный округ',
    ]);
    expect(await page.getByLabel('Поиск муниципального образования').inputValue()).toBe('Зе');

    await page.getByRole('link', { name: 'Сбросить' }).click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    expect(await tableRows(page, '#municipalities')).toHaveLength(4);
  });

  it('says so when nothing matches', async () => {
    await page.goto(dashboardUrl('/?q=Москва'));
    expect(await page.locator('main').textContent()).toContain('По запросу «Москва» субъекты РФ не найдены.');
    expect(await page.locator('#regions').count()).toBe(0);
  });
});

describe('sorting', () => {
  it('reorders rows by a clicked column, both ways, and marks the column with aria-sort', async () => {
    await page.goto(dashboardUrl('/'));
    expect(await sortHeader('Субъект РФ').getAttribute('aria-sort')).toBe('ascending');

    await sortHeader('Образовательных организаций').getByRole('link').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'organizations');
    expect(column(await tableRows(page, '#regions'), 3)).toEqual(['7', '16', '20']);
    expect(await sortHeader('Образовательных организаций').getAttribute('aria-sort')).toBe('ascending');
    expect(await sortHeader('Субъект РФ').getAttribute('aria-sort')).toBeNull();

    await sortHeader('Образовательных организаций').getByRole('link').click();
    await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
    expect(column(await tableRows(page, '#regions'), 1)).toEqual([
      'Нижегородская область',
      'Амурская область',
      'Республика Дагестан',
    ]);
    expect(await sortHeader('Образовательных организаций').getAttribute('aria-sort')).toBe('descending');
    // The totals do not depend on the order.
    expect(await totalsRow(page, '#regions')).toEqual(['Итого: 3\u00a0субъекта РФ', '10', '43']);
  });

  it('works from the keyboard and keeps focus on the header', async () => {
    await openHydrated(page, '/municipalities/10712000');
    await sortHeader('ИНН').getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'inn');
    const ascending = column(await tableRows(page, '#organizations'), 3);
    expect(ascending).toEqual([...ascending].sort());

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
    expect(column(await tableRows(page, '#organizations'), 3)).toEqual([...ascending].reverse());
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.textContent)).toContain('ИНН');
  });
});

describe('paging', () => {
  it('shows one page and reveals the next with «Показать ещё»', async () => {
    // Лысковский муниципальный округ has six organizations; the tests page by five.
    await openHydrated(page, '/municipalities/22639000');
    expect(await tableRows(page, '#organizations')).toHaveLength(E2E_PAGE_SIZE);
    expect(await page.getByRole('status').textContent()).toContain('Показано 5 из 6');

    await page.getByRole('link', { name: /Показать ещё/ }).click();
    await page.waitForURL((url) => url.searchParams.get('limit') === String(2 * E2E_PAGE_SIZE));
    const rows = await tableRows(page, '#organizations');
    expect(rows).toHaveLength(6);
    expect(await page.getByRole('status').textContent()).toContain('Показано 6 из 6');
    expect(await page.getByRole('link', { name: /Показать ещё/ }).count()).toBe(0);
    // Keyboard users land on the first new row rather than at the top of the page.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(rows[5][1]);
  });
});

describe('XLSX export', () => {
  it('downloads the regions table, in the order shown, with Russian headers and the totals row', async () => {
    await page.goto(dashboardUrl('/?sort=municipalities&dir=desc'));
    const table = await tableRows(page, '#regions');
    const { fileName, rows } = await downloadExport();

    expect(fileName).toBe('Субъекты РФ.xlsx');
    expect(rows[0]).toEqual([
      'Код',
      'Субъект РФ',
      'Муниципальных образований',
      'Образовательных организаций',
    ]);
    expect(rows.slice(1, -1)).toEqual(table);
    expect(rows.at(-1)).toEqual(['Итого', '', '10', '43']);
  });

  it('downloads the organizations of a municipality as filtered and sorted on the page', async () => {
    await page.goto(dashboardUrl('/municipalities/22701000?q=школа&sort=shortName&dir=desc'));
    const table = await tableRows(page, '#organizations');
    expect(table.length).toBeGreaterThan(1);
    const { fileName, rows } = await downloadExport();

    expect(fileName).toBe('Образовательные организации — город Нижний Новгород.xlsx');
    expect(rows[0]).toEqual(['Код ОО', 'Краткое наименование', 'Тип', 'ИНН', 'Адрес']);
    expect(rows.slice(1)).toEqual(table);
  });
});

describe('without JavaScript', () => {
  it('still searches and sorts through plain links and forms', async () => {
    const context = await browser.newContext({
      locale: 'ru-RU',
      javaScriptEnabled: false,
      storageState: analyst,
    });
    const plain = await context.newPage();
    try {
      await plain.goto(dashboardUrl('/'));
      await plain.getByLabel('Поиск субъекта РФ').fill('область');
      await Promise.all([
        plain.waitForURL((url) => url.searchParams.get('q') === 'область'),
        plain.keyboard.press('Enter'),
      ]);
      expect(column(await tableRows(plain, '#regions'), 1)).toEqual([
        'Амурская область',
        'Нижегородская область',
      ]);

      await Promise.all([
        plain.waitForURL((url) => url.searchParams.get('dir') === 'desc'),
        plain.locator('thead th', { hasText: 'Субъект РФ' }).getByRole('link').click(),
      ]);
      expect(column(await tableRows(plain, '#regions'), 1)).toEqual([
        'Нижегородская область',
        'Амурская область',
      ]);
      expect(new URL(plain.url()).searchParams.get('q')).toBe('область');
    } finally {
      await context.close();
    }
  });
});
