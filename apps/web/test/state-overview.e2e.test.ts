import { fileURLToPath } from 'node:url';
import type { District } from '@bitterroot/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { apiSession, signedInContext } from './sign-in.ts';

// Browser end-to-end test of the state overview and district pages against a real server with a small
// synthetic Montana. BITTERROOT_E2E_URL runs it against an already running server instead (dev or staging).

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();

let headers: SessionHeaders;

async function api<T>(base: string, path: string): Promise<T> {
  const response = await fetch(new URL(path, base), { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

function districtRows(page: Page) {
  return page.getByRole('table', { name: /district/ }).locator('tbody tr');
}

const suiteName = hasChromium
  ? 'state overview in a browser'
  : `state overview in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
    // The pages are the subject here, not access: one session of the all-districts tester for every test.
    context = await signedInContext(browser, server, server.tester, {
      viewport: { width: 1280, height: 900 },
    });
    headers = await apiSession(server, server.tester);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterEach(async () => {
    await page.close();
    expect(pageErrors, 'browser console errors').toEqual([]);
  });

  it('lists every district with state totals and a chart', async () => {
    const { total } = await api<{ total: number }>(server.url, '/api/v1/districts?limit=1');
    expect(total).toBe(397);
    await page.goto(new URL('/', server.url).href);
    await expect.poll(() => districtRows(page).count()).toBe(397);
    const caption = await page
      .getByRole('table', { name: /district/ })
      .locator('caption')
      .innerText();
    expect(caption).toMatch(/^397 districts/);
    expect(await page.getByRole('banner').innerText()).toMatch(/Bitterroot[\s\S]*Montana/);
    expect(await page.getByRole('definition').first().innerText()).toBe('397');
    expect(await page.getByRole('img', { name: /Districts by/ }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}state-overview.png` });
  });

  it('filters by name', async () => {
    await page.goto(new URL('/', server.url).href);
    await page.getByLabel('Name or number').fill('Billings');
    await expect.poll(() => districtRows(page).count()).toBe(2);
    const names = await districtRows(page).locator('th[scope=row]').allInnerTexts();
    expect(names.toSorted()).toEqual(['Billings Elem', 'Billings H S']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Billings');
    await page.getByLabel('Level').selectOption('high_school');
    await expect
      .poll(() => districtRows(page).locator('th[scope=row]').allInnerTexts())
      .toEqual(['Billings H S']);
  });

  it('sorts by enrollment, largest first', async () => {
    const largest = (
      await api<{ items: District[] }>(server.url, '/api/v1/districts?sort=studentCount&order=desc&limit=1')
    ).items[0];
    expect(largest).toBeDefined();
    await page.goto(new URL('/', server.url).href);
    await districtRows(page).first().waitFor();
    const header = page.getByRole('columnheader', { name: 'Students' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const firstRow = districtRows(page).first();
    // Compare the figure, not the name: districts may tie on the largest count.
    const students = await firstRow.locator('td').nth(3).innerText();
    expect(students).toBe(largest?.studentCount.toLocaleString('en-US'));
    const counts = await districtRows(page).evaluateAll((rows) =>
      rows.map((row) => Number(row.querySelectorAll('td')[3]?.textContent?.replaceAll(',', ''))),
    );
    expect(counts).toEqual(counts.toSorted((a, b) => b - a));
    await header.getByRole('button').press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
  });

  it('opens a district and shows its verification summary and schools', async () => {
    await page.goto(new URL('/?q=Billings', server.url).href);
    await page.getByRole('link', { name: 'Billings Elem' }).click();
    await page.getByRole('heading', { level: 1, name: /Billings Elem/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id), 'focus moves to the new page').toBe('main');
    const districtNumber = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(districtNumber).toMatch(/^\d{4}$/);
    const schools = await api<{ total: number }>(
      server.url,
      `/api/v1/districts/${districtNumber}/schools?limit=1`,
    );
    expect(schools.total).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: /school/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(schools.total);
    expect(await page.getByRole('heading', { name: 'Verification summary' }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: 'Students' }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}district-${districtNumber}.png`, fullPage: true });
    await page.getByRole('link', { name: /All districts/ }).click();
    await districtRows(page).first().waitFor();
  });

  it('says clearly when a district does not exist', async () => {
    const notFound: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await page.goto(new URL('/districts/9999', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'District not found' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('9999');
    // The 404s are the expected answers, not errors worth failing on.
    pageErrors = pageErrors.filter((e) => !e.includes('404'));
    expect(notFound.length).toBeGreaterThan(0);
  });
});
