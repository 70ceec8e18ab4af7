import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { School } from '@bitterroot/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import type { SessionHeaders } from './sign-in.ts';
import { templateLayout, tsvRow, writeMontanaFile } from './upload-files.ts';

// Browser end-to-end test of the district upload page against a real server: a Student Demographic file
// that commits and issues state IDs, then an Enrollment file with a school outside the district.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const DISTRICT = '0059';
// Names the synthetic state never generates, so these students are new and get new state IDs.
const STUDENTS = [
  { student_local_id: '990001', last_name: 'Qwerty', first_name: 'Ana' },
  { student_local_id: '990002', last_name: 'Zyxwv', first_name: 'Minh', gender: 'M' },
];

const enrollmentDefaults = {
  district_number: DISTRICT,
  calendar_number: '001',
  grade_level: '05',
  start_date: '08/27/2025',
  start_status: '01',
  service_type: 'P',
  school_year: '2026',
};

const suiteName = hasChromium
  ? 'district upload page in a browser'
  : `district upload page in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

let headers: SessionHeaders;

async function firstSchool(base: string): Promise<string> {
  const response = await fetch(new URL(`/api/v1/districts/${DISTRICT}/schools?limit=1`, base), { headers });
  const page = (await response.json()) as { items: School[] };
  const school = page.items[0];
  if (!school) throw new Error(`district ${DISTRICT} has no school`);
  return school.schoolNumber;
}

function outcome(page: Page) {
  return page.locator('.outcome h2');
}

async function uploadFile(page: Page, path: string, template: string) {
  await page.getByLabel('File type').selectOption({ label: template });
  await page.getByLabel('File', { exact: true }).setInputFiles(path);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
}

describe.skipIf(!hasChromium)(suiteName, () => {
  const stateIds = new Map<string, string>();

  const s = browserSuite({
    context: { acceptDownloads: true },
    setup: async () => {
      headers = s.headers;
    },
  });

  it('is reached from the district page and explains the upload order', async () => {
    await s.page.goto(new URL(`/districts/${DISTRICT}`, s.server.url).href);
    await s.page.getByRole('link', { name: 'Upload a file' }).click();
    await s.page.getByRole('heading', { level: 1, name: /Upload a file/ }).waitFor();
    expect(new URL(s.page.url()).pathname).toBe(`/districts/${DISTRICT}/upload`);
    expect(await s.page.locator('.notice').innerText()).toMatch(/Student Demographic first.*state IDs/);
    expect(await s.page.getByRole('button', { name: 'Upload', exact: true }).isDisabled()).toBe(true);
    expect(await s.page.getByLabel('Validate only (dry run)').isChecked()).toBe(false);
  });

  it('commits a Student Demographic file and offers the new state IDs', async () => {
    const sd = await templateLayout('student-demographics');
    const rows = STUDENTS.map((s) =>
      tsvRow(sd, {
        district_number: DISTRICT,
        gender: 'F',
        birth_date: '03/14/2014',
        hispanic: 'N',
        race_codes: '6',
        ...s,
      }),
    );
    const path = await writeMontanaFile('demographics.txt', rows);
    await s.page.goto(new URL(`/districts/${DISTRICT}/upload`, s.server.url).href);
    await uploadFile(s.page, path, 'Automatic (from the file)');
    await expect.poll(() => outcome(s.page).innerText(), { timeout: 60_000 }).toBe('2 rows committed');
    expect(await s.page.locator('.outcome').getAttribute('class')).toContain('outcome-good');
    const csv = s.page.getByRole('link', { name: 'New state IDs (CSV)' });
    expect(await csv.getAttribute('href')).toMatch(/\/uploads\/\d+\/new-state-ids\.csv$/);
    expect(await s.page.getByRole('link', { name: 'New state IDs (XLSX)' }).count()).toBe(1);
    expect(await s.page.locator('.outcome-summary').innerText()).toMatch(/New state IDs assigned\s*2/);
    // Enrollment needs the state IDs: keep them from the new-state-ID file, as a district would.
    const ids = await fetch(new URL((await csv.getAttribute('href')) ?? '', s.server.url), { headers });
    const [header, ...lines] = (await ids.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toBe('Local ID,Last name,First name,State ID');
    for (const line of lines) {
      const [localId = '', , , stateId = ''] = line.split(',');
      expect(stateId).toMatch(/^\d{9}$/);
      stateIds.set(localId, stateId);
    }
    expect([...stateIds.keys()].toSorted()).toEqual(['990001', '990002']);
    await s.page.screenshot({ path: `${screenshots}upload-committed.png`, fullPage: true });
  });

  it('validates a correct Enrollment file on a dry run and writes nothing', async () => {
    const en = await templateLayout('student-enrollment');
    const localId = '990001';
    const path = await writeMontanaFile('enrollment-ok.txt', [
      tsvRow(en, {
        ...enrollmentDefaults,
        school_number: await firstSchool(s.server.url),
        student_local_id: localId,
        student_state_id: stateIds.get(localId) ?? '',
        last_name: 'Qwerty',
        first_name: 'Ana',
      }),
    ]);
    // A small file finishes before the first poll (and on PGlite a poll waits for the upload's
    // transaction), so the first answer is rewritten to "validating" to show the progress bar.
    let rewritten = false;
    await s.page.route(/\/uploads\/\d+$/, async (route) => {
      const response = await route.fetch();
      if (rewritten) return await route.fulfill({ response });
      rewritten = true;
      const body = { ...((await response.json()) as object), status: 'validating' };
      await route.fulfill({ response, json: { ...body, progress: { phase: 'validating', rows: 1 } } });
    });
    await s.page.goto(new URL(`/districts/${DISTRICT}/upload`, s.server.url).href);
    await s.page.getByLabel('Validate only (dry run)').check();
    await uploadFile(s.page, path, 'Automatic (from the file)');
    const bar = s.page.getByRole('progressbar');
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('60');
    expect(await bar.getAttribute('aria-valuetext')).toBe('Validating, 1 row read');
    expect(await s.page.locator('.phases [aria-current=step]').innerText()).toBe('Validating');
    await expect
      .poll(() => outcome(s.page).innerText(), { timeout: 60_000 })
      .toBe('The file is valid; nothing was written');
    expect(await s.page.locator('.outcome-meta').innerText()).toMatch(/Student Enrollment.*dry run/);
    expect(await s.page.getByRole('heading', { name: 'Findings' }).count()).toBe(0);
  });

  it('rejects an Enrollment file with a school outside the district, with findings to filter and download', async () => {
    const en = await templateLayout('student-enrollment');
    const base = enrollmentDefaults;
    const school = await firstSchool(s.server.url);
    const [ana, minh] = STUDENTS.map(({ student_local_id, last_name, first_name }) => ({
      student_local_id,
      last_name,
      first_name,
      student_state_id: stateIds.get(student_local_id) ?? '',
    }));
    const path = await writeMontanaFile('enrollment.txt', [
      tsvRow(en, { ...base, ...ana, school_number: school }),
      tsvRow(en, { ...base, ...minh, school_number: '9999', grade_level: '99' }),
    ]);
    await s.page.goto(new URL(`/districts/${DISTRICT}/upload`, s.server.url).href);
    await uploadFile(s.page, path, 'Student Enrollment');
    await expect
      .poll(() => outcome(s.page).innerText(), { timeout: 60_000 })
      .toBe('Nothing was written. 1 row has problems');
    const table = s.page.getByRole('table', { name: /^[\d,]+ (of [\d,]+ )?findings?\b/ });
    const row = table.locator('tbody tr', { hasText: 'ENR-SCHOOL' }).first();
    await row.waitFor();
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells[0], 'line').toBe('3');
    expect(cells[1], 'column').toMatch(/school/i);
    expect(cells[2], 'value').toBe('9999');
    expect(cells[4], 'severity').toBe('fatal');
    expect(cells[6], 'fix').not.toBe('');
    await s.page.screenshot({ path: `${screenshots}upload-rejected.png`, fullPage: true });

    const total = await table.locator('tbody tr').count();
    await s.page.getByRole('button', { name: 'ENR-SCHOOL' }).click();
    await expect.poll(() => table.locator('tbody tr').allInnerTexts()).not.toHaveLength(0);
    const codes = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(new Set(codes)).toEqual(new Set(['ENR-SCHOOL']));
    expect(await s.page.getByLabel('Code').inputValue()).toBe('ENR-SCHOOL');
    expect(codes.length).toBeLessThan(total);
    expect(await table.locator('caption').innerText()).toMatch(
      new RegExp(`^${codes.length} of ${total} findings`),
    );
    await s.page.getByLabel('Search findings').fill('no such text anywhere');
    await expect.poll(() => table.locator('tbody').innerText()).toMatch(/No finding matches/);
    await s.page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(total);

    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('link', { name: 'Findings (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^findings-\d+\.csv$/);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split(/\r?\n/);
    expect(header).toBe('Line,Column,Field,Value,Code,Severity,Message,Fix');
    expect(lines.some((l) => l.startsWith('3,school_number,') && l.includes('ENR-SCHOOL'))).toBe(true);
  });
});
