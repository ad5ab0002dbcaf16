import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags that keep Chromium quiet and working as root without a GPU or network (STACK-NOTES). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** The dashboard's address, provided by the global setup. */
export function dashboardUrl(path = '/'): string {
  return new URL(path, inject('dashboardUrl')).toString();
}

/** The cells of every body row of a table, as the user reads them. */
export function tableRows(page: Page, tableSelector: string): Promise<string[][]> {
  return page.$$eval(`${tableSelector} tbody tr`, (rows) =>
    rows.map((row) =>
      Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent?.trim() ?? ''),
    ),
  );
}

/** The cells of the totals row of a table. */
export function totalsRow(page: Page, tableSelector: string): Promise<string[]> {
  return page.$$eval(`${tableSelector} tfoot tr th, ${tableSelector} tfoot tr td`, (cells) =>
    cells.map((cell) => cell.textContent?.trim() ?? ''),
  );
}

/** The breadcrumb trail as the user reads it, current page last. */
export function breadcrumbs(page: Page): Promise<string[]> {
  return page
    .locator('nav.breadcrumbs li')
    .allTextContents()
    .then((items) => items.map((item) => item.trim()));
}

/**
 * Opens a page and waits until it is hydrated (the root layout marks `<html data-app-ready>`), for
 * scenarios about client-side behaviour: before that, a click is a plain browser navigation and
 * nodes added to the page are swept away by hydration.
 */
export async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(dashboardUrl(path));
  await page.waitForSelector('html[data-app-ready]', { state: 'attached' });
}
