import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dashboardUrl, tableRows, totalsRow } from './support/browser';
import { signedInUsers } from './support/test-page';

/**
 * Roadmaps from the school to the municipality, on the demo directory, which has no roadmaps
 * until the first scenario creates one. Year 2025 and the date 15.01.2026 (in the URL) make the
 * figures fixed: 17 of the template's 34 items are due by then, none done at first.
 */
const YEAR_AND_DATE = 'year=2025&asOf=2026-01-15';
const SCHOOL_ROADMAP = `/organizations/280001/roadmap?${YEAR_AND_DATE}`;
const TRACKER = `/municipalities/10712000/roadmaps?${YEAR_AND_DATE}`;
const FIRST_ITEM = 'Информирование педагогического сообщества образовательной организации';

const { pageAs } = signedInUsers(['curator.zeya1', 'coordinator.zeya', 'curator.zeya4']);

/** The progress figures as the page shows them: «Выполнено к дате», «В срок», «Просрочено»… */
async function figures(page: Page): Promise<Record<string, string>> {
  const entries = await page.$$eval('[data-figure]', (cells) =>
    cells.map((cell) => [cell.getAttribute('data-figure') ?? '', cell.textContent?.trim() ?? '']),
  );
  return Object.fromEntries(entries);
}

/** Waits for the one-time message of a change (a page keeps the previous one until it reloads). */
async function expectFlash(page: Page, message: string): Promise<void> {
  await page.locator('.flash', { hasText: message }).waitFor({ timeout: 15_000 });
}

