import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardUrl, launchBrowser, tableRows } from './support/browser';
import { signedInState, type SignedInState } from './support/login';

/**
 * The school's mentoring base as its curator (curator.zeya1, МОАУ СОШ № 1, code 280001) runs it:
 * a spreadsheet of mentors and mentees with their consents is checked and loaded, a mentee gets
 * a mentor from the suggestions, the pair starts work under an order and holds its first meeting,
 * and the overview counts all of it. The demo directory has no participants until this file adds
 * them; the figures are still read before and after, so other scenarios may add their own.
 */

const SCHOOL = '/organizations/280001';

/** Today as the API sees it (UTC), and the same day as the pages write it. */
const TODAY = new Date().toISOString().slice(0, 10);
const TODAY_RU = TODAY.split('-').reverse().join('.');

let browser: Browser;
let session: SignedInState;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  session = await signedInState(browser, 'curator.zeya1');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function curatorPage(path: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', storageState: session });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(dashboardUrl(path));
  await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
  return page;
}

/** The overview's figures by name: participants, consentShare, activeGroups, meetingsThisMonth. */
async function figures(page: Page): Promise<Record<string, string>> {
  const entries = await page.$$eval('[data-figure]', (cells) =>
    cells.map((cell) => [cell.getAttribute('data-figure') ?? '', cell.textContent?.trim() ?? '']),
  );
  return Object.fromEntries(entries);
}

const count = (text: string | undefined) => Number((text ?? '').replace(/\s/g, ''));

async function expectFlash(page: Page, message: string | RegExp): Promise<void> {
  await page.locator('.flash', { hasText: message }).waitFor({ timeout: 15_000 });
}

const HEADERS = [
  '№',
  'Фамилия',
  'Имя',
  'Отчество',
  'Дата рождения',
  'Категория',
  'Наставник',
  'Наставляемый',
  'Класс',
  'Стаж',
  'Согласие: дата',
  'Согласие: кто подписал',
  'Представитель',
];

