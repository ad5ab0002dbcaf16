import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { E2E_ACCESS_TOKEN_LIFESPAN_S } from './global-setup';
import { breadcrumbs, dashboardUrl, openHydrated, tableRows } from './support/browser';
import { login, onIdentityServer, submitLoginForm } from './support/login';
import { freshPageForEachTest } from './support/test-page';

let browser: Browser;
let context: BrowserContext;
let page: Page;

freshPageForEachTest((opened) => ({ browser, context, page } = opened));

const dashboardOrigin = () => new URL(dashboardUrl()).origin;

function pathAndQuery(): string {
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname + url.search);
}

function breadcrumbLinks(): Promise<string[]> {
  return page.locator('nav.breadcrumbs a').allTextContents();
}

/** The header's «Имя Фамилия · роль · узел» line. */
async function signedInAs(): Promise<string> {
  return ((await page.locator('header .who').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('signing in', () => {
  it('sends an unauthenticated visit to the sign-in form and back to the page asked for', async () => {
    await page.goto(dashboardUrl('/regions/28?q=Зе'));
    expect(onIdentityServer(page)).toBe(true);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.getByRole('button', { name: 'Войти' }).count()).toBe(1);

    await submitLoginForm(page, 'analyst.rf');
    await page.waitForURL((url) => url.origin === dashboardOrigin() && url.pathname === '/regions/28');
    expect(pathAndQuery()).toBe('/regions/28?q=Зе');
    expect(await page.locator('h1').textContent()).toBe('Амурская область');
    expect((await tableRows(page, '#municipalities')).map((row) => row[1])).toEqual([
      'город Зея',
      'Зейский муниципальный округ',
    ]);
  });

  it('starts the federal analyst on the country’s indicators and names them in the header', async () => {
    await login(page, 'analyst.rf');
    expect(pathAndQuery()).toBe('/indicators');
    expect(await page.locator('h1').textContent()).toBe('Целевые показатели: Российская Федерация');
    expect(await signedInAs()).toBe('Ирина Соколова · аналитик федерального уровня · Российская Федерация');
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(1);
    // The list of all regions stays their directory.
    await page.locator('header nav').getByRole('link', { name: 'Субъекты РФ' }).click();
    await page.waitForURL(dashboardUrl('/'));
    expect(await page.locator('h1').textContent()).toBe('Субъекты Российской Федерации');
  });

  it('shows the identity server’s Russian error for a wrong password and does not sign in', async () => {
    await page.goto(dashboardUrl('/'));
    await submitLoginForm(page, 'analyst.rf', 'не-тот-пароль');
    await page.waitForLoadState();
    expect(onIdentityServer(page)).toBe(true);
    expect(await page.getByRole('alert').textContent()).toBe('Неверное имя пользователя или пароль.');
    // The form is still there to try again, and the dashboard still asks for a sign-in.
    expect(await page.getByLabel('Имя пользователя').inputValue()).toBe('analyst.rf');
    await page.goto(dashboardUrl('/regions/28'));
    expect(onIdentityServer(page)).toBe(true);
  });

  it('opens «О системе» without signing in, with a «Войти» link', async () => {
    const response = await page.goto(dashboardUrl('/about'));
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('О системе «Наставник»');
    expect(await page.locator('header').getByRole('link', { name: 'Войти' }).count()).toBe(1);
  });
});

describe('a school curator', () => {
  it('lands on their school and sees only their own part of the hierarchy', async () => {
    await login(page, 'curator.zeya1');
    expect(pathAndQuery()).toBe('/organizations/280001');
    expect(await page.locator('h1').textContent()).toBe('МОАУ СОШ № 1');
    expect(await signedInAs()).toBe('Анна Белоглазова · куратор ОО · МОАУ СОШ № 1');
    // The levels above the school are named, not offered as links.
    expect(await breadcrumbs(page)).toEqual([
      'Российская Федерация',
      'Амурская область',
      'город Зея',
      'МОАУ СОШ № 1',
    ]);
    expect(await breadcrumbLinks()).toEqual([]);
    expect(await page.locator('header nav').getByRole('link', { name: 'Моя организация' }).count()).toBe(1);

    // Asked for by address, the pages above show only the curator's own branch.
    await page.goto(dashboardUrl('/regions/28'));
    expect((await tableRows(page, '#municipalities')).map((row) => row[1])).toEqual(['город Зея']);
    await page.goto(dashboardUrl('/municipalities/10712000'));
    expect((await tableRows(page, '#organizations')).map((row) => row[0])).toEqual(['280001']);

    for (const path of ['/organizations/280002', '/municipalities/10701000', '/regions/52']) {
      const response = await page.goto(dashboardUrl(path));
      expect(response?.status(), path).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    }
  });

  it('is sent from `/` to their school, not to the list of regions', async () => {
    await login(page, 'curator.zeya1', '/organizations/280001');
    await page.goto(dashboardUrl('/'));
    expect(pathAndQuery()).toBe('/organizations/280001');
  });
});

describe('a municipal coordinator', () => {
  it('lands on their municipality and sees its schools, but not Благовещенск', async () => {
    await login(page, 'coordinator.zeya');
    expect(pathAndQuery()).toBe('/municipalities/10712000');
    expect(await page.locator('h1').textContent()).toBe('город Зея');
    expect(await signedInAs()).toBe('Светлана Лысенко · куратор муниципалитета · город Зея');
    expect(await breadcrumbLinks()).toEqual([]);
    const schools = (await tableRows(page, '#organizations')).map((row) => row[0]);
    expect(schools.sort()).toEqual(['280001', '280002', '280003', '280004', '280005']);

    // A school of the municipality opens, with the municipality as a link back.
    await page.getByRole('link', { name: 'МОАУ СОШ № 4', exact: true }).click();
    await page.waitForURL('**/organizations/280002');
    expect(await breadcrumbLinks()).toEqual(['город Зея']);

    await page.goto(dashboardUrl('/regions/28'));
    const municipalities = (await tableRows(page, '#municipalities')).map((row) => row[1]);
    expect(municipalities).toEqual(['город Зея']);
    expect(await page.locator('main').textContent()).not.toContain('Благовещенск');
    expect((await page.goto(dashboardUrl('/municipalities/10701000')))?.status()).toBe(404);
    expect((await page.goto(dashboardUrl('/organizations/280006')))?.status()).toBe(404);
  });
});

describe('a regional analyst', () => {
  it('starts on their region’s indicators, and their region’s directory is a click away', async () => {
    await login(page, 'analyst.52');
    expect(pathAndQuery()).toBe('/indicators/region/52');
    expect(await signedInAs()).toBe('Павел Миронов · аналитик субъекта РФ · Нижегородская область');
    await page.locator('header nav').getByRole('link', { name: 'Мой субъект РФ' }).click();
    await page.waitForURL('**/regions/52');
    expect(await page.locator('h1').textContent()).toBe('Нижегородская область');
    expect((await page.goto(dashboardUrl('/regions/28')))?.status()).toBe(404);
  });
});

describe('signing out', () => {
  it('ends the session here and at the identity server; protected pages ask for a sign-in again', async () => {
    await login(page, 'coordinator.zeya', '/municipalities/10712000');
    const sessionCookie = (await context.cookies()).find((cookie) => cookie.name === 'nastavnik_session');
    expect(sessionCookie).toBeDefined();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/auth/logged-out');
    expect(await page.locator('h1').textContent()).toBe('Вы вышли из системы');
    expect((await context.cookies()).some((cookie) => cookie.name === 'nastavnik_session')).toBe(false);

    await page.goto(dashboardUrl('/municipalities/10712000'));
    expect(onIdentityServer(page)).toBe(true);

    // The old cookie, replayed, no longer opens anything.
    const replay = await browser.newContext({ locale: 'ru-RU' });
    try {
      await replay.addCookies([sessionCookie!]);
      const replayed = await replay.newPage();
      await replayed.goto(dashboardUrl('/municipalities/10712000'));
      expect(replayed.url()).toContain('/auth/expired');
      expect(await replayed.locator('h1').textContent()).toBe('Сеанс истёк');
    } finally {
      await replay.close();
    }
  });

  it('offers a new sign-in on «Сеанс истёк» that comes back to the page', async () => {
    await context.addCookies([
      { name: 'nastavnik_session', value: 'a-session-this-server-never-issued', url: dashboardUrl() },
    ]);
    await page.goto(dashboardUrl('/regions/28'));
    expect(pathAndQuery()).toBe('/auth/expired?returnTo=/regions/28');
    expect(await page.locator('h1').textContent()).toBe('Сеанс истёк');
    await page.getByRole('main').getByRole('link', { name: 'Войти снова' }).click();
    await submitLoginForm(page, 'analyst.28');
    await page.waitForURL((url) => url.origin === dashboardOrigin() && url.pathname === '/regions/28');
    expect(await page.locator('h1').textContent()).toBe('Амурская область');
  });
});

describe('a session that ends while a page is open', () => {
  it('sends the next in-app navigation to «Сеанс истёк» rather than a broken page', async () => {
    await login(page, 'coordinator.zeya');
    await openHydrated(page, '/municipalities/10712000');
    // As if the dashboard had restarted: the browser's session id is no longer known.
    await context.addCookies([
      { name: 'nastavnik_session', value: 'forgotten-by-the-server', url: dashboardUrl(), httpOnly: true },
    ]);
    await page.getByRole('link', { name: 'МОАУ СОШ № 4', exact: true }).click();
    await page.waitForURL('**/auth/expired?**');
    expect(pathAndQuery()).toBe('/auth/expired?returnTo=/organizations/280002');
    expect(await page.locator('h1').textContent()).toBe('Сеанс истёк');
  });
});

describe('tokens stay on the server', () => {
  it('never reach the browser: no readable cookies, nothing token-like in pages or data', async () => {
    // Every JWT (access, ID, refresh) starts with the base64url of `{"`: «eyJ».
    const bodies: string[] = [];
    const seen: Promise<void>[] = [];
    const browserHosts = new Set<string>();
    page.on('request', (request) => browserHosts.add(new URL(request.url()).origin));
    page.on('response', (response: Response) => {
      if (new URL(response.url()).origin !== dashboardOrigin()) return;
      if (response.status() >= 300 && response.status() < 400) return;
      seen.push(
        response
          .text()
          .then((body) => void bodies.push(`${response.url()}\n${body}`))
          .catch(() => {}),
      );
    });

    await login(page, 'curator.zeya1');
    // Client-side navigation too: its data comes as JSON from the dashboard's server.
    await openHydrated(page, '/municipalities/10712000');
    await page.getByRole('link', { name: 'МОАУ СОШ № 1', exact: true }).click();
    await page.waitForURL('**/organizations/280001');
    await page.locator('h1', { hasText: 'МОАУ СОШ № 1' }).waitFor();
    await Promise.all(seen);
    expect(bodies.some((body) => body.includes('__data.json'))).toBe(true);

    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['nastavnik_login', 'nastavnik_session']);
    for (const cookie of cookies) {
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe('Lax');
      expect(cookie.value, cookie.name).not.toMatch(/^eyJ/);
    }

    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) expect(body).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(await page.content()).not.toContain('eyJ');
    // The browser talks to the dashboard and to the identity server's form, never to the API.
    const elsewhere = [...browserHosts].filter((host) => host !== dashboardOrigin());
    expect(elsewhere).toEqual([new URL(inject('issuerUrl')).origin]);
  });
});

describe('an expired access token', () => {
  it(
    'is refreshed by the dashboard without the user noticing',
    async () => {
      await login(page, 'coordinator.zeya');
      await page.waitForTimeout((E2E_ACCESS_TOKEN_LIFESPAN_S + 2) * 1000);
      await page.getByRole('link', { name: 'МОАУ СОШ № 1', exact: true }).click();
      await page.waitForURL('**/organizations/280001');
      expect(await page.locator('h1').textContent()).toBe('МОАУ СОШ № 1');
      await page.reload();
      expect(await page.locator('h1').textContent()).toBe('МОАУ СОШ № 1');
    },
    (E2E_ACCESS_TOKEN_LIFESPAN_S + 30) * 1000,
  );
});
