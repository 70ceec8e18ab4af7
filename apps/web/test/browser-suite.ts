import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServerUnderTest, type ServerUnderTest } from './server-under-test.ts';
import { apiSession, signedInContext, type SessionHeaders } from './sign-in.ts';

/** What a browser suite shares: one server, one browser, one signed-in context and a fresh page per test. */
export type BrowserSuite = {
  server: ServerUnderTest;
  browser: Browser;
  context: BrowserContext;
  /** Session headers of the same account, for the tests' own API calls. */
  headers: SessionHeaders;
  page: Page;
  /** Console and page errors of the current test's page; the suite fails a test that leaves any. */
  pageErrors: string[];
};

/** Settings of a browser suite; `setup` runs once after sign-in (e.g. to upload the test's data). */
export type BrowserSuiteOptions = {
  context?: BrowserContextOptions;
  setup?: (suite: BrowserSuite) => Promise<void>;
};

/**
 * Registers the hooks every page-level browser test needs and returns the object they fill in: a real
 * server with a small Montana, Debian's Chromium, a context signed in as the all-districts tester through the
 * sign-in form (the pages are the subject, not access), and a fresh page per test whose console errors fail it.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  const suite = { pageErrors: [] as string[] } as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServerUnderTest();
    suite.browser = await launchBrowser();
    suite.headers = await apiSession(suite.server, suite.server.tester);
    suite.context = await signedInContext(suite.browser, suite.server, suite.server.tester, {
      viewport: { width: 1280, height: 900 },
      ...options.context,
    });
    await options.setup?.(suite);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    suite.page = await suite.context.newPage();
    const errors: string[] = [];
    suite.pageErrors = errors;
    suite.page.on('pageerror', (error) => errors.push(error.message));
    suite.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterEach(async () => {
    await suite.page.close();
    expect(suite.pageErrors, 'browser console errors').toEqual([]);
  });
  return suite;
}