describe('school roadmaps', () => {
  it('lets the curator create the 2025 roadmap from the template and mark an item done with evidence', async () => {
    const page = await pageAs('curator.zeya1', SCHOOL_ROADMAP);
    expect(await page.locator('h1').textContent()).toBe('Дорожная карта: МОАУ СОШ № 1');
    expect(await page.getByTestId('no-roadmap').textContent()).toContain(
      'На 2025/2026 учебный год дорожной карты образовательной организации нет.',
    );

    await page.getByRole('button', { name: 'Создать из типовой' }).click();
    await expectFlash(page, 'Дорожная карта создана из типовой');
    expect(await page.getByTestId('roadmap-status').textContent()).toContain('черновик');
    expect(await figures(page)).toMatchObject({
      dueDone: '0 из 17',
      doneOnTime: '0',
      overdue: '17',
      itemsTotal: '34',
    });
    const firstRow = page.locator('#roadmap-items tbody tr', { hasText: FIRST_ITEM });
    expect(await firstRow.textContent()).toContain('просрочено на 199');

    await firstRow.getByRole('link', { name: /^Отметить/ }).click();
    await page.waitForURL(/[?&]mark=\d+/);
    const form = page.locator('#mark-form');
    // Checked as it is typed, in the API's words, before anything is sent.
    await form.getByLabel('Ссылка на документ или публикацию').fill('school1-zeya.ru/prikaz-45.pdf');
    expect(await form.locator('.field-error').allTextContents()).toEqual([
      'ссылка должна начинаться с http:// или https://',
    ]);
    await form.getByRole('button', { name: 'Сохранить отметку' }).click();
    expect(await form.locator('.field-error').allTextContents()).toContain(
      'для отметки «выполнено» укажите дату выполнения',
    );

    await form.getByLabel('Дата выполнения').fill('2025-06-20');
    await form.getByLabel('Номер приказа или документа').fill('45-од');
    await form.getByLabel('Дата документа').fill('2025-06-18');
    await form
      .getByLabel('Ссылка на документ или публикацию')
      .fill('https://school1-zeya.ru/docs/prikaz-45.pdf');
    await form.getByLabel('Комментарий').fill('Педагогический совет 20.06.2025');
    expect(await form.locator('.field-error').count()).toBe(0);
    await form.getByRole('button', { name: 'Сохранить отметку' }).click();

    await expectFlash(page, 'Отметка о выполнении сохранена: «выполнено».');
    expect(page.url()).not.toContain('mark=');
    expect(await figures(page)).toMatchObject({ dueDone: '1 из 17', doneOnTime: '1', overdue: '16' });
    expect(await page.locator('.progress .share').textContent()).toContain('5,9\u00a0%');
    const marked = (await firstRow.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(marked).toContain('выполнено');
    expect(marked).toContain('20.06.2025');
    expect(marked).toContain('Документ № 45-од от 18.06.2025');
    expect(marked).not.toContain('просрочено');
    expect(await firstRow.getByRole('link', { name: /prikaz-45\.pdf/ }).getAttribute('href')).toBe(
      'https://school1-zeya.ru/docs/prikaz-45.pdf',
    );
  });

  it('shows the coordinator the new percentage in the tracker, and the schools without a roadmap', async () => {
    const page = await pageAs('coordinator.zeya', '/municipalities/10712000');
    await page.getByRole('link', { name: 'Дорожные карты ОО' }).click();
    await page.waitForURL('**/municipalities/10712000/roadmaps');
    // The figures below are for the fixed date.
    await page.goto(dashboardUrl(TRACKER));
    expect(await page.locator('h1').textContent()).toBe('Дорожные карты ОО: город Зея');

    const rows = await tableRows(page, '#tracker');
    const school = rows.find((row) => row[0] === 'МОАУ СОШ № 1');
    expect(school?.slice(0, 6)).toEqual(['МОАУ СОШ № 1', 'черновик', '5,9\u00a0%', '1\u00a0/ 17', '16', '0']);
    const others = rows.filter((row) => row[0] !== 'МОАУ СОШ № 1');
    expect(others).toHaveLength(4);
    for (const row of others) expect(row.slice(1, 3)).toEqual(['нет дорожной карты', '—']);
    expect(await totalsRow(page, '#tracker')).toEqual([
      'Итого: 5\u00a0образовательных организаций',
      '5,9\u00a0%',
      '1\u00a0/ 17',
      '16',
      '0',
      '',
    ]);

    const pending = await page.locator('#pending-schools li').allTextContents();
    expect(pending.map((line) => line.replace(/\s+/g, ' ').trim())).toContain(
      'МОАУ СОШ № 4 — нет дорожной карты',
    );
    expect(await page.locator('#overdue-heading').textContent()).toContain('(16)');

    await page.locator('#tracker').getByRole('link', { name: 'МОАУ СОШ № 1' }).click();
    await page.waitForURL(/\/organizations\/280001\/roadmap\?year=2025/);
    expect(await page.locator('h1').textContent()).toBe('Дорожная карта: МОАУ СОШ № 1');
  });

  it('exports the tracker as it is filtered: schools without a roadmap', async () => {
    const page = await pageAs('coordinator.zeya', `${TRACKER}&state=none`);
    expect(await tableRows(page, '#tracker')).toHaveLength(4);
    const href = await page.getByRole('link', { name: /Скачать XLSX/ }).getAttribute('href');
    expect(href).toContain('state=none');
    const response = await page.request.get(dashboardUrl(href ?? ''));
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    // A copy with its own ArrayBuffer, the type exceljs expects.
    await workbook.xlsx.load(new Uint8Array(await response.body()).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(4).value).toBe('Состояние согласования');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(4).value).toBe('нет дорожной карты');
    expect(sheet.getRow(6).getCell(1).value).toBe('Итого');
  });

  it('lets the coordinator return a submitted roadmap with a comment, which the curator then sees', async () => {
    const curator = await pageAs('curator.zeya1', SCHOOL_ROADMAP);
    await curator.getByRole('button', { name: 'Отправить на согласование' }).click();
    await expectFlash(curator, 'Дорожная карта отправлена на согласование.');
    expect(await curator.getByTestId('roadmap-status').textContent()).toContain('на согласовании');

    const coordinator = await pageAs('coordinator.zeya', SCHOOL_ROADMAP);
    expect(await coordinator.getByRole('button', { name: 'Согласовать' }).count()).toBe(1);
    await coordinator.getByRole('button', { name: 'Вернуть на доработку' }).click();
    expect(await coordinator.locator('.return-form .field-error').textContent()).toBe(
      'укажите, что нужно доработать',
    );
    const comment = 'Уточните сроки мероприятий 21 и 22: укажите даты встреч, а не недели ноября.';
    await coordinator.getByLabel('Что доработать').fill(comment);
    await coordinator.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await expectFlash(coordinator, 'Дорожная карта возвращена на доработку с комментарием.');

    await curator.reload();
    expect(await curator.getByTestId('roadmap-status').textContent()).toContain('возвращена на доработку');
    expect(await curator.getByTestId('status-comment').textContent()).toBe(comment);
    // Returned means editable again: the curator may change the plan and submit anew.
    expect(await curator.getByRole('button', { name: 'Отправить на согласование' }).count()).toBe(1);
    expect(await curator.getByRole('link', { name: 'Добавить мероприятие' }).count()).toBe(1);
  });

  it('answers a curator of another school with the Russian 404 page for 280001’s roadmap', async () => {
    const page = await pageAs('curator.zeya4', '/organizations/280002');
    const response = await page.goto(dashboardUrl(SCHOOL_ROADMAP));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    expect(await page.locator('main').textContent()).toContain(
      'Образовательная организация с кодом «280001» не найдена.',
    );
    const exported = await page.request.get(
      dashboardUrl(`/organizations/280001/roadmap/export.xlsx?${YEAR_AND_DATE}`),
    );
    expect(exported.status()).toBe(404);
  });

  it('checks a roadmap file first, lists its problems by row and column, then loads a correct one', async () => {
    const page = await pageAs('curator.zeya4', `/organizations/280002/roadmap?${YEAR_AND_DATE}`);
    await page.getByText('Загрузить из файла (XLSX или CSV)').click();
    const upload = async (name: string, lines: string[]) => {
      await page.getByLabel('Файл дорожной карты').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n'), 'utf8'),
      });
      await page.getByRole('button', { name: 'Проверить файл' }).click();
      await page.locator('#import .result h3', { hasText: name }).waitFor();
    };

    await upload('без сроков.csv', ['Мероприятие;Ответственные', 'Обучение наставников;Администрация ОО']);
    expect(await tableRows(page, '#import-problems')).toEqual([
      ['1', 'Сроки', expect.stringContaining('Нет столбца «Сроки»')],
    ]);
    expect(await page.getByRole('button', { name: 'Загрузить дорожную карту' }).count()).toBe(0);

    await upload('дорожная карта СОШ 4.csv', [
      '№ п/п;Мероприятие;Сроки;Ответственные;Результат / вид документа;Отметка о выполнении',
      '1.;Назначение куратора внедрения целевой модели наставничества;До 05.09.2025;Директор;Приказ ОО;',
      '2.;Обучение наставников;Когда-нибудь;Администрация ОО;Сертификаты;',
    ]);
    expect(await page.locator('#import .result').textContent()).toContain(
      'будет создана новая дорожная карта',
    );
    expect(await tableRows(page, '#import-deadlines')).toEqual([
      ['3', 'Когда-нибудь', expect.stringContaining('когда-нибудь')],
    ]);
    await page.getByRole('button', { name: 'Загрузить дорожную карту' }).click();
    await expectFlash(
      page,
      'Дорожная карта загружена из файла «дорожная карта СОШ 4.csv»: 2\u00a0мероприятия.',
    );
    expect(await page.locator('#roadmap-items tbody tr').count()).toBe(2);
    expect(await page.locator('#roadmap-items').textContent()).toContain('Когда-нибудь');
  });
});
