import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from './browser';
import { signedInState, type SignedInState } from './login';

/** What a scenario works with: the file's browser and session, and a context and page of its own. */
export interface TestPage {
  browser: Browser;
  /** The signed-in session (with `signedInAs`), for further contexts such as one without JavaScript. */
  storageState: SignedInState | undefined;
  context: BrowserContext;
  page: Page;
}

/**
 * The hooks of a scenario file: one browser for the file (with `signedInAs`, also one sign-in
 * whose session every scenario reuses), and before each scenario a fresh Russian-locale context
 * with a page, handed to `use` and closed when the scenario ends.
 */
export function freshPageForEachTest(use: (opened: TestPage) => void, options: { signedInAs?: string } = {}) {
  let browser: Browser;
  let storageState: SignedInState | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    if (options.signedInAs) storageState = await signedInState(browser, options.signedInAs);
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async ({ onTestFinished }) => {
    const context = await browser.newContext({ locale: 'ru-RU', storageState });
    use({ browser, storageState, context, page: await context.newPage() });
    onTestFinished(() => context.close());
  });
}
