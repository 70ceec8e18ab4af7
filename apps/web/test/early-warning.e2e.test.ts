import { fileURLToPath } from 'node:url';
import type { DistrictPage, EwsModelSummary, EwsStudentsResponse } from '@bitterroot/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { accountOf, apiSession, signedInContext } from './sign-in.ts';
import { uploadThroughApi } from './upload-api.ts';
import { templateLayout, tsvRow, writeMontanaFile } from './upload-files.ts';

// Browser end-to-end test of the Early Warning System against a real server with a small synthetic Montana
// holding three history years and their EWS term records: state staff train candidate models on two years,
// tested on the third, promote them, read a model card, and a district page lists flagged students with
// their reasons. A steward of another district is refused the district's scores.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const AS_OF = '2025-03-01';

const suiteName = hasChromium
  ? 'early warning in a browser'
  : `early warning in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let headers: SessionHeaders;
  const contexts: BrowserContext[] = [];

  async function pageAs(email: string): Promise<{ page: Page; errors: string[] }> {
    const context = await signedInContext(browser, server, email, { viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  async function api<T>(path: string): Promise<T> {
    const res = await fetch(new URL(path, server.url), { headers });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    server = await startServerUnderTest({ historyYears: 3, earlyWarning: true });
    browser = await launchBrowser();
    headers = await apiSession(server, server.tester);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('trains and promotes models, shows a model card and flagged students with reasons', async () => {
    const { page, errors } = await pageAs(server.tester);
    await page.goto(new URL('/early-warning', server.url).href);
    await page.getByRole('heading', { name: 'Early Warning System' }).waitFor();
    // Defaults: the newest closed year (2025) is the test year, the earlier ones train.
    await expect(page.getByLabel('Test year (out of time)').inputValue()).resolves.toBe('2025');
    await page.getByRole('button', { name: 'Train models' }).click();
    const done = page.getByRole('status').filter({ hasText: /Trained \d+ candidate model/ });
    // Training reads three school years and fits seven grades: slow on a loaded machine.
    await done
      .or(page.getByRole('alert'))
      .first()
      .waitFor({ timeout: 400_000 })
      .finally(() => page.screenshot({ path: `${screenshots}early-warning-trained.png`, fullPage: true }));
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    const promote = page.getByRole('button', { name: /^Promote grade/ });
    const trained = await promote.count();
    expect(trained).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < trained; i++) {
      await promote.first().click();
      await page
        .getByRole('status')
        .filter({ hasText: /is now the current model/ })
        .waitFor();
      await expect.poll(() => promote.count()).toBe(trained - i - 1);
    }
    await page.screenshot({ path: `${screenshots}early-warning-models.png`, fullPage: true });

    await page.getByRole('link', { name: 'Model card' }).first().click();
    await page.getByRole('heading', { name: 'What this model can and cannot do' }).waitFor();
    await page.getByRole('heading', { name: 'Fairness by group (high band)' }).waitFor();
    await expect(
      page
        .getByRole('table', { name: /Accuracy per group/ })
        .getByRole('row')
        .count(),
    ).resolves.toBeGreaterThan(5);
    await page.screenshot({ path: `${screenshots}early-warning-model-card.png`, fullPage: true });

    // A district with flagged students on the as-of date, found through the API.
    const { items } = await api<DistrictPage>('/api/v1/districts?sort=studentCount&order=desc&limit=20');
    const districts = items.filter((d) => d.studentCount > 0);
    let district = '';
    let flagged: EwsStudentsResponse['students'] = [];
    for (const d of districts) {
      const r = await api<EwsStudentsResponse>(
        `/api/v1/districts/${d.districtNumber}/ews/students?asOf=${AS_OF}`,
      );
      flagged = r.students.filter((s) => s.band === 'high');
      if (flagged.length > 0) {
        district = d.districtNumber;
        break;
      }
    }
    expect(district).not.toBe('');
    await page.goto(new URL(`/districts/${district}/early-warning?asOf=${AS_OF}`, server.url).href);
    const table = page.getByRole('table', { name: /scored students/ });
    await table.waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(flagged.length + 1);
    const top = flagged[0]!;
    const row = table.getByRole('row').filter({ hasText: top.stateId });
    for (const reason of top.reasons) await expect(row.getByText(reason).count()).resolves.toBe(1);
    await page.screenshot({ path: `${screenshots}early-warning-district.png`, fullPage: true });

    // The CSV link downloads the same high-band list (the server audits the download).
    const csvHref = await page
      .getByRole('link', { name: /Download high-band students/ })
      .getAttribute('href');
    const csv = await fetch(new URL(csvHref!, server.url), { headers });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).trimEnd().split('\r\n').length).toBe(flagged.length + 1);

    // A stored run gives the student's trend; an intervention recorded on the page is marked on it.
    const run = await fetch(new URL('/api/v1/ews/score-runs', server.url), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ asOf: AS_OF }),
    });
    expect(run.status).toBe(200);
    await row.getByRole('link', { name: new RegExp(top.stateId) }).click();
    await page.getByRole('heading', { name: 'Risk over time' }).waitFor();
    await expect(
      page
        .getByRole('table', { name: /Risk at each scoring date/ })
        .getByRole('row')
        .count(),
    ).resolves.toBe(2);
    const form = page.getByRole('form', { name: 'Record an intervention' });
    await form.getByLabel('Intervention').fill('Attendance mentor');
    await form.getByLabel('Started').fill('2025-01-15');
    await form.getByRole('button', { name: 'Record' }).click();
    await page
      .getByRole('table', { name: /What the school did/ })
      .getByText('Attendance mentor')
      .waitFor();
    await expect(page.locator('.intervention-marker').count()).resolves.toBe(1);
    await page.screenshot({ path: `${screenshots}early-warning-student.png`, fullPage: true });
    expect(errors).toEqual([]);

    // A steward of another district is refused this district's scores.
    const steward = accountOf(server, 'district-steward');
    if (steward.district && steward.district !== district) {
      const { page: other } = await pageAs(steward.email);
      await other.goto(new URL(`/districts/${district}/early-warning?asOf=${AS_OF}`, server.url).href);
      await other.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
  }, 900_000);

  it('scores a student uploaded in the EWS data file and marks them in the district list', async () => {
    // Runs after the models above are promoted; decision 0071.
    const models = await api<EwsModelSummary[]>('/api/v1/ews/models');
    const grade = models.find((m) => m.status === 'current' && m.grade >= 9)?.grade;
    expect(grade).toBeDefined();
    // A district with students scored at the as-of date (elementary districts have none), and one of its schools.
    const { items } = await api<DistrictPage>('/api/v1/districts?sort=studentCount&order=desc&limit=20');
    let district = '';
    let school = '';
    for (const d of items) {
      const r = await api<EwsStudentsResponse>(
        `/api/v1/districts/${d.districtNumber}/ews/students?asOf=${AS_OF}`,
      );
      if (r.students.length === 0) continue;
      district = d.districtNumber;
      school = r.students[0]!.schoolNumber;
      break;
    }
    expect(district).not.toBe('');
    const layout = await templateLayout('ews-student-data');
    const file = await writeMontanaFile('ews.tsv', [
      tsvRow(layout, {
        district_number: district,
        school_number: school,
        student_local_id: 'EW-E2E-1',
        grade_level: String(grade).padStart(2, '0'),
        as_of_date: '02/01/2026',
        birth_date: '01/01/2008',
        days_enrolled: '100',
        days_absent: '35',
        behavior_events: '4',
        suspension_days: '6',
        course_failures: '3',
        credits_earned: '1',
        school_changes_this_year: '2',
        school_changes_last_year: '1',
        district_changes_this_year: '1',
        district_changes_last_year: '0',
        school_year: '2026',
      }),
    ]);
    const batch = await uploadThroughApi(server.url, headers, district, file, 'ews-student-data');
    expect(batch.status).toBe('committed');

    const { page, errors } = await pageAs(server.tester);
    await page.goto(new URL(`/districts/${district}/early-warning?asOf=2026-02-15`, server.url).href);
    const section = page.getByRole('region', { name: 'Students not in the system' });
    await section.getByText('1 uploaded student scored this school year').waitFor();
    await page.getByRole('combobox', { name: /^Band/ }).selectOption('all');
    const row = page.getByRole('table', { name: /scored students/ }).getByRole('row', { name: /EW-E2E-1/ });
    await row.getByText('uploaded (not in the system)').waitFor();
    await page.screenshot({ path: `${screenshots}early-warning-uploaded.png`, fullPage: true });
    await section.getByRole('link', { name: 'Upload EWS student data' }).click();
    await expect.poll(() => page.getByLabel('File type').inputValue()).toBe('ews-student-data');
    expect(errors).toEqual([]);
  }, 300_000);
});
