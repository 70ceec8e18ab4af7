import { fileURLToPath } from 'node:url';
import type { District } from '@bitterroot/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import type { SessionHeaders } from './sign-in.ts';

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
  const s = browserSuite({
    setup: async () => {
      headers = s.headers;
    },
  });

  it('lists every district with state totals and a chart', async () => {
    const { total } = await api<{ total: number }>(s.server.url, '/api/v1/districts?limit=1');
    expect(total).toBe(397);
    await s.page.goto(new URL('/', s.server.url).href);
    await expect.poll(() => districtRows(s.page).count()).toBe(397);
    const caption = await s.page
      .getByRole('table', { name: /district/ })
      .locator('caption')
      .innerText();
    expect(caption).toMatch(/^397 districts/);
    expect(await s.page.getByRole('banner').innerText()).toMatch(/Bitterroot[\s\S]*Montana/);
    expect(await s.page.getByRole('definition').first().innerText()).toBe('397');
    expect(await s.page.getByRole('img', { name: /Districts by/ }).count()).toBe(1);
    await s.page.screenshot({ path: `${screenshots}state-overview.png` });
  });

  it('filters by name', async () => {
    await s.page.goto(new URL('/', s.server.url).href);
    await s.page.getByLabel('Name or number').fill('Billings');
    await expect.poll(() => districtRows(s.page).count()).toBe(2);
    const names = await districtRows(s.page).locator('th[scope=row]').allInnerTexts();
    expect(names.toSorted()).toEqual(['Billings Elem', 'Billings H S']);
    expect(new URL(s.page.url()).searchParams.get('q')).toBe('Billings');
    await s.page.getByLabel('Level').selectOption('high_school');
    await expect
      .poll(() => districtRows(s.page).locator('th[scope=row]').allInnerTexts())
      .toEqual(['Billings H S']);
  });

  it('sorts by enrollment, largest first', async () => {
    const largest = (
      await api<{ items: District[] }>(s.server.url, '/api/v1/districts?sort=studentCount&order=desc&limit=1')
    ).items[0];
    expect(largest).toBeDefined();
    await s.page.goto(new URL('/', s.server.url).href);
    await districtRows(s.page).first().waitFor();
    const header = s.page.getByRole('columnheader', { name: 'Students' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const firstRow = districtRows(s.page).first();
    // Compare the figure, not the name: districts may tie on the largest count.
    const students = await firstRow.locator('td').nth(3).innerText();
    expect(students).toBe(largest?.studentCount.toLocaleString('en-US'));
    const counts = await districtRows(s.page).evaluateAll((rows) =>
      rows.map((row) => Number(row.querySelectorAll('td')[3]?.textContent?.replaceAll(',', ''))),
    );
    expect(counts).toEqual(counts.toSorted((a, b) => b - a));
    await header.getByRole('button').press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
  });

  it('opens a district and shows its verification summary and schools', async () => {
    await s.page.goto(new URL('/?q=Billings', s.server.url).href);
    await s.page.getByRole('link', { name: 'Billings Elem' }).click();
    await s.page.getByRole('heading', { level: 1, name: /Billings Elem/ }).waitFor();
    expect(await s.page.evaluate(() => document.activeElement?.id), 'focus moves to the new page').toBe(
      'main',
    );
    const districtNumber = new URL(s.page.url()).pathname.split('/').at(-1) ?? '';
    expect(districtNumber).toMatch(/^\d{4}$/);
    const schools = await api<{ total: number }>(
      s.server.url,
      `/api/v1/districts/${districtNumber}/schools?limit=1`,
    );
    expect(schools.total).toBeGreaterThan(0);
    const table = s.page.getByRole('table', { name: /school/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(schools.total);
    expect(await s.page.getByRole('heading', { name: 'Verification summary' }).count()).toBe(1);
    expect(await s.page.getByRole('rowheader', { name: 'Students' }).count()).toBe(1);
    await s.page.screenshot({ path: `${screenshots}district-${districtNumber}.png`, fullPage: true });
    await s.page.getByRole('link', { name: /All districts/ }).click();
    await districtRows(s.page).first().waitFor();
  });

  it('says clearly when a district does not exist', async () => {
    const notFound: string[] = [];
    s.page.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await s.page.goto(new URL('/districts/9999', s.server.url).href);
    await s.page.getByRole('heading', { level: 1, name: 'District not found' }).waitFor();
    expect(await s.page.getByRole('status').innerText()).toContain('9999');
    // The 404s are the expected answers, not errors worth failing on.
    s.pageErrors = s.pageErrors.filter((e) => !e.includes('404'));
    expect(notFound.length).toBeGreaterThan(0);
  });
});
