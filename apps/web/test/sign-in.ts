import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { ServerUnderTest } from './server-under-test.ts';

// Signing in for browser tests. The server throttles sign-in per address (20 attempts in 5 minutes, counting
// successes), so each test file signs in once per account and reuses the session: `signedInContext` for
// pages, `apiSession` for the tests' own fetch calls.

/** Headers that make a fetch call act as a signed-in user: the session cookie and its CSRF token. */
export type SessionHeaders = { cookie: string; 'x-csrf-token': string };

/** Signs in through the real sign-in form and waits for the signed-in header. */
export async function signIn(page: Page, server: ServerUnderTest, email: string): Promise<void> {
  await page.goto(new URL('/sign-in', server.url).href);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(server.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** A browser context signed in as `email` through the form; every page opened from it shares the session. */
export async function signedInContext(
  browser: Browser,
  server: ServerUnderTest,
  email: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, server, email);
  await page.close();
  return context;
}

/** Signs in over HTTP (POST /api/v1/session) and returns the headers for direct API calls. */
export async function apiSession(server: ServerUnderTest, email: string): Promise<SessionHeaders> {
  const response = await fetch(new URL('/api/v1/session', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: server.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  // The session cookie is the first pair of Set-Cookie (attributes follow the semicolon).
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': csrfToken };
}

/** The account of one role in the server's accounts (one per role). */
export function accountOf(server: ServerUnderTest, role: string): { email: string; district: string | null } {
  const account = server.accounts.find((a) => a.grant.role === role);
  if (!account) throw new Error(`no ${role} account on this server`);
  return { email: account.email, district: account.grant.districtNumber };
}
