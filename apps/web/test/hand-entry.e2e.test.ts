import { fileURLToPath } from 'node:url';
import type { HandEntryResult, StudentHit } from '@bitterroot/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { apiSession, signedInContext } from './sign-in.ts';

// Browser walk-through of hand entry ("Montana Edition"): a child registered in district FROM transfers to
// district TO. The clerk of TO searches, enters the child as a new student and is asked "is this one of these
// students?" (the child from FROM), links her, enrolls her, adds and edits a program record with a code
// dropdown, gets an inline error for an end date before the start date, withdraws her, and undoes the
// withdrawal. Names are ones the synthetic state never generates.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const FROM = '0004';
const TO = '0059';
const CHILD = {
  last_name: 'Thistlewood',
  first_name: 'Marigold',
  gender: 'F',
  birth_date: '03/14/2013',
  hispanic: 'N',
  race_codes: '5',
};

const suiteName = hasChromium
  ? 'hand entry in a browser'
  : `hand entry in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let headers: SessionHeaders;
  let page: Page;
  let pageErrors: string[];
  let dialogs: string[];
  let fromStateId: string;

  const enter = async (district: string, template: string, row: Record<string, string>) => {
    const res = await fetch(new URL(`/api/v1/districts/${district}/entries/${template}`, server.url), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [row] }),
    });
    return (await res.json()) as HandEntryResult;
  };
  /** The option value (its index) of a school calendar of TO whose grades include `grade`. */
  const placeTeaching = async (grade: string) => {
    const order = ['PK', 'KG', 'KF', ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))];
    const res = await fetch(new URL(`/api/v1/districts/${TO}/enrollment-places`, server.url), { headers });
    const { places } = (await res.json()) as { places: { lowGrade: string; highGrade: string }[] };
    const at = (g: string) => order.indexOf(g);
    const i = places.findIndex((p) => at(p.lowGrade) <= at(grade) && at(grade) <= at(p.highGrade));
    expect(i, `a school of ${TO} teaching grade ${grade}`).toBeGreaterThanOrEqual(0);
    return String(i);
  };
  const search = async (district: string, q: string) => {
    const url = new URL(`/api/v1/districts/${district}/students?q=${encodeURIComponent(q)}`, server.url);
    return ((await (await fetch(url, { headers })).json()) as { students: StudentHit[] }).students;
  };

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
    headers = await apiSession(server, server.tester);
    context = await signedInContext(browser, server, server.tester, {
      viewport: { width: 1280, height: 900 },
    });
    const known = await enter(FROM, 'student-demographics', {
      district_number: FROM,
      student_local_id: '660001',
      ...CHILD,
    });
    expect(known.committed).toBe(true);
    fromStateId = (await search(FROM, 'thistlewood'))[0]!.stateId;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    page = await context.newPage();
    pageErrors = [];
    dialogs = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterEach(async () => {
    await page.close();
    expect(pageErrors, 'browser console errors').toEqual([]);
    expect(dialogs, 'no script ran').toEqual([]);
  });

  it('searches, links a transferring child, enrolls, edits a program, withdraws with a fix, and undoes', async () => {
    const form = (name: string | RegExp) => page.getByRole('form', { name });
    // Search: the child is not (yet) one of this district's students.
    await page.goto(new URL(`/districts/${TO}/students`, server.url).href);
    await page.getByLabel('Name, state ID or local ID').fill('thistlewood');
    await page.getByLabel('Name, state ID or local ID').press('Enter');
    await page.getByText('No student matches').waitFor();

    // Create: the form is generated from the Student Demographic template; Enter submits.
    await page.getByRole('link', { name: 'New student' }).click();
    const sd = form('Student Demographic');
    await sd.getByLabel('Student Local ID', { exact: true }).fill('990001');
    await sd.getByLabel('First Name', { exact: true }).fill(CHILD.first_name);
    await sd.getByLabel('Gender', { exact: true }).selectOption('F');
    await sd.getByLabel('Birthdate', { exact: true }).fill('2013-03-14');
    await sd.getByLabel('Hispanic/Latino', { exact: true }).selectOption('N');
    await sd.getByRole('checkbox', { name: /^5 / }).check();
    await sd.getByLabel('Last Name', { exact: true }).fill(CHILD.last_name);
    await sd.getByLabel('Last Name', { exact: true }).press('Enter');
    const candidates = page.getByRole('region', { name: 'Is this one of these students?' });
    await candidates.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Is this one of these students?');
    expect(await candidates.innerText()).toContain(`last district ${FROM}`);
    await page.screenshot({ path: `${screenshots}hand-entry-candidates.png`, fullPage: true });
    await candidates
      .getByRole('button', { name: `Yes: Thistlewood, Marigold · state ID ${fromStateId}` })
      .click();
    await page.getByRole('heading', { level: 1, name: /Thistlewood, Marigold/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(fromStateId);
    expect(await page.getByRole('status').filter({ hasText: 'Student saved.' }).count()).toBe(1);

    // Masked until shown.
    const identity = page.getByRole('region', { name: 'Identity' });
    expect(await identity.innerText()).not.toContain('03/14/2013');
    expect(await identity.innerText()).not.toContain('2013-03-14');
    await identity.getByRole('button', { name: 'Show protected fields' }).click();
    await expect.poll(() => identity.innerText()).toContain('2013-03-14');

    // The search finds her now.
    await page.getByRole('link', { name: '← Students' }).click();
    await page.getByLabel('Name, state ID or local ID').fill('thistlewood, mari');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Thistlewood, Marigold' }).click();

    // Enroll.
    await page.getByRole('link', { name: 'Enroll' }).click();
    await page.getByLabel('School and calendar').selectOption(await placeTeaching('06'));
    const en = form('Student Enrollment');
    await en.getByLabel('Grade', { exact: true }).selectOption('06');
    await en.getByLabel('Start Date', { exact: true }).fill('2025-09-02');
    await en.getByLabel('Start Status', { exact: true }).selectOption({ index: 1 });
    await en.getByLabel('Service Type', { exact: true }).selectOption('P');
    await en.getByRole('button', { name: 'Save' }).click();
    const enrollments = page.getByRole('region', { name: 'Enrollments' });
    await expect.poll(() => enrollments.innerText()).toContain('09/02/2025');

    // A program record with a code dropdown, then an edit of it.
    await page.getByLabel('Record type').selectOption({ label: 'Program Participation' });
    await page.getByRole('button', { name: 'Add record' }).click();
    const pp = form('Program Participation');
    await pp.getByLabel('Title I', { exact: true }).selectOption('Y');
    await pp.getByRole('button', { name: 'Save' }).click();
    const records = page.getByRole('region', { name: 'Records' });
    await expect.poll(() => records.innerText()).toMatch(/Title I\s+Yes/);
    await records.getByRole('link', { name: 'Edit Program Participation' }).click();
    const titleI = form('Program Participation').getByLabel('Title I', { exact: true });
    await expect.poll(() => titleI.inputValue()).toBe('Y');
    await titleI.selectOption('N');
    await form('Program Participation').getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Records' }).innerText())
      .toMatch(/Title I\s+No/);

    // Withdraw: an end date before the start date is refused with the error at the field, which gets focus.
    await enrollments.getByRole('link', { name: /^Withdraw from/ }).click();
    const wd = form('Student Enrollment');
    await wd.getByLabel('End Status', { exact: true }).selectOption({ index: 1 });
    await wd.getByLabel('End Date', { exact: true }).fill('2025-08-01');
    await wd.getByRole('button', { name: 'Withdraw' }).click();
    const endDate = wd.getByLabel('End Date', { exact: true });
    await expect.poll(() => endDate.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#entry-student-enrollment-end-date-error').innerText()).toContain(
      'End date is before start date',
    );
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('entry-student-enrollment-end-date');
    await page.screenshot({ path: `${screenshots}hand-entry-inline-error.png`, fullPage: true });
    await endDate.fill('2026-01-15');
    await endDate.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'Enrollments' }).innerText())
      .toContain('01/15/2026');
    await page.screenshot({ path: `${screenshots}hand-entry-withdrawn.png`, fullPage: true });

    // Undo takes the withdrawal back.
    await page.getByRole('button', { name: 'Undo my last change' }).click();
    await page.getByRole('status').filter({ hasText: 'Undone: your student-enrollment entry' }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Enrollments' }).innerText())
      .toContain('continuing');
    await page.screenshot({ path: `${screenshots}hand-entry-undone.png`, fullPage: true });
    expect(await page.getByRole('region', { name: 'Enrollments' }).innerText()).not.toContain('01/15/2026');
  });

  it('shows script, SQL and formula text as plain text', async () => {
    const tricky = {
      district_number: TO,
      student_local_id: '990002',
      last_name: "O'Hara'; DROP TABLE student;--",
      first_name: '<script>alert(1)</script>',
      middle_name: '=HYPERLINK("http://evil.example","x")',
      gender: 'M',
      birth_date: '07/04/2012',
      hispanic: 'N',
      race_codes: '6',
    };
    expect((await enter(TO, 'student-demographics', tricky)).committed).toBe(true);
    const hit = (await search(TO, '990002'))[0]!;
    await page.goto(new URL(`/districts/${TO}/students/${hit.studentId}`, server.url).href);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toContain(`${tricky.last_name}, ${tricky.first_name}`);
    await page.getByRole('button', { name: 'Show protected fields' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Identity' }).innerText())
      .toContain(tricky.middle_name);
    expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
  });
});
