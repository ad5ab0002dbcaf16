import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dashboardUrl } from './support/browser';
import { signedInUsers } from './support/test-page';

/**
 * A school's statistical report on its way up, for the current academic year (the roadmap
 * scenarios work in 2025/2026, so a lock here never touches them): while it is a draft the
 * school's curator corrects a cell by hand with a reason and takes the correction back; then the
 * school submits, the municipality returns it with a comment and later accepts it, the region
 * approves it — which locks the school's year — and unlocks it with a reason, so nothing stays
 * locked afterwards.
 */
const TODAY = new Date().toISOString().slice(0, 10);
const ACADEMIC_YEAR = Number(TODAY.slice(0, 4)) - (Number(TODAY.slice(5, 7)) < 9 ? 1 : 0);
const YEAR = `year=${ACADEMIC_YEAR}`;
/** The form is due on 20 June at the end of the academic year. */
const ON_TIME = TODAY <= `${ACADEMIC_YEAR + 1}-06-20`;
const STATUS_PAGE = `/municipalities/10712000/reports?${YEAR}`;
const SCHOOL_REPORT = `/organizations/280001/report?${YEAR}`;

const { pageAs, contextAs } = signedInUsers(['curator.zeya1', 'coordinator.zeya', 'admin.28']);

/** The row of school 280001 in the status table. */
function schoolRow(page: Page): Locator {
  return page
    .locator('#report-status tbody tr')
    .filter({ has: page.locator('td.code', { hasText: /^280001$/ }) });
}

