import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { breadcrumbs, dashboardUrl, openHydrated, tableRows, totalsRow } from './support/browser';
import { freshPageForEachTest } from './support/test-page';

let page: Page;

// The federal analyst sees the whole demo directory.
freshPageForEachTest((opened) => ({ page } = opened), { signedInAs: 'analyst.rf' });

describe('the directory from the federation down', () => {
  it('lists the demo regions with their municipality and organization counts and totals', async () => {
    await page.goto(dashboardUrl('/'));

    expect(await page.locator('header').textContent()).toContain('Наставник');
    expect(await page.locator('header').textContent()).toContain('Целевая модель наставничества');
    expect(await page.locator('h1').textContent()).toBe('Субъекты Российской Федерации');

    const rows = await tableRows(page, '#regions');
    expect(rows).toEqual([
      ['28', 'Амурская область', '4', '16'],
      ['52', 'Нижегородская область', '4', '20'],
      ['05', 'Республика Дагестан', '2', '7'],
    ]);
    expect(await totalsRow(page, '#regions')).toEqual(['Итого: 3\u00a0субъекта РФ', '10', '43']);
  });

  it('drills down region → municipality → organization and climbs back by the breadcrumbs', async () => {
    await page.goto(dashboardUrl('/'));

    await page.getByRole('link', { name: 'Амурская область' }).click();
    await page.waitForURL('**/regions/28');
    expect(await page.locator('h1').textContent()).toBe('Амурская область');
    expect(await breadcrumbs(page)).toEqual(['Российская Федерация', 'Амурская область']);
    expect(await tableRows(page, '#municipalities')).toContainEqual([
      '10712000',
      'город Зея',
      'городской округ',
      '5',
    ]);
    expect(await totalsRow(page, '#municipalities')).toEqual([
      'Итого: 4\u00a0муниципальных образования',
      '16',
    ]);

    await page.getByRole('link', { name: 'город Зея' }).click();
    await page.waitForURL('**/municipalities/10712000');
    expect(await page.locator('h1').textContent()).toBe('город Зея');
    expect(await breadcrumbs(page)).toEqual(['Российская Федерация', 'Амурская область', 'город Зея']);
    const organizations = await tableRows(page, '#organizations');
    expect(organizations).toHaveLength(5);
    expect(organizations).toContainEqual([
      '280001',
      'МОАУ СОШ № 1',
      'общеобразовательная организация',
      '2822330799',
      'Амурская обл., г. Зея',
    ]);

    await page.getByRole('link', { name: 'МОАУ СОШ № 1', exact: true }).click();
    await page.waitForURL('**/organizations/280001');
    expect(await page.locator('h1').textContent()).toBe('МОАУ СОШ № 1');
    expect(await breadcrumbs(page)).toEqual([
      'Российская Федерация',
      'Амурская область',
      'город Зея',
      'МОАУ СОШ № 1',
    ]);
    expect(await page.locator('nav.breadcrumbs [aria-current="page"]').textContent()).toBe('МОАУ СОШ № 1');
    const card = await page.locator('dl.facts').textContent();
    expect(card).toContain(
      'Муниципальное общеобразовательное автономное учреждение «Средняя общеобразовательная школа № 1 г. Зеи»',
    );
    expect(card).toContain('2822330799');
    expect(card).toContain('ОКТМО 10712000');

    await page.locator('nav.breadcrumbs').getByRole('link', { name: 'город Зея' }).click();
    await page.waitForURL('**/municipalities/10712000');
    await page.locator('nav.breadcrumbs').getByRole('link', { name: 'Амурская область' }).click();
    await page.waitForURL('**/regions/28');
    await page.locator('nav.breadcrumbs').getByRole('link', { name: 'Российская Федерация' }).click();
    await page.waitForURL(dashboardUrl('/'));
    expect(await page.locator('h1').textContent()).toBe('Субъекты Российской Федерации');
  });

  it('keeps wide tables scrolling inside their frame on a phone instead of widening the page', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(dashboardUrl('/municipalities/22639000'));
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      table: document.querySelector('#organizations')?.scrollWidth ?? 0,
    }));
    expect(widths.table).toBeGreaterThan(widths.viewport);
    expect(widths.page).toBe(widths.viewport);
  });

  it.each([
    ['/regions/99', 'Субъект РФ с кодом «99» не найден.'],
    ['/municipalities/00000000', 'Муниципальное образование с кодом ОКТМО «00000000» не найдено.'],
    ['/organizations/000000', 'Образовательная организация с кодом «000000» не найдена.'],
    ['/no-such-page', 'Такой страницы нет.'],
  ])('answers %s with the Russian 404 page', async (path, message) => {
    const response = await page.goto(dashboardUrl(path));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    expect(await page.locator('main').textContent()).toContain(message);
    await page.getByRole('link', { name: 'Перейти к списку субъектов РФ' }).click();
    await page.waitForURL(dashboardUrl('/'));
  });

  it('shows the 404 page when an unknown code is followed from inside the app', async () => {
    await openHydrated(page, '/');
    // Client-side navigation goes through the same server load; it must not fall back to a blank page.
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '/regions/77';
      link.textContent = 'несуществующий субъект';
      document.querySelector('main')?.append(link);
    });
    await page.getByRole('link', { name: 'несуществующий субъект' }).click();
    await page.waitForURL('**/regions/77');
    expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    expect(await page.locator('main').textContent()).toContain('Субъект РФ с кодом «77» не найден.');
  });
});
