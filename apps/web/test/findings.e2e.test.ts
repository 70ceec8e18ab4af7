import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FindingPage, FindingTrend } from '@bitterroot/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { plantDropoutsWithoutReason } from './finding-data.ts';
import type { SessionHeaders } from './sign-in.ts';

// Browser end-to-end test of the validation findings pages against a real server with a small synthetic
// Montana: a run through the API, the state heat map, a district's findings filtered by rule, an
// acknowledgement with a reason, a run from the button, the CSV export, the trend of open findings, and a
// finding followed to its fix screen, corrected in the hand-entry form and resolved by a re-run.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();

// Hamilton K-12 (0193): the generator's clean small state still gives it a few inferred-rule warnings
// (ID-002 possible duplicates), and it is small enough to validate in about a second. Its fatal findings are
// planted: dropouts without a Drop Out Reason (ENR-006).
const DISTRICT = '0193';
const WARNING_RULE = 'ID-002';
const FATAL_RULE = 'ENR-006';
const PLANTED = 3;
const SCHOOL_YEAR = 2026;

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
  const s = browserSuite({
    context: { acceptDownloads: true },
    setup: async () => {
      headers = s.headers;
      await plantDropoutsWithoutReason(s.server, headers, DISTRICT, SCHOOL_YEAR, PLANTED);
      // Uploads validate as they commit; the bulk-loaded test state has not been validated yet.
      await api(s.server.url, `/api/v1/districts/${DISTRICT}/validation-runs`, { method: 'POST' });
    },
  });

  it('shows the state heat map and filters it by district and severity', async () => {
    await s.page.goto(new URL('/', s.server.url).href);
    await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Open validation findings' }).waitFor();
    const heatRows = s.page.locator('table.heat-map tbody tr');
    await expect.poll(() => heatRows.count()).toBeGreaterThan(0);
    expect(await s.page.getByRole('link', { name: /Hamilton K-12/ }).count()).toBeGreaterThan(0);
    expect(await s.page.getByRole('img', { name: /Open findings by rule/ }).count()).toBe(1);
    await s.page.screenshot({ path: `${screenshots}findings-heat-map.png`, fullPage: true });

    await s.page.getByLabel('District name or number').fill('Hamilton K-12');
    await expect.poll(() => heatRows.count()).toBe(1);
    expect(new URL(s.page.url()).searchParams.get('q')).toBe('Hamilton K-12');
    const heads = s.page.locator('table.heat-map thead th');
    await expect.poll(() => heads.allInnerTexts()).toContain(WARNING_RULE);
    await s.page.getByLabel('Severity').selectOption('fatal');
    await expect.poll(() => heads.allInnerTexts()).not.toContain(WARNING_RULE);
  });

  it('clicks through from a heat map cell to the district findings filtered by that rule', async () => {
    await s.page.goto(new URL(`/findings?q=${DISTRICT}`, s.server.url).href);
    await s.page.getByRole('link', { name: new RegExp(`open ${WARNING_RULE} findings`) }).click();
    await s.page.getByRole('heading', { level: 1, name: /Validation findings/ }).waitFor();
    expect(new URL(s.page.url()).pathname).toBe(`/districts/${DISTRICT}/findings`);
    expect(new URL(s.page.url()).searchParams.get('rule')).toBe(WARNING_RULE);
    const expected = await api<FindingPage>(
      s.server.url,
      `/api/v1/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`,
    );
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => findingRows(s.page).count()).toBe(expected.total);
    const rules = await findingRows(s.page).locator('th[scope=row]').allInnerTexts();
    expect(new Set(rules)).toEqual(new Set([WARNING_RULE]));
    // Possible duplicates span districts: the row names the district on the other side.
    const crossDistrict = expected.findings.find((f) => f.otherDistrict !== null);
    if (crossDistrict) {
      const other =
        crossDistrict.district === DISTRICT ? crossDistrict.otherDistrict : crossDistrict.district;
      const row = findingRows(s.page).filter({ hasText: crossDistrict.stateId ?? '' });
      expect(await row.innerText()).toContain(`also involves district ${other}`);
    }

    // The summary lists fatal rules first; clicking one filters the table to it.
    const summary = s.page.getByRole('table', { name: 'Open findings by rule' });
    const severities = await summary.locator('tbody td:nth-of-type(2)').allInnerTexts();
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('fatal'));
    await summary.getByRole('button', { name: FATAL_RULE }).click();
    await expect
      .poll(() => findingRows(s.page).locator('th[scope=row]').allInnerTexts())
      .toEqual(Array(PLANTED).fill(FATAL_RULE) as string[]);
    await expect.poll(() => s.page.getByLabel('Rule').inputValue()).toBe(FATAL_RULE);
    await s.page.screenshot({ path: `${screenshots}findings-district-rule.png`, fullPage: true });
  });

  it('acknowledges a warning with a reason', async () => {
    await s.page.goto(new URL(`/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`, s.server.url).href);
    const row = findingRows(s.page)
      .filter({ has: s.page.getByRole('button', { name: 'Acknowledge' }) })
      .first();
    const stateId = await row.locator('td').nth(1).innerText();
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.getByLabel(/Reason for acknowledging/).fill('Twins, verified with the family');
    await row.getByRole('button', { name: 'Save acknowledgement' }).click();
    const acknowledged = findingRows(s.page).filter({ hasText: stateId });
    await expect.poll(() => acknowledged.innerText()).toContain(`Acknowledged by ${s.server.tester} on`);
    await s.page.screenshot({ path: `${screenshots}findings-acknowledged.png`, fullPage: true });
    const saved = await api<FindingPage>(
      s.server.url,
      `/api/v1/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`,
    );
    const finding = saved.findings.find((f) => f.stateId === stateId && f.acknowledgedAt !== null);
    // The server records the signed-in user, not a name typed in the page.
    expect(finding?.acknowledgedBy).toBe(s.server.tester);
    expect(finding?.acknowledgementReason).toBe('Twins, verified with the family');
  });

  it('runs validation from the button and downloads the CSV', async () => {
    await s.page.goto(new URL(`/districts/${DISTRICT}/findings?rule=${WARNING_RULE}`, s.server.url).href);
    await findingRows(s.page).first().waitFor();
    await s.page.getByRole('button', { name: 'Run validation now' }).click();
    await expect.poll(() => s.page.getByRole('status').first().innerText()).toMatch(/Validation finished/);
    await findingRows(s.page).first().waitFor();

    const link = s.page.getByRole('link', { name: 'CSV' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`/findings.csv?rule=${WARNING_RULE}`);
    const response = await fetch(new URL(href, s.server.url), { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [download] = await Promise.all([s.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`findings-${DISTRICT}.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain(WARNING_RULE);
    expect(await s.page.getByRole('link', { name: /XLSX/ }).getAttribute('href')).toContain('findings.xlsx');
  });

  it('shows the trend of open findings on the district and state pages', async () => {
    const trend = await api<FindingTrend>(s.server.url, `/api/v1/districts/${DISTRICT}/findings/trend`);
    const today = trend.points.at(-1)!.day;
    const fatal = trend.points
      .filter((p) => p.day === today && p.severity === 'fatal')
      .reduce((n, p) => n + p.count, 0);
    expect(fatal).toBeGreaterThan(0);
    await s.page.goto(new URL(`/districts/${DISTRICT}/findings`, s.server.url).href);
    const chart = s.page.getByRole('img', {
      name: new RegExp(`Open findings of district ${DISTRICT} by day`),
    });
    await chart.waitFor();
    await s.page.getByText('Show the numbers').last().click();
    const row = s.page.getByRole('row', { name: new RegExp(`^${today}`) });
    expect(await row.locator('td').first().innerText()).toBe(String(fatal));
    // The setup validated one district only: the state's trend waits for a statewide run.
    await s.page.goto(new URL('/findings', s.server.url).href);
    await s.page.getByRole('heading', { level: 2, name: 'Open findings over time' }).waitFor();
    await s.page.getByText('No full validation run of the state in the last 90 days yet.').waitFor();
  });

  it('follows a finding to its fix screen, corrects the record by hand, and re-runs to resolve it', async () => {
    const rule = FATAL_RULE; // a dropout end status without a Drop Out Reason (montana-aim.md §6.4 R06)
    await s.page.goto(new URL(`/districts/${DISTRICT}/findings?rule=${rule}`, s.server.url).href);
    const first = findingRows(s.page).first();
    await first.waitFor();
    const before = await findingRows(s.page).count();
    const stateId = await first.locator('td').nth(1).innerText();
    expect(await first.getByRole('link', { name: stateId, exact: true }).getAttribute('href')).toMatch(
      new RegExp(`^/districts/${DISTRICT}/students/\\d+$`),
    );
    await first.getByRole('link', { name: `Fix ${rule} for ${stateId}` }).click();
    const form = s.page.getByRole('form', { name: /Student Enrollment/ });
    await form.waitFor();
    expect(new URL(s.page.url()).pathname).toMatch(/\/entry\/student-enrollment$/);
    await form.getByLabel('Drop Out Reason', { exact: true }).fill('Moved out of state, records requested');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await s.page.waitForURL((url) => /\/students\/\d+$/.test(url.pathname));

    await s.page.goto(new URL(`/districts/${DISTRICT}/findings?rule=${rule}`, s.server.url).href);
    await s.page.getByRole('button', { name: 'Run validation now' }).click();
    await expect.poll(() => s.page.getByRole('status').first().innerText()).toMatch(/Validation finished/);
    // The table reloads after the run: wait for the remaining findings, none of them this student's.
    await expect.poll(() => findingRows(s.page).count()).toBe(before - 1);
    expect(await findingRows(s.page).filter({ hasText: stateId }).count()).toBe(0);
    const resolved = await api<FindingPage>(
      s.server.url,
      `/api/v1/districts/${DISTRICT}/findings?rule=${rule}&status=resolved`,
    );
    expect(resolved.findings.map((f) => f.stateId)).toContain(stateId);
    await s.page.screenshot({ path: `${screenshots}findings-fixed.png`, fullPage: true });
  });
});