/** The school's list as a spreadsheet editor saves it: two teachers, three pupils, four consents. */
async function participantsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('База наставничества');
  sheet.addRow(HEADERS);
  sheet.addRows([
    [
      'Т-1',
      'Сидорова',
      'Анна',
      'Петровна',
      '12.04.1978',
      'педагог',
      'да',
      'нет',
      '',
      20,
      '01.09.2025',
      'сам',
      '',
    ],
    [
      'Т-2',
      'Молодцов',
      'Илья',
      'Сергеевич',
      '03.02.1999',
      'педагог',
      'нет',
      'да',
      '',
      1,
      '01.09.2025',
      'сам',
      '',
    ],
    [
      'У-1',
      'Петров',
      'Кирилл',
      'Андреевич',
      '05.05.2009',
      'обучающийся',
      'да',
      'нет',
      '10А',
      '',
      '01.09.2025',
      'законный представитель',
      'Петрова Ольга Ивановна',
    ],
    [
      'У-2',
      'Иванова',
      'Мария',
      'Петровна',
      '01.06.2013',
      'обучающийся',
      'нет',
      'да',
      '6Б',
      '',
      '01.09.2025',
      'законный представитель',
      'Иванов Пётр Сергеевич',
    ],
    ['У-3', 'Смирнов', 'Олег', '', '01.01.2014', 'обучающийся', 'нет', 'да', '5А', '', '', '', ''],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Holds the next upload to the import page at the network until `whileHeld` has looked at the
 * page, so that the state shown while the server works is observed without guessing at timings.
 */
async function holdingUpload(page: Page, whileHeld: () => Promise<void>, send: () => Promise<void>) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  let passedOn: Promise<void> | null = null;
  const isUpload = (url: URL) => url.pathname === `${SCHOOL}/import`;
  await page.route(isUpload, (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    passedOn = held.then(() => route.continue());
    arrived();
    return passedOn;
  });
  try {
    await send();
    await reached;
    await whileHeld();
  } finally {
    release();
    // The held request goes on before the route is removed, or Playwright would handle it twice.
    await passedOn;
    await page.unroute(isUpload);
  }
}

describe('school mentoring', () => {
  let before: Record<string, string>;

  it('shows the overview to the curator from the organisation page', async () => {
    const page = await curatorPage(SCHOOL);
    await page.getByRole('link', { name: 'Наставничество: обзор' }).click();
    await page.waitForURL(`**${SCHOOL}/mentoring`);
    expect(await page.locator('h1').textContent()).toBe('Наставничество: обзор');
    before = await figures(page);
    expect(Object.keys(before).sort()).toEqual([
      'activeGroups',
      'consentShare',
      'meetingsThisMonth',
      'participants',
    ]);
  });

  it('checks a spreadsheet of participants with progress, lists its errors by row and column, then loads a clean one', async () => {
    const page = await curatorPage(`${SCHOOL}/import`);
    expect(await page.locator('h1').textContent()).toBe('Загрузка базы наставничества из файла');

    // A minor who signed the consent personally: the whole file is refused, the row and column named.
    await page.getByLabel('Таблица XLSX или CSV').setInputFiles({
      name: 'база с ошибкой.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [HEADERS.join(';'), 'У-9;Ошибкина;Вера;;01.06.2013;обучающийся;нет;да;6Б;;01.09.2025;сам;'].join(
          '\n',
        ),
        'utf8',
      ),
    });
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.locator('#import-result h2', { hasText: 'база с ошибкой.csv' }).waitFor();
    const problems = await tableRows(page, '#import-problems');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.slice(0, 2)).toEqual(['2', 'Согласие: кто подписал']);
    expect(problems[0]![2]).toMatch(/до 18 лет согласие подписывает законный представитель/);
    expect(await page.getByRole('button', { name: 'Загрузить' }).count()).toBe(0);

    await page.getByLabel('Таблица XLSX или CSV').setInputFiles({
      name: 'база наставничества.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await participantsWorkbook(),
    });
    await holdingUpload(
      page,
      async () => {
        // While the server has the file, the page says so: a bar of bytes sent or the check's spinner.
        const status = page.locator('[data-upload-step="uploading"], [data-upload-step="processing"]');
        await status.waitFor();
        expect(await status.textContent()).toMatch(/Файл отправляется|идёт проверка строк/);
        expect(await page.getByRole('button', { name: 'Проверить' }).isDisabled()).toBe(true);
      },
      () => page.getByRole('button', { name: 'Проверить' }).click(),
    );
    await page.locator('#import-result h2', { hasText: 'база наставничества.xlsx' }).waitFor();
    const checked = page.locator('[data-upload-step="done"]');
    expect(await checked.textContent()).toContain('проверка завершена');
    expect(await checked.locator('progress').getAttribute('value')).toBe('1');
    expect(await page.getByTestId('import-summary').textContent()).toContain(
      'будет добавлено 5\u00a0участников, будет изменено 0, без изменений 0; будет записано согласий — 4',
    );

    await holdingUpload(
      page,
      async () => {
        const status = page.locator('[data-upload-step="uploading"], [data-upload-step="processing"]');
        await status.waitFor();
        expect(await status.textContent()).toMatch(/Файл отправляется|идёт запись в базу/);
      },
      () => page.getByRole('button', { name: 'Загрузить' }).click(),
    );
    await page.locator('#import-result[data-applied="true"]').waitFor();
    expect(await page.locator('#import-result h2').textContent()).toContain('Загружено');
    expect(await page.locator('[data-upload-step="done"]').textContent()).toContain('загрузка завершена');
    expect(await page.locator('#import-figures [data-figure="created"]').textContent()).toBe('5');
    expect(await page.locator('#import-figures [data-figure="unchanged"]').textContent()).toBe('0');
  });

  it('finds the mentee in the base, pairs her with a suggested mentor on confirmation, starts the pair by order and records a meeting', async () => {
    const page = await curatorPage(`${SCHOOL}/participants?q=Иванова`);
    const rows = await tableRows(page, '#participants');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual([
      'У-2',
      'Иванова Мария Петровна',
      'обучающийся',
      'наставляемый',
      '6Б',
      '01.06.2013',
      'действует',
      '—',
    ]);
    await page.getByRole('link', { name: 'Иванова Мария Петровна' }).click();
    await page.waitForURL(/\/participants\/\d+$/);
    expect(await page.getByTestId('consent-status').textContent()).toBe('действует');

    // Suggestions: ranked, scored and explained; nothing is created until the curator confirms.
    const suggestion = page.locator('#mentor-suggestions li.suggestion', {
      hasText: 'Петров Кирилл Андреевич',
    });
    expect(await suggestion.locator('.score').textContent()).toMatch(/\d+ из 100/);
    expect(await suggestion.locator('.reasons').textContent()).toContain('форма наставничества: 30 из 30');
    // Other tests may add mentors to this school: the suggestions are checked for their order only.
    const scores = (await page.locator('#mentor-suggestions li.suggestion .score').allTextContents()).map(
      (text) => Number(/\d+/.exec(text)![0]),
    );
    expect(scores.length).toBeGreaterThanOrEqual(2);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.locator('#memberships').count()).toBe(0);

    await suggestion.getByRole('link', { name: 'Закрепить' }).click();
    const confirm = page.locator('#confirm-pair');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      'Наставник Петров Кирилл Андреевич — наставляемый Иванова Мария Петровна, форма «ученик – ученик»',
    );
    await confirm.getByRole('button', { name: 'Закрепить пару' }).click();
    await page.waitForURL(/\/groups\/\d+$/);
    await expectFlash(page, 'Наставническая пара сформирована (форма «ученик – ученик»)');
    expect(await page.getByTestId('group-status').textContent()).toBe('формируется');
    expect(await tableRows(page, '#members')).toEqual([
      ['Петров Кирилл Андреевич', 'наставник', 'обучающийся', '10А', 'действует'],
      ['Иванова Мария Петровна', 'наставляемый', 'обучающийся', '6Б', 'действует'],
    ]);

    // The order (приказ о закреплении): checked as it is typed, then the pair starts work.
    await page.getByRole('link', { name: 'Начать работу по приказу' }).click();
    const order = page.locator('#activate-form');
    await order.getByRole('button', { name: 'Начать работу' }).click();
    expect(await order.locator('.field-error').allTextContents()).toEqual([
      'укажите номер приказа о закреплении',
      'укажите дату приказа',
    ]);
    await order.getByLabel('Номер приказа').fill('45-од');
    await order.getByLabel('Дата приказа').fill(TODAY);
    expect(await order.locator('.field-error').count()).toBe(0);
    await order.getByRole('button', { name: 'Начать работу' }).click();
    await expectFlash(page, `Пара или группа начала работу по приказу о закреплении № 45-од от ${TODAY_RU}.`);
    expect(await page.getByTestId('group-status').textContent()).toBe('работает');
    expect(await page.getByTestId('group-order').textContent()).toBe(`№ 45-од от ${TODAY_RU}`);

    // The first meeting: the introduction is offered first; a day ahead is refused as typed.
    await page.getByRole('link', { name: 'Записать встречу' }).click();
    const meeting = page.locator('#meeting-form');
    expect(await meeting.getByLabel('Вид встречи').inputValue()).toBe('INTRODUCTORY');
    await meeting.getByLabel('Дата встречи').fill('2099-01-01');
    expect(await meeting.locator('.field-error').allTextContents()).toEqual(['дата не может быть в будущем']);
    await meeting.getByLabel('Дата встречи').fill(TODAY);
    await meeting.getByLabel('Формат').selectOption('ONLINE');
    await meeting.getByLabel('Заметки').fill('Знакомство, договорились о целях на четверть.');
    await meeting.getByRole('button', { name: 'Записать встречу' }).click();
    await expectFlash(page, `Записана встреча-знакомство ${TODAY_RU}.`);
    expect(await tableRows(page, '#meeting-list')).toEqual([
      [TODAY_RU, 'встреча-знакомство', 'дистанционно', 'Знакомство, договорились о целях на четверть.'],
    ]);
  });

  it('counts the new base, pair and meeting in the overview', async () => {
    const page = await curatorPage(`${SCHOOL}/mentoring`);
    const after = await figures(page);
    expect(count(after.participants)).toBe(count(before.participants) + 5);
    expect(count(after.activeGroups)).toBe(count(before.activeGroups) + 1);
    expect(count(after.meetingsThisMonth)).toBe(count(before.meetingsThisMonth) + 1);
    expect(after.consentShare).toMatch(/\d+(,\d)?\u00a0%/);
    const byForm = await tableRows(page, '#by-form');
    expect(byForm.find((row) => row[0] === '«ученик – ученик»')?.slice(1)).toEqual(['1', '0', '0', '1', '1']);
  });

  it('adds a participant by hand with the checks of a minor’s consent as the curator types', async () => {
    const page = await curatorPage(`${SCHOOL}/participants`);
    await page.getByRole('link', { name: 'Добавить участника' }).click();
    const form = page.locator('#participant-form');
    await form.getByLabel('Фамилия').fill('Соколова');
    await form.getByLabel('Имя').fill('Дарья');
    await form.getByLabel('Дата рождения').fill('2012-09-15');
    await form.getByLabel('Категория').selectOption('PUPIL');
    await form.getByLabel('Класс или курс').fill('7А');
    await form.getByLabel('В базе наставляемых').check();
    expect(await form.textContent()).toContain(
      'Участнику нет 18 лет: согласие подписывает законный представитель.',
    );
    await form.getByLabel('Кто подписал').selectOption('SELF');
    expect(await form.locator('.field-error').allTextContents()).toEqual([
      expect.stringMatching(/до 18 лет согласие подписывает законный представитель/),
    ]);
    await form.getByLabel('Кто подписал').selectOption('LEGAL_REPRESENTATIVE');
    await form.getByRole('button', { name: 'Добавить участника' }).click();
    expect(await form.locator('.field-error').allTextContents()).toEqual([
      'укажите ФИО законного представителя, подписавшего согласие',
    ]);
    await form.getByLabel('ФИО законного представителя').fill('Соколов Андрей Викторович');
    await form.getByRole('button', { name: 'Добавить участника' }).click();
    await page.waitForURL(/\/participants\/\d+$/);
    await expectFlash(page, 'Участник добавлен в базу, согласие на обработку персональных данных записано.');
    expect(await page.locator('h1').textContent()).toBe('Соколова Дарья');
    expect(await tableRows(page, '#consent-list')).toEqual([
      [TODAY_RU, 'законный представитель', 'Соколов Андрей Викторович', '—', 'действует', 'Отозвать'],
    ]);
  });

  it('loads pairs and groups from the school’s journal by the participants’ numbers', async () => {
    const page = await curatorPage(`${SCHOOL}/import?kind=groups`);
    expect(await page.getByLabel('Наставнические пары и группы').isChecked()).toBe(true);
    await page.getByLabel('Таблица XLSX или CSV').setInputFiles({
      name: 'журнал пар.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['№ группы;Форма наставничества;Наставник;Наставляемый', 'П-1;учитель – учитель;Т-1;Т-2'].join('\n'),
        'utf8',
      ),
    });
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.locator('#import-result h2', { hasText: 'журнал пар.csv' }).waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain(
      'будет добавлено 1\u00a0пара или группа',
    );
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await page.locator('#import-result[data-applied="true"]').waitFor();
    expect(await page.locator('#import-figures [data-figure="created"]').textContent()).toBe('1');

    await page.goto(dashboardUrl(`${SCHOOL}/groups?form=TEACHER_TEACHER`));
    const rows = await tableRows(page, '#groups');
    expect(rows.map((row) => row.slice(1, 4))).toEqual([
      ['учитель – учитель', 'Сидорова А.\u00a0П.', 'Молодцов И.\u00a0С.'],
    ]);
  });
});
