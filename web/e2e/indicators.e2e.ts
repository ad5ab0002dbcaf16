import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryApiAsAnalytics } from './support/api';
import { breadcrumbs, dashboardUrl, openHydrated, tableRows, totalsRow } from './support/browser';
import { login } from './support/login';
import { freshPageForEachTest } from './support/test-page';

/**
 * The analyst's dashboard on the demo data (server/src/db/seeders/demo-mentoring.seeder.ts):
 * schools of Благовещенск and Свободный (Амурская область) with contingent and mentoring in
 * 2025/2026, one of them without its pupils aged 10–18 for that year. Figures are compared with
 * the API's own, asked for directly by the realm's external system (субъект РФ 28).
 */

let page: Page;
freshPageForEachTest((opened) => ({ page } = opened), { signedInAs: 'analyst.rf' });

interface Value {
  code: string;
  name: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
}

interface Rollup {
  values: Value[];
  children: { unit: { code: string; name: string }; values: Value[] }[];
}

function rollupOf(level: string, code: string): Promise<Rollup> {
  return queryApiAsAnalytics<{ indicatorRollup: Rollup }>(
    `query($unit: UnitInput!) {
       indicatorRollup(unit: $unit, academicYear: 2025) {
         values { code name value numerator denominator }
         children { unit { code name } values { code name value numerator denominator } }
       }
     }`,
    { unit: { level, code } },
  ).then((data) => data.indicatorRollup);
}

/** The bars in the order the chart draws them: largest value first, units without one left out. */
function barOrder(rollup: Rollup, indicator: string): string[] {
  return rollup.children
    .map((child) => ({
      code: child.unit.code,
      name: child.unit.name,
      value: child.values.find((v) => v.code === indicator)?.value ?? null,
    }))
    .filter((child): child is { code: string; name: string; value: number } => child.value !== null)
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'ru'))
    .map((child) => child.code);
}

