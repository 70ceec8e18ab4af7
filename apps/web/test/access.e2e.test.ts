import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import { accountOf, apiSession, signedInContext } from './sign-in.ts';

// Browser end-to-end test of sign-in and each role's main path against a real server with a small synthetic
// Montana and one account per role (district accounts in the largest district): wrong password, state staff,
// district steward inside and outside their district, school user, auditor (reads, never writes), district
// administrator adding a user, and sign-out. The server decides access; these check what each role sees.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const desktop = { viewport: { width: 1280, height: 900 } };
// Refusals the tests provoke on purpose; Chromium logs each as a console error.
const EXPECTED_REFUSAL = /status of (400|401|403)/;

const suiteName = hasChromium
  ? 'sign-in and roles in a browser'
  : `sign-in and roles in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(
      pageErrors.filter((e) => !EXPECTED_REFUSAL.test(e)),
      'browser console errors',
    ).toEqual([]);
  });

  /** A new page of `ctx`, collecting its console errors. */
  async function open(ctx: BrowserContext): Promise<Page> {
    context = ctx;
    pageErrors = [];
    const page = await ctx.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    return page;
  }

  async function as(role: string, options = desktop): Promise<Page> {
    return await open(await signedInContext(browser, server, accountOf(server, role).email, options));
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  it('sends a signed-out visitor to sign in and says when the password is wrong', async () => {
    const page = await open(await browser.newContext(desktop));
    await page.goto(new URL('/audit', server.url).href);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/audit');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('E-mail').fill(accountOf(server, 'district-steward').email);
    await form.getByLabel('Password').fill('not the password at all');
    await form.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/Sign-in failed[\s\S]*e-mail or password is wrong/);
    expect(await form.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByRole('form', { name: 'Forgot your password?' }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}sign-in-wrong-password.png`, fullPage: true });
  });

  it('asks for a new link when a reset token is made up or used, and hides the token from history', async () => {
    const page = await open(await browser.newContext(desktop));
    await page.goto(new URL('/reset-password#not-a-real-reset-token-0123456789', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByLabel('New password', { exact: true }).fill('a long enough new password');
    await page.getByLabel('New password again').fill('a long enough new password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/Link expired[\s\S]*ask for a new one/);
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/sign-in',
    );
  });

  it('shows state staff the state overview, identity reviews and the audit log', async () => {
    const staff = accountOf(server, 'state-staff');
    const page = await as('state-staff');
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /state overview/ }).waitFor();
    const banner = await page.getByRole('banner').innerText();
    expect(banner).toContain('Dana Data-Staff');
    expect(banner).toContain('State data staff');
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual([
      'State overview',
      'Findings heat map',
      'ANB',
      'Outcomes',
      'Exports',
      'Public reports',
      'Early warning',
      'Certification',
      'Identity reviews',
      'Upload templates',
      'Users',
      'Audit log',
    ]);
    await nav(page).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('Actor (e-mail contains)').fill(staff.email);
    const rows = page.getByRole('table', { name: /events?/ }).locator('tbody tr');
    await expect.poll(() => rows.first().innerText()).toContain('sign-in');
    expect(await rows.first().innerText()).toContain(staff.email);
    await page.screenshot({ path: `${screenshots}access-state-staff-audit.png`, fullPage: true });
    // Tablet width: the header and navigation wrap instead of overflowing.
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: `${screenshots}access-state-staff-tablet.png` });
  });

  it('keeps a district steward in their own district', async () => {
    const { district } = accountOf(server, 'district-steward');
    const other = district === '0193' ? '0059' : '0193';
    const page = await as('district-steward');
    await page.goto(server.url);
    // Home for a district role is their district's page.
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/districts/${district}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`District ${district}`) }).waitFor();
    expect(await page.getByRole('link', { name: 'Upload a file' }).count()).toBe(1);
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual([
      `District ${district}`,
      'Students',
      'Uploads',
      'Staff & courses',
      'Findings',
      'Certification',
      'ANB',
      'Attendance',
      'Outcomes',
      'Public report',
      'Early warning',
      'Upload templates',
    ]);
    await page.goto(new URL(`/districts/${other}`, server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain(`district ${other}`);
    await page.screenshot({ path: `${screenshots}access-steward-not-allowed.png`, fullPage: true });
    await page.goto(new URL(`/districts/${other}/findings`, server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
  });

  it('gives a school user their school page', async () => {
    const account = server.accounts.find((a) => a.grant.role === 'school-user')!;
    const page = await as('school-user');
    await page.goto(server.url);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my-school');
    await page.getByRole('heading', { level: 1, name: 'My school' }).waitFor();
    const facts = page.getByRole('definition').first();
    expect(await page.getByLabel('Your schools').innerText()).toContain(
      `School ${account.grant.schoolNumber}`,
    );
    await expect.poll(() => facts.innerText()).toContain(`district ${account.grant.districtNumber}`);
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual([
      'My school',
      'Students',
      'Early warning',
    ]);
    // The notifications list opens from the header and closes with Escape, focus back on its button.
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await bell.click();
    expect(await bell.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.locator('#notifications-panel').innerText())
      .toMatch(/No notifications\.|Mark read/);
    await page.keyboard.press('Escape');
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
    expect(await bell.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.screenshot({ path: `${screenshots}access-school-user.png`, fullPage: true });
  });

  it('lets the auditor read the audit log and users but shows no write buttons', async () => {
    const { district } = accountOf(server, 'district-steward');
    const page = await as('auditor');
    await page.goto(new URL('/audit', server.url).href);
    await page.getByLabel('Action').fill('sign-in');
    const rows = page.getByRole('table', { name: /events?/ }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const actions = await rows.locator('td:nth-of-type(2)').allInnerTexts();
    expect(new Set(actions)).toEqual(new Set(['sign-in']));
    const csv = (await page.getByRole('link', { name: 'CSV' }).getAttribute('href')) ?? '';
    expect(csv).toBe('/api/v1/audit-events.csv?action=sign-in');
    const download = await page.request.get(new URL(csv, server.url).href);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('sign-in');
    await page.screenshot({ path: `${screenshots}access-auditor-audit.png`, fullPage: true });

    await page.goto(new URL('/users', server.url).href);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /users?/ })
          .locator('tbody tr')
          .count(),
      )
      .toBeGreaterThan(1);
    expect(await page.getByRole('form', { name: 'Add a user' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Deactivate|Revoke/ }).count()).toBe(0);
    await page.goto(new URL(`/districts/${district}/findings`, server.url).href);
    await page.getByRole('heading', { level: 1, name: /Validation findings/ }).waitFor();
    await page.getByRole('heading', { name: 'Findings', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Run validation|Acknowledge/ }).count()).toBe(0);
    await page.goto(new URL(`/districts/${district}`, server.url).href);
    await page.getByRole('heading', { level: 1, name: new RegExp(`District ${district}`) }).waitFor();
    expect(await page.getByRole('link', { name: 'Upload a file' }).count()).toBe(0);
    await page.goto(new URL(`/districts/${district}/upload`, server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('button', { name: /Upload/ }).count()).toBe(0);
  });

  it('lets a district administrator add a user to their district', async () => {
    const { district } = accountOf(server, 'district-admin');
    const email = `new.steward.${district}@test.bitterroot.dev`;
    const page = await as('district-admin');
    await page.goto(server.url);
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: /Users/ }).waitFor();
    const form = page.getByRole('form', { name: 'Add a user' });
    // Only the roles a district administrator may grant, and only in their district.
    expect(await form.getByLabel('Role').locator('option').allInnerTexts()).toEqual([
      'Choose a role',
      'District administrator',
      'District data steward',
      'School user',
    ]);
    await form.getByLabel('Name').fill('Nora New-Steward');
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Role').selectOption({ label: 'District data steward' });
    await form.getByLabel('Initial password (optional)').fill(server.password);
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect
      .poll(() => form.getByRole('status').innerText())
      .toContain(`Created Nora New-Steward (${email})`);
    const row = page.getByRole('table', { name: /users?/ }).locator('tbody tr', { hasText: email });
    await expect.poll(() => row.innerText()).toContain(`District data steward · district ${district}`);
    await page.screenshot({ path: `${screenshots}access-district-admin-users.png`, fullPage: true });
    // The new account works: it signs in and holds exactly the granted role.
    const session = await fetch(new URL('/api/v1/session', server.url), {
      headers: await apiSession(server, email),
    });
    expect(((await session.json()) as { grants: unknown[] }).grants).toEqual([
      { role: 'district-steward', districtNumber: district, schoolNumber: null },
    ]);
  });

  it('signs out, and the session no longer opens pages', async () => {
    const page = await as('state-approver');
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /state overview/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).search).toBe('');
    await page.goto(new URL('/findings', server.url).href);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/findings');
  });
});
