import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, openHydrated } from './browser';
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

/**
 * The hooks of a scenario file whose scenarios switch between users: one browser and one sign-in
 * per user for the file. `pageAs` opens a hydrated page in a user's session; `contextAs` gives a
 * context of that session with other options (say, without JavaScript). Both close with the file.
 */
export function signedInUsers(usernames: readonly string[]) {
  let browser: Browser;
  const sessions = new Map<string, SignedInState>();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const username of usernames) sessions.set(username, await signedInState(browser, username));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function contextAs(username: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext({
      locale: 'ru-RU',
      storageState: sessions.get(username),
      ...options,
    });
    contexts.push(context);
    return context;
  }

  async function pageAs(username: string, path: string): Promise<Page> {
    const page = await (await contextAs(username)).newPage();
    await openHydrated(page, path);
    return page;
  }

  return { pageAs, contextAs };
}
