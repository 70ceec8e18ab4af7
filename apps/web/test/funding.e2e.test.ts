import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DistrictAnbReport } from '@bitterroot/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { KnownStudent } from './funding-data.ts';
import { loadKnownFundingData } from './funding-data.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { accountOf, apiSession, signedInContext } from './sign-in.ts';

// Browser end-to-end test of the funding pages against a real server with a small synthetic Montana. The
// steward's district and one other get known fall counts, spring counts and EOY attendance through the upload
// API (funding-data.ts); the pages must show the counts, the ANB by the formula, the per-student explanations,
// the CSV, attendance and chronic absence, and state staff the statewide table. A steward of one district is
// refused another district's reports.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const PIR_DAYS = 7;
const SCHOOL_YEAR = 2026;

const anbText = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const weightText = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });
const percentText = (n: number) => `${(n * 100).toFixed(1)}%`;
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/** The expected counts and ANB of a budget unit, from the plan alone (MCA 20-9-311(1)–(2)). */
function expected(known: readonly KnownStudent[], unit: KnownStudent['budgetUnit']) {
  const mine = known.filter((k) => k.budgetUnit === unit);
  const fall = sum(mine.map((k) => k.fallWeight));
  const spring = sum(mine.map((k) => k.springWeight));
  return { fall, spring, anb: Math.round((((fall + spring) / 2) * (180 + PIR_DAYS) * 100) / 180) / 100 };
}

