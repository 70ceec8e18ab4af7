import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { OutcomeReport } from '@bitterroot/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { KnownStudent } from './funding-data.ts';
import { loadKnownFundingData } from './funding-data.ts';
import type { KnownCohortStudent, KnownOutcomeStudent } from './outcome-data.ts';
import { loadKnownCohort, loadKnownOutcomeData } from './outcome-data.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { accountOf, apiSession, signedInContext } from './sign-in.ts';

// Browser end-to-end test of the outcome, export and public-report pages against a real server with a small
// synthetic Montana. The steward's district gets known EOY CTE, behavior and attendance through the upload API
// (outcome-data.ts, funding-data.ts): the pages must show the concentrators, the reportable students, their
// per-student lines and CSV; state staff the district in the statewide table, an EDFacts FS195 file whose
// chronic-absence counts are the planned ones, and a public report that hides the small chronic-absence rate.
// A steward is refused another district's outcomes and the state's exports.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const SCHOOL_YEAR = 2026;

const suiteName = hasChromium
  ? 'outcome, export and public-report pages in a browser'
  : `outcome, export and public-report pages in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let headers: SessionHeaders;
  let district: string;
  let other: string;
  let known: KnownOutcomeStudent[];
  let attendance: KnownStudent[];
  let cohort: KnownCohortStudent[];
  const contexts: BrowserContext[] = [];

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

  async function api(path: string): Promise<OutcomeReport> {
    const response = await fetch(new URL(path, server.url), { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as OutcomeReport;
  }

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
    headers = await apiSession(server, server.tester);
    district = accountOf(server, 'district-steward').district ?? '';
    other = district === '0193' ? '0059' : '0193';
    known = await loadKnownOutcomeData(server, headers, district, SCHOOL_YEAR);
    attendance = await loadKnownFundingData(server, headers, district, SCHOOL_YEAR);
    cohort = await loadKnownCohort(server, headers, district, SCHOOL_YEAR);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('computes the planned CTE and behavior figures (the reports over the API)', async () => {
    const cte = await api(`/api/v1/districts/${district}/outcomes/cte`);
    expect(cte.totals).toMatchObject({ numerator: 2, denominator: 3 });
    const behavior = await api(`/api/v1/districts/${district}/outcomes/behavior`);
    expect(behavior.totals).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('shows a steward the CTE and behavior pages with per-student lines and the CSV', async () => {
    const { page, errors } = await pageAs('district-steward');
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('heading', { level: 1, name: /Graduation cohort/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Outcome measures' })
      .getByRole('link', { name: 'CTE concentrators' })
      .click();
    const stats = page.locator('dl[aria-label^="CTE concentrators"]');
    await expect.poll(() => stats.innerText()).toContain('66.7%');
    expect(await stats.innerText()).toMatch(/CTE concentrators\s+2\b[\s\S]*CTE participants\s+3\b/);
    expect(await page.getByText('Live preview, not certified.').count()).toBe(1);
    const rows = page.getByRole('table', { name: /lines?, \d+ counted/ }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const split = known.find((k) => !k.concentrator)!;
    await page.getByLabel('State ID').fill(split.stateId);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('participant: at most 1 credits');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Counted', { exact: true }).selectOption('yes');
    await expect.poll(() => rows.count()).toBe(2);
    const link = page.getByRole('link', { name: /CSV/ });
    expect(await link.getAttribute('href')).toBe(`/api/v1/districts/${district}/outcomes/cte/students.csv`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(4);
    expect(csv).toContain(`${split.stateId},${district}`);
    await page.screenshot({ path: `${screenshots}outcomes-district-cte.png`, fullPage: true });

    await page
      .getByRole('navigation', { name: 'Outcome measures' })
      .getByRole('link', { name: 'Reportable behavior' })
      .click();
    const behavior = page.locator('dl[aria-label^="Reportable behavior"]');
    await expect.poll(() => behavior.innerText()).toMatch(/reportable resolution\s+2\b/);
    expect(await behavior.innerText()).toMatch(/behavior record\s+3\b/);
    const iss = known.find((k) => k.resolution === 'ISS')!;
    await page.getByLabel('State ID').fill(iss.stateId);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/ISS[\s\S]*No/);
    expect(await page.locator('dl[aria-label="Exact counts"]').innerText()).toMatch(/Resolution OSS\s+1/);

    // Nothing is certified in the test state: the certified switch says so.
    await page.getByLabel('Certified snapshots').click();
    await page.getByText('No certified figures yet.').waitFor();
    expect(new URL(page.url()).searchParams.get('source')).toBe('certified');
    expect(errors).toEqual([]);
  });

  it('shows the graduation cohort with its lines and switches the cohort length', async () => {
    const { page, errors } = await pageAs('district-steward');
    // The planned seniors are in the generated state's 4-year cohort ending this year: two graduated in time
    // with a regular diploma, one did not. The page shows the cohort the API computes.
    const four = await api(`/api/v1/districts/${district}/outcomes/graduation`);
    const lineOf = new Map(four.lines.map((l) => [l.stateId, l]));
    for (const c of cohort) expect(lineOf.get(c.stateId)?.counted, c.stateId).toBe(c.graduate);
    const { numerator, denominator } = four.totals;
    expect(denominator).toBeGreaterThanOrEqual(cohort.length);
    await page.goto(new URL(`/districts/${district}/outcomes/graduation`, server.url).href);
    const stats = page.locator('dl[aria-label^="Graduation cohort"]');
    await expect
      .poll(() => stats.innerText())
      .toMatch(new RegExp(`in time\\s+${numerator}\\b[\\s\\S]*Adjusted cohort\\s+${denominator}\\b`));
    expect(await stats.innerText()).toContain(`${((100 * numerator) / denominator).toFixed(1)}%`);
    const table = page.getByRole('table', { name: /lines?, [\d,]+ counted/ });
    await expect
      .poll(() => table.locator('caption').innerText())
      .toContain(`${four.lines.length.toLocaleString('en-US')} line`);
    const rows = table.locator('tbody tr');
    const stayed = cohort.find((c) => !c.graduate)!;
    await page.getByLabel('State ID').fill(stayed.stateId);
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining(stayed.stateId)]);
    expect(await rows.first().innerText()).toContain('In cohort, not graduated');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Status').selectOption('COHNO');
    const notGraduated = four.lines.filter((l) => l.status === 'COHNO').length;
    await expect.poll(() => rows.count()).toBe(Math.min(notGraduated, 200));
    await page.screenshot({ path: `${screenshots}outcomes-graduation.png`, fullPage: true });
    // The 5-year cohort ending this year entered a year earlier: the page switches to the API's figures for it.
    const five = await api(`/api/v1/districts/${district}/outcomes/graduation?years=5`);
    await page.getByLabel('Cohort length').selectOption('5');
    await expect.poll(() => new URL(page.url()).searchParams.get('years')).toBe('5');
    await expect
      .poll(() => page.locator('dl[aria-label="Exact counts"]').innerText())
      .toMatch(/Cohort length in years\s+5/);
    await expect
      .poll(() => stats.innerText())
      .toMatch(new RegExp(`Adjusted cohort\\s+${five.totals.denominator}\\b`));
    expect(five.lines.map((l) => l.stateId)).not.toContain(stayed.stateId);

    for (const path of [`/districts/${other}/outcomes/cte`, '/exports']) {
      await page.goto(new URL(path, server.url).href);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('shows state staff the district in the statewide table, an FS195 file and the public report', async () => {
    const { page, errors } = await pageAs('state-staff');
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
    await page
      .getByRole('navigation', { name: 'Outcome measures' })
      .getByRole('link', { name: 'CTE concentrators' })
      .click();
    const units = page.getByRole('table', { name: /CTE concentrators of .*district/ }).locator('tbody tr');
    await expect.poll(() => units.count()).toBe(1);
    expect(await units.first().innerText()).toMatch(new RegExp(`${district}\\s+2\\s+3\\s+66\\.7%`));
    await units.first().getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/districts/${district}/outcomes/cte`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).click();
    await page.getByLabel('Live data (preview)').click();
    await page.getByLabel('File to export', { exact: true }).selectOption('FS195');
    const link = page.getByRole('link', { name: /Download FS195/ });
    expect(await link.getAttribute('href')).toBe(
      '/api/v1/exports/edfacts/FS195?level=sch&format=csv&source=live',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`MTSCHFS195${SCHOOL_YEAR}.csv`);
    const records = (await readFile((await download.path()) ?? '', 'utf8')).trim().split(/\r?\n/).slice(1);
    // The EUT (education unit total) record of each school counts its chronically absent students.
    const totals = records.map((r) => r.split(',')).filter((f) => f.includes('EUT') || f.at(-3) === 'Y');
    const chronic = attendance.filter((k) => k.eoy.absent >= 0.1 * k.eoy.enrolled).length;
    expect(totals.reduce((a, f) => a + Number(f.at(-1)), 0)).toBe(chronic);
    await page.screenshot({ path: `${screenshots}outcomes-exports.png`, fullPage: true });

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Public reports' })
      .click();
    await page.getByLabel('District number').fill(district);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByLabel('Live data (preview)').click();
    const rates = page.locator('dl[aria-label="Public rates"]');
    // Six students have EOY attendance: below 10, so the chronic absence rate is hidden.
    await expect
      .poll(() => rates.innerText())
      .toContain(`suppressed: ${attendance.length} students, below 10`);
    expect(await page.getByRole('table', { name: 'Enrollment by grade and race/ethnicity' }).count()).toBe(1);
    await page.screenshot({ path: `${screenshots}outcomes-public-report.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