async function cells(row: Locator): Promise<string[]> {
  return (await row.locator('td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function expectFlash(page: Page, message: string): Promise<void> {
  await page.locator('.flash', { hasText: message }).waitFor({ timeout: 15_000 });
}

/** A cell of the school's report. */
function reportCell(page: Page, key: string): Locator {
  return page.locator(`td[data-cell="${key}"]`);
}

/** A cell's figure as it is seen on screen (the words for screen readers left out). */
function figure(page: Page, key: string): Promise<string> {
  return reportCell(page, key).evaluate((cell) => {
    const copy = cell.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').trim();
  });
}

const CELL = '01.3';
const REASON = 'Двое обучающихся внесены в базу после срока';

describe('statistical reporting', () => {
  it('lets the curator correct a cell of the draft with a reason, shown beside the computed value, and take it back', async () => {
    const curator = await pageAs('curator.zeya1', SCHOOL_REPORT);
    expect(await curator.getByTestId('report-status').textContent()).toBe('черновик');
    expect(await curator.getByTestId('corrections').count()).toBe(0);
    const computed = await figure(curator, CELL);

    // A figure of the table opens the form on its cell.
    await reportCell(curator, CELL).getByRole('link').click();
    await curator.waitForURL((url) => url.searchParams.get('cell') === CELL);
    const form = curator.locator('form#correction');
    expect(await form.getByLabel('Ячейка (строка.графа)').inputValue()).toBe(CELL);
    expect(await form.locator('.field-hint', { hasText: 'Сейчас в отчёте' }).textContent()).toBe(
      `Сейчас в отчёте: ${computed}, вычислено по данным системы`,
    );

    // Without a reason the form says so beside the field and sends nothing.
    await form.getByLabel('Исправленное значение').fill('987');
    await form.getByRole('button', { name: 'Исправить' }).click();
    const reason = form.getByLabel('Причина исправления');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').allTextContents()).toEqual(['укажите причину исправления']);
    await curator.reload();
    expect(await figure(curator, CELL)).toBe(computed);
    expect(await curator.getByTestId('corrections').count()).toBe(0);

    await form.getByLabel('Исправленное значение').fill('987');
    await form.getByLabel('Причина исправления').fill(REASON);
    await form.getByRole('button', { name: 'Исправить' }).click();
    await expectFlash(curator, `Значение ячейки ${CELL} исправлено: 987 (вычислено ${computed}).`);
    expect(new URL(curator.url()).searchParams.has('cell')).toBe(false);
    expect(await curator.locator('form#correction').count()).toBe(0);
    const note = `исправлено вручную (вычислено ${computed}): ${REASON}`;
    expect(await reportCell(curator, CELL).getAttribute('class')).toContain('corrected');
    expect(await reportCell(curator, CELL).getAttribute('title')).toBe(note);
    expect(await figure(curator, CELL)).toBe('987*');
    const listed = curator.getByTestId('corrections').locator(`li[data-correction="${CELL}"]`);
    expect(await listed.textContent()).toContain(`Ячейка ${CELL}: 987 — ${note}`);

    // The curator takes the correction back, again with a reason: the computed value returns.
    await listed.locator('summary', { hasText: 'Вернуть вычисленное значение' }).click();
    await listed.getByLabel('Почему возвращается вычисленное значение').fill('Обучающиеся внесены в систему');
    await listed.getByRole('button', { name: /^Вернуть вычисленное/ }).click();
    await expectFlash(
      curator,
      `Исправление ячейки ${CELL} убрано: в отчёте снова вычисленное значение ${computed}.`,
    );
    expect(await figure(curator, CELL)).toBe(computed);
    expect(await reportCell(curator, CELL).getAttribute('class')).not.toContain('corrected');
    expect(await curator.getByTestId('corrections').count()).toBe(0);
  });

  it('keeps the correction form working without JavaScript: a missing reason comes back beside its field', async () => {
    const context = await contextAs('curator.zeya1', { javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(dashboardUrl(`${SCHOOL_REPORT}&cell=${CELL}`));
    const computed = await figure(plain, CELL);
    const form = plain.locator('form#correction');
    expect(await form.getByLabel('Ячейка (строка.графа)').inputValue()).toBe(CELL);
    await form.getByLabel('Исправленное значение').fill('1 234');
    await form.getByLabel('Причина исправления').fill('   ');
    await Promise.all([
      plain.waitForURL((url) => url.search.includes('correct')),
      form.getByRole('button', { name: 'Исправить' }).click(),
    ]);

    const refused = plain.locator('form#correction');
    expect(await refused.locator('.field-error').allTextContents()).toEqual(['укажите причину исправления']);
    expect(await refused.getByLabel('Ячейка (строка.графа)').inputValue()).toBe(CELL);
    expect(await refused.getByLabel('Исправленное значение').inputValue()).toBe('1 234');
    expect(await figure(plain, CELL)).toBe(computed);
    expect(await plain.getByTestId('corrections').count()).toBe(0);
  });

  it('offers no corrections to the municipality, and says why', async () => {
    const coordinator = await pageAs('coordinator.zeya', SCHOOL_REPORT);
    expect(await coordinator.getByTestId('correction-unavailable').textContent()).toBe(
      'Исправлять значения вручную может только куратор ОО.',
    );
    expect(await reportCell(coordinator, CELL).getByRole('link').count()).toBe(0);
  });

  it('lets the school submit, the coordinator return it with a comment, and accept it once resubmitted', async () => {
    const coordinator = await pageAs('coordinator.zeya', STATUS_PAGE);
    expect(await coordinator.locator('h1').textContent()).toBe('Отчётность ОО: город Зея');
    expect(await coordinator.locator('#report-status tbody tr').count()).toBe(5);
    expect(await coordinator.locator('[data-figure="expected"]').textContent()).toBe('5');
    expect(await coordinator.locator('[data-figure="submitted"]').textContent()).toBe('0 из 5 (0\u00a0%)');
    expect((await cells(schoolRow(coordinator)))[2]).toBe('черновик');

    const curator = await pageAs('curator.zeya1', SCHOOL_REPORT);
    expect(await curator.locator('h1').textContent()).toBe('Отчёт: МОАУ СОШ № 1');
    expect(await curator.getByTestId('report-status').textContent()).toBe('черновик');
    expect(await curator.locator('table').count()).toBeGreaterThan(0);
    await curator.getByRole('button', { name: /^Отправить в муниципалитет/ }).click();
    await expectFlash(curator, 'Отчёт отправлен в муниципалитет.');
    expect(await curator.getByTestId('report-status').textContent()).toBe('отправлен');
    // Sent reports are not corrected: the page says why instead of offering the form.
    expect(await curator.getByTestId('correction-unavailable').textContent()).toBe(
      'Исправлять можно черновик или возвращённый отчёт, а этот отчёт отправлен.',
    );
    expect(await reportCell(curator, CELL).getByRole('link').count()).toBe(0);

    await coordinator.reload();
    expect(await coordinator.locator('[data-figure="submitted"]').textContent()).toBe('1 из 5 (20\u00a0%)');
    const submitted = await cells(schoolRow(coordinator));
    expect(submitted[2]).toContain('отправлен');
    expect(submitted[4]).toBe(ON_TIME ? 'в срок' : 'с опозданием');

    const comment = 'Строка 03: проверьте число наставляемых 10–18 лет.';
    await schoolRow(coordinator).locator('summary', { hasText: 'Вернуть на доработку' }).click();
    await schoolRow(coordinator).getByLabel('Что доработать').fill(comment);
    await schoolRow(coordinator)
      .getByRole('button', { name: /^Вернуть на доработку/ })
      .click();
    await expectFlash(coordinator, 'Отчёт возвращён на доработку с комментарием.');
    const returned = await cells(schoolRow(coordinator));
    expect(returned[2]).toContain('возвращён на доработку');
    expect(returned[5]).toBe(comment);

    await curator.reload();
    expect(await curator.getByTestId('report-status').textContent()).toBe('возвращён на доработку');
    expect(await curator.getByTestId('status-comment').textContent()).toBe(comment);
    expect(await curator.getByRole('link', { name: 'Исправить значение ячейки' }).count()).toBe(1);
    await curator.getByRole('button', { name: /^Отправить в муниципалитет/ }).click();
    await expectFlash(curator, 'Отчёт отправлен в муниципалитет.');

    await coordinator.reload();
    await schoolRow(coordinator)
      .getByRole('button', { name: /^Принять/ })
      .click();
    await expectFlash(coordinator, 'Отчёт принят.');
    const accepted = schoolRow(coordinator);
    expect(await accepted.getByTestId('report-status').textContent()).toBe('принят муниципалитетом');
    // Until the region approves it the coordinator may still return it; approving is the region's.
    expect(await accepted.locator('summary').allTextContents()).toEqual(['Вернуть на доработку']);
    expect(await accepted.getByRole('button', { name: /^(Принять|Утвердить)/ }).count()).toBe(0);
  });

  it('lets the region approve the accepted report, which locks the year, and unlock it with a reason', async () => {
    const admin = await pageAs('admin.28', `/regions/28/reports?${YEAR}`);
    expect(await admin.locator('h1').textContent()).toBe('Отчётность ОО: Амурская область');
    expect(await admin.locator('[data-figure="awaiting"]').textContent()).toBe('1');
    await admin.locator('#report-completeness').getByRole('link', { name: 'город Зея' }).click();
    await admin.waitForURL((url) => url.pathname === '/municipalities/10712000/reports');
    expect(new URL(admin.url()).searchParams.get('year')).toBe(String(ACADEMIC_YEAR));

    await schoolRow(admin)
      .getByRole('button', { name: /^Утвердить/ })
      .click();
    await expectFlash(admin, 'Отчёт утверждён');
    expect((await cells(schoolRow(admin)))[2]).toContain('утверждён субъектом РФ');

    const curator = await pageAs('curator.zeya1', SCHOOL_REPORT);
    expect(await curator.getByTestId('report-status').textContent()).toBe(
      'утверждён субъектом РФ · год закрыт для изменений',
    );
    expect(await curator.getByRole('button', { name: /^Отправить/ }).count()).toBe(0);
    expect(await curator.getByTestId('correction-unavailable').textContent()).toMatch(
      /^Учебный год ОО закрыт для изменений/,
    );

    await schoolRow(admin).locator('summary', { hasText: 'Снять блокировку' }).click();
    await schoolRow(admin).getByLabel('Причина снятия блокировки').fill('Уточнение контингента по письму ОО');
    await schoolRow(admin)
      .getByRole('button', { name: /^Снять блокировку/ })
      .click();
    await expectFlash(admin, 'Блокировка снята');
    expect((await cells(schoolRow(admin)))[2]).toContain('принят муниципалитетом');
  });
});
