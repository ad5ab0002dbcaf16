import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { dashboardUrl } from './browser';

/** Every demo user's password (infra/keycloak/realm.json). */
export const DEMO_PASSWORD = 'nastavnik';

/** Whether the page is the identity server's sign-in form. */
export function onIdentityServer(page: Page): boolean {
  return page.url().startsWith(inject('issuerUrl'));
}

/** Fills in and submits the identity server's Russian sign-in form, as a user would. */
export async function submitLoginForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(inject('issuerUrl')));
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/**
 * Signs in through the real flow: opens `path` on the dashboard, which sends the browser to the
 * identity server; submits the form; waits until the dashboard shows a page again.
 */
export async function login(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(dashboardUrl(path));
  await submitLoginForm(page, username);
  const dashboard = new URL(dashboardUrl()).origin;
  await page.waitForURL((url) => url.origin === dashboard && !url.pathname.startsWith('/auth/'));
}

export type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Signs in once and returns the browser state (the session cookie), so each test of a file can
 * open a fresh context in the same session: `browser.newContext({ storageState })`.
 */
export async function signedInState(browser: Browser, username: string): Promise<SignedInState> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  try {
    await login(await context.newPage(), username);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