const suiteName = hasChromium
  ? 'funding pages in a browser'
  : `funding pages in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let headers: SessionHeaders;
  let district: string;
  let other: string;
  let known: KnownStudent[];
  let otherKnown: KnownStudent[];
  const contexts: BrowserContext[] = [];

  /** A page signed in as the account of `role`, with the uncaught errors it throws. */
  async function pageAs(role: string): Promise<{ page: Page; errors: string[] }> {
    const context = await signedInContext(browser, server, accountOf(server, role).email, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
    headers = await apiSession(server, server.tester);
    district = accountOf(server, 'district-steward').district ?? '';
    other = district === '0193' ? '0059' : '0193';
    known = await loadKnownFundingData(server, headers, district, SCHOOL_YEAR);
    otherKnown = await loadKnownFundingData(server, headers, other, SCHOOL_YEAR, 4);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('computes the planned counts (the ANB report over the API)', async () => {
    const url = new URL(`/api/v1/districts/${district}/anb?pirDays=${PIR_DAYS}`, server.url);
    const report = (await (await fetch(url, { headers })).json()) as DistrictAnbReport;
    expect(report.lines).toHaveLength(known.length * 2);
    // Fall 1 + 0.75 + 0.5 + 0 + 1 + 0.25, spring 1 + 1 + 1 + 1 + 1 + 0.75, whatever the budget units.
    expect(sum(report.units.map((u) => u.fall))).toBe(3.5);
    expect(sum(report.units.map((u) => u.spring))).toBe(5.75);
    for (const u of report.units) {
      const e = expected(known, u.budgetUnit);
      expect(u).toMatchObject({ fall: e.fall, spring: e.spring, anbRounded: e.anb });
    }
  });

  it('shows a steward the district ANB with its formula, filters the lines and downloads the CSV', async () => {
    const { page, errors } = await pageAs('district-steward');
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ANB' }).click();
    await page.getByRole('heading', { level: 1, name: /Average Number Belonging/ }).waitFor();
    await page.getByLabel('Approved PIR days').selectOption(String(PIR_DAYS));
    await expect.poll(() => new URL(page.url()).searchParams.get('pirDays')).toBe(String(PIR_DAYS));
    const elementary = expected(known, 'elementary');
    const high = expected(known, 'high_school');
    const stats = page.locator('dl[aria-label="District ANB"]');
    await expect.poll(() => stats.innerText()).toContain(anbText(elementary.anb + high.anb));
    const statText = await stats.innerText();
    expect(statText).toContain(weightText(elementary.fall + high.fall));
    expect(statText).toContain(weightText(elementary.spring + high.spring));
    expect(await page.getByText('Live preview, not certified.').count()).toBe(1);
    const unitTable = await page.getByRole('table', { name: 'ANB per budget unit' }).innerText();
    for (const e of [elementary, high].filter((u) => u.fall + u.spring > 0))
      expect(unitTable).toContain(
        `(${weightText(e.fall)} + ${weightText(e.spring)}) ÷ 2 × (180 + 7) ÷ 180 = ${anbText(e.anb)}`,
      );

    const rows = page.getByRole('table', { name: /lines?,.*sorted by/ }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(known.length * 2);
    const threeQuarter = known.find((k) => k.fallWeight === 0.75)!;
    await page.getByLabel('State ID').fill(threeQuarter.stateId);
    await page.getByLabel('Count', { exact: true }).selectOption('fall');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('counted 0.75: 540–719 aggregate hours');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('School').selectOption(threeQuarter.schoolNumber);
    const inSchool = known.filter((k) => k.schoolNumber === threeQuarter.schoolNumber).length;
    await expect.poll(() => rows.count()).toBe(inSchool * 2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // Reasons are grouped, so an option's text carries its line count: pick it by its value.
    const option = page.locator('#anb-reason option', { hasText: 'excluded: 11th consecutive absence' });
    await page.getByLabel('Reason').selectOption((await option.first().getAttribute('value')) ?? '');
    const excluded = known.find((k) => k.fall.absent)!;
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining(excluded.stateId)]);
    expect(await rows.first().innerText()).toContain('(12 days)');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: /^Weight/ }).click();
    await expect.poll(() => rows.last().innerText()).toContain('excluded');
    await page.screenshot({ path: `${screenshots}funding-district-anb.png`, fullPage: true });

    const link = page.getByRole('link', { name: /CSV/ });
    expect(await link.getAttribute('href')).toBe(
      `/api/v1/districts/${district}/anb/students.csv?pirDays=${PIR_DAYS}`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`anb-${district}-${SCHOOL_YEAR}.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('State ID,Count,Count Date');
    expect(csv).toMatch(new RegExp(`${threeQuarter.stateId},fall,.*counted 0\\.75: 540–719 aggregate hours`));
    expect(csv.trim().split(/\r?\n/)).toHaveLength(known.length * 2 + 1);

    // No count has been certified in the test state: the certified switch says so instead of failing.
    await page.getByLabel('Certified snapshots').click();
    await page.getByText('No certified figures yet.').waitFor();
    await page.getByRole('button', { name: 'Show the live preview instead' }).click();
    await page.getByText('Live preview, not certified.').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a steward the attendance and refuses another district', async () => {
    const { page, errors } = await pageAs('district-steward');
    await page.goto(new URL(`/districts/${district}/attendance`, server.url).href);
    const stats = page.locator('dl[aria-label="District attendance"]');
    await stats.waitFor();
    const enrolled = sum(known.map((k) => k.eoy.enrolled));
    const present = sum(known.map((k) => k.eoy.present));
    // ESSA chronic absence: absent at least 10% of the days enrolled.
    const chronic = known.filter((k) => k.eoy.absent >= 0.1 * k.eoy.enrolled).length;
    const text = await stats.innerText();
    expect(text).toContain(percentText(present / enrolled));
    expect(text).toContain(weightText(enrolled));
    expect(text).toContain(percentText(chronic / known.length));
    const schools = page.getByRole('table', { name: /Chronic absence in/ }).locator('tbody tr');
    expect(await schools.count()).toBe(new Set(known.map((k) => k.schoolNumber)).size);
    expect(await page.getByRole('img', { name: /Chronically absent students by school/ }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}funding-attendance.png`, fullPage: true });

    for (const path of [`/districts/${other}/anb`, `/districts/${other}/attendance`]) {
      await page.goto(new URL(path, server.url).href);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('shows state staff every district with totals, sorts, filters and links to a district', async () => {
    const { page, errors } = await pageAs('state-staff');
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ANB' }).click();
    await page.getByRole('heading', { level: 1, name: /Average Number Belonging/ }).waitFor();
    await page.getByLabel('Approved PIR days').selectOption(String(PIR_DAYS));
    const mine = expected(known, 'elementary').anb + expected(known, 'high_school').anb;
    const theirs = expected(otherKnown, 'elementary').anb + expected(otherKnown, 'high_school').anb;
    const stats = page.locator('dl[aria-label="Statewide ANB"]');
    await expect.poll(() => stats.innerText()).toContain(anbText(mine + theirs));
    // Only the two districts with uploaded counts have ANB; largest first by default.
    const rows = page.getByRole('table', { name: /ANB of .*districts?/ }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain(anbText(mine));
    await page.getByRole('button', { name: /^ANB/ }).click();
    await expect.poll(() => rows.first().innerText()).toContain(anbText(theirs));
    expect(await page.getByRole('img', { name: 'Total ANB by district size band' }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}funding-state-anb.png`, fullPage: true });

    await page.getByLabel('Name or number').fill(district);
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/districts/${district}/anb`);
    expect(new URL(page.url()).searchParams.get('pirDays')).toBe(String(PIR_DAYS));
    await page.getByRole('table', { name: 'ANB per budget unit' }).waitFor();
    expect(errors).toEqual([]);
  });
});