describe('the analyst’s indicators', () => {
  it('drills from the country to a school by clicking, and exports a table whose totals are the API’s', async () => {
    await openHydrated(page, '/indicators');
    expect(await page.locator('h1').textContent()).toBe('Целевые показатели: Российская Федерация');

    await page.getByLabel('Учебный год', { exact: true }).selectOption('2025');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/[?&]year=2025/);
    expect(await page.locator('main > p.muted').first().textContent()).toContain('2025/2026 учебный год');
    const charted = await page.getByLabel('Показатель на диаграмме').inputValue();
    // Most schools of the country reported no contingent: the share rests on incomplete data.
    const card = page.locator(`[data-indicator="${charted}"]`);
    expect(await card.getByTestId('incomplete').textContent()).toBe('данные неполные');

    // A row's link opens the region.
    await page
      .locator('#indicator-table')
      .getByRole('link', { name: 'Амурская область', exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/indicators/region/28' && url.searchParams.get('year') === '2025',
    );
    expect(await page.locator('h1').textContent()).toBe('Целевые показатели: Амурская область');

    // A bar opens the municipality, as its row would.
    const region = await rollupOf('REGION', '28');
    const bars = barOrder(region, charted);
    expect(bars).toContain('10701000');
    const bar = page.locator('[data-testid="indicator-chart"] .lc-bar').nth(bars.indexOf('10701000'));
    await bar.waitFor();
    // The chart's tooltip layer lies over the bars and takes the click, as it does a user's.
    await bar.click({ force: true });
    await page.waitForURL((url) => url.pathname === '/indicators/municipality/10701000');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
    expect(await page.locator('h1').textContent()).toBe('Целевые показатели: город Благовещенск');
    expect(await breadcrumbs(page)).toEqual([
      'Российская Федерация',
      'Целевые показатели',
      'Амурская область',
      'город Благовещенск',
    ]);

    // The table's last row is the municipality itself: Σ numerator / Σ denominator, as the API says.
    const municipality = await rollupOf('MUNICIPALITY', '10701000');
    const schools = await tableRows(page, '#indicator-table');
    expect(schools.map((row) => row[0]).sort()).toEqual(
      municipality.children.map((child) => child.unit.code).sort(),
    );
    const totals = await totalsRow(page, '#indicator-table');
    expect(totals[0]).toBe('Итого: город Благовещенск, 5\u00a0образовательных организаций');

    const link = page.getByRole('link', { name: /Скачать XLSX/ });
    expect(await link.getAttribute('href')).toContain('year=2025');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Целевые показатели 2025-2026 — город Благовещенск.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['Код ОО', 'ОО']);
    expect(sheet.rowCount).toBe(municipality.children.length + 2);
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('Итого');
    // Each exported indicator: value, numerator, denominator — the API's figures for the unit.
    const exported = (header.slice(3) as string[]).filter(
      (title) => !/: (числитель|знаменатель)$/.test(title),
    );
    expect(exported.length).toBeGreaterThan(0);
    exported.forEach((title, index) => {
      const value = municipality.values.find((candidate) => title.startsWith(candidate.name));
      expect(value, title).toBeDefined();
      const cells = [3, 4, 5].map((offset) => last.getCell(3 * index + offset).value ?? null);
      expect(cells, title).toEqual([value!.value, value!.numerator, value!.denominator]);
    });

    // A school's page: its own cards, nothing below it.
    // Schools go by their short names, as everywhere on the dashboard.
    await page
      .locator('#indicator-table')
      .getByRole('link', { name: 'МАОУ «Школа № 2 г. Благовещенска»', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/indicators/organization/280006');
    expect(await page.locator('h1').textContent()).toBe(
      'Целевые показатели: МАОУ «Школа № 2 г. Благовещенска»',
    );
    expect(await page.locator('#indicator-table').count()).toBe(0);
    const shown = await page.locator(`[data-indicator="${charted}"] [data-figure="fraction"]`).textContent();
    const school = municipality.children.find((child) => child.unit.code === '280006')!;
    const own = school.values.find((value) => value.code === charted)!;
    expect(shown).toBe(
      `${own.numerator.toLocaleString('ru-RU')} из ${own.denominator?.toLocaleString('ru-RU')}`,
    );
  });

  it('shows the chosen indicators as columns and narrows the table to units with incomplete data', async () => {
    await openHydrated(page, '/indicators/region/28?year=2025');
    const [first, , , , fifth] = (await rollupOf('REGION', '28')).values;
    await page.locator('summary', { hasText: 'Показатели в таблице' }).click();
    await page.getByRole('checkbox', { name: fifth.name, exact: true }).check();
    await page.getByRole('button', { name: 'Показать' }).click();
    // The form sends one `col` per box; the page keeps them as one list in the URL.
    await page.waitForURL((url) => url.searchParams.getAll('col').length === 1);
    const headers = await page.locator('#indicator-table thead th').allTextContents();
    expect(headers.some((text) => text.includes(fifth.name))).toBe(true);
    expect(headers.some((text) => text.includes(first.name))).toBe(true);

    await page.getByRole('checkbox', { name: 'данные неполные' }).check();
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL((url) => url.searchParams.get('incomplete') === '1');
    // Благовещенск: one school did not report its pupils aged 10–18 for 2025/2026.
    const rows = await tableRows(page, '#indicator-table');
    expect(rows.map((row) => row[1])).toContain('город Благовещенск');
    expect(new URL(page.url()).searchParams.get('col')?.split(',')).toContain(fifth.code);

    // A code the region does not have (an old link) is dropped; the known ones stay.
    const response = await page.goto(
      dashboardUrl(`/indicators/region/28?year=2025&col=NO_SUCH,${fifth.code}`),
    );
    expect(response?.status()).toBe(200);
    const kept = await page.locator('#indicator-table thead th').allTextContents();
    expect(kept.some((text) => text.includes(fifth.name))).toBe(true);
    expect(kept.some((text) => text.includes(first.name))).toBe(true);
  });
});

describe('a regional analyst', () => {
  it('starts on the indicators of their region and cannot open another region’s', async () => {
    await page.context().clearCookies();
    await login(page, 'analyst.28');
    expect(new URL(page.url()).pathname).toBe('/indicators/region/28');
    expect(await page.locator('h1').textContent()).toBe('Целевые показатели: Амурская область');
    const response = await page.goto(dashboardUrl('/indicators/region/52'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').textContent()).toContain('Субъект РФ с кодом «52» не найден.');
  });
});
