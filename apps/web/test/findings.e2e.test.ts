import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FindingPage } from '@bitterroot/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { apiSession, signedInContext } from './sign-in.ts';

// Browser end-to-end test of the validation findings pages against a real server with a small synthetic
// Montana: a run through the API, the state heat map, a district's findings filtered by rule, an
// acknowledgement with a reason, a run from the button, and the CSV export.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();

// Hamilton K-12 (0193): the generator's clean small state still gives it a few inferred-rule warnings
// (ID-002 possible duplicates) besides fatal ones, and it is small enough to validate in about a second.
const DISTRICT = '0193';
const WARNING_RULE = 'ID-002';

let headers: SessionHeaders;

async function api<T>(base: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(new URL(path, base), { ...init, headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

function findingRows(page: Page) {
  // The sortable table's caption says how it is sorted; the rule summary and heat map captions do not.
  return page.getByRole('table', { name: /findings?\b.*sorted by/ }).locator('tbody tr');
}

const suiteName = hasChromium
  ? 'validation findings in a browser'
  : `validation findings in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
    headers = await apiSession(server, server.tester);
    context = await signedInContext(browser, server, server.tester, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // Uploads validate as they commit; the bulk-loaded test state has not been validated yet.
    await api(server.url, `/api/v1/districts/${DISTRICT}/validation-runs`, { method: 'POST' });
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

  it('shows the state heat map and filters it by district and severity', async () => {
    await page.goto(new URL('/', server.url).href);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open validation findings' }).waitFor();
    const heatRows = page.locator('table.heat-map tbody tr');
    await expect.poll(() => heatRows.count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /Hamilton K-12/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /Open findings by rule/ }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}findings-heat-map.png`, fullPage: true });

    await page.getByLabel('District name or number').fill('Hamilton K-12');
    await expect.poll(() => heatRows.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Hamilton K-12');
    const heads = page.locator('table.heat-map thead th');
    await expect.poll(() => heads.allInnerTexts()).toContain(WARNING_RULE);
    await page.getByLabel('Severity').selectOption('fatal');
    await expect.poll(() => heads.allInnerTexts()).not.toContain(WARNING_RULE);
  });

  it('clicks through from a heat map cell to the district findings filtered by that rule', async () => {
    await page.goto(new URL(`/findings?q=${DISTRICT}`, server.url).href);
    await page.getByRole('link', { name: new RegExp(`open ${WARNING_RULE} findings`) }).click();
    await page.getByRole('heading', { level: 1, name: /Validation findings/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/districts/${DISTRICT}/findings`);
    expect(new URL(page.url()).searchParams.get('rule')).toBe(WARNING_RULE);
    const expected = await api<FindingPage>(
      server.url,
      `/api/v1/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`,
    );
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => findingRows(page).count()).toBe(expected.total);
    const rules = await findingRows(page).locator('th[scope=row]').allInnerTexts();
    expect(new Set(rules)).toEqual(new Set([WARNING_RULE]));
    // Possible duplicates span districts: the row names the district on the other side.
    const crossDistrict = expected.findings.find((f) => f.otherDistrict !== null);
    if (crossDistrict) {
      const other =
        crossDistrict.district === DISTRICT ? crossDistrict.otherDistrict : crossDistrict.district;
      const row = findingRows(page).filter({ hasText: crossDistrict.stateId ?? '' });
      expect(await row.innerText()).toContain(`also involves district ${other}`);
    }

    // The summary lists fatal rules first; clicking one filters the table to it.
    const summary = page.getByRole('table', { name: 'Open findings by rule' });
    const severities = await summary.locator('tbody td:nth-of-type(2)').allInnerTexts();
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('fatal'));
    await summary.getByRole('button', { name: 'ENR-006' }).click();
    await expect
      .poll(() => findingRows(page).locator('th[scope=row]').allInnerTexts())
      .toEqual(Array(5).fill('ENR-006') as string[]);
    await expect.poll(() => page.getByLabel('Rule').inputValue()).toBe('ENR-006');
    await page.screenshot({ path: `${screenshots}findings-district-rule.png`, fullPage: true });
  });

  it('acknowledges a warning with a reason', async () => {
    await page.goto(new URL(`/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`, server.url).href);
    const row = findingRows(page)
      .filter({ has: page.getByRole('button', { name: 'Acknowledge' }) })
      .first();
    const stateId = await row.locator('td').nth(1).innerText();
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.getByLabel(/Reason for acknowledging/).fill('Twins, verified with the family');
    await row.getByRole('button', { name: 'Save acknowledgement' }).click();
    const acknowledged = findingRows(page).filter({ hasText: stateId });
    await expect.poll(() => acknowledged.innerText()).toContain(`Acknowledged by ${server.tester} on`);
    await page.screenshot({ path: `${screenshots}findings-acknowledged.png`, fullPage: true });
    const saved = await api<FindingPage>(
      server.url,
      `/api/v1/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`,
    );
    const finding = saved.findings.find((f) => f.stateId === stateId && f.acknowledgedAt !== null);
    // The server records the signed-in user, not a name typed in the page.
    expect(finding?.acknowledgedBy).toBe(server.tester);
    expect(finding?.acknowledgementReason).toBe('Twins, verified with the family');
  });

  it('runs validation from the button and downloads the CSV', async () => {
    await page.goto(new URL(`/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`, server.url).href);
    await findingRows(page).first().waitFor();
    await page.getByRole('button', { name: 'Run validation now' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/Validation finished/);
    await findingRows(page).first().waitFor();

    const link = page.getByRole('link', { name: 'CSV' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`/findings.csv?rule=${WARNING_RULE}`);
    const response = await fetch(new URL(href, server.url), { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`findings-${DISTRICT}.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain(WARNING_RULE);
    expect(await page.getByRole('link', { name: /XLSX/ }).getAttribute('href')).toContain('findings.xlsx');
  });
});
