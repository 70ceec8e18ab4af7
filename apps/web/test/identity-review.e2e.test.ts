import { fileURLToPath } from 'node:url';
import type { IdentityReviewDetail } from '@bitterroot/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import type { SessionHeaders } from './sign-in.ts';
import { newStateIds, uploadThroughApi } from './upload-api.ts';
import { templateLayout, tsvRow, writeMontanaFile } from './upload-files.ts';

// Browser end-to-end test of the identity resolution queue against a real server: district KNOWN
// registers two students; district INCOMING then sends near-duplicates of them without state IDs (a
// nickname with transposed birth-year digits; transposed birth-day digits), which the upload holds for
// review. State staff link one ("Same person"), issue a state ID for the other ("New person"), and undo
// the link. Names are ones the synthetic state never generates, so no other student competes.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const KNOWN = '0004';
const INCOMING = '0059';
const base = { hispanic: 'N', race_codes: '6' };
const KNOWN_STUDENTS = [
  {
    student_local_id: '880001',
    last_name: 'Wexford',
    first_name: 'William',
    gender: 'M',
    birth_date: '04/09/2012',
  },
  {
    student_local_id: '880002',
    last_name: 'Quimby',
    first_name: 'Marguerite',
    gender: 'F',
    birth_date: '03/21/2012',
  },
];
const NEAR_DUPLICATES = [
  {
    student_local_id: '770001',
    last_name: 'Wexford',
    first_name: 'Bill',
    gender: 'M',
    birth_date: '04/09/2021',
  },
  {
    student_local_id: '770002',
    last_name: 'Quimby',
    first_name: 'Marguerite',
    gender: 'F',
    birth_date: '03/12/2012',
  },
];

const suiteName = hasChromium
  ? 'identity resolution queue in a browser'
  : `identity resolution queue in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

async function uploadDemographics(
  url: string,
  headers: SessionHeaders,
  district: string,
  students: Record<string, string>[],
) {
  const sd = await templateLayout('student-demographics');
  const rows = students.map((s) => tsvRow(sd, { district_number: district, ...base, ...s }));
  const path = await writeMontanaFile(`sd-${district}.txt`, rows);
  return await uploadThroughApi(url, headers, district, path, 'student-demographics');
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The cells of the side-by-side row for a field: [incoming, known student, verdict]. */
async function comparisonRow(page: Page, field: string): Promise<string[]> {
  const row = page
    .getByRole('table')
    .locator('tbody tr', { has: page.getByRole('rowheader', { name: field }) });
  await row.waitFor(); // the review loads after navigation; allInnerTexts would not wait
  return await row.locator('td').allInnerTexts();
}

describe.skipIf(!hasChromium)(suiteName, () => {
  let headers: SessionHeaders;
  // The server records the signed-in user (the tester's e-mail) as the one who decided.
  let analyst: string;
  let knownIds: Map<string, string>;
  let incomingBatch: number;
  let linkedReviewId: string;

  const api = async (path: string) =>
    (await fetch(new URL(path, s.server.url), { headers })).json() as Promise<unknown>;
  const review = async (id: string) => (await api(`/api/v1/identity-reviews/${id}`)) as IdentityReviewDetail;

  const s = browserSuite({
    setup: async () => {
      headers = s.headers;
      analyst = s.server.tester;
      const known = await uploadDemographics(s.server.url, headers, KNOWN, KNOWN_STUDENTS);
      expect(known.summary).toMatchObject({ assigned: 2, held: 0 });
      knownIds = await newStateIds(s.server.url, headers, KNOWN, known.batchId);
      const incoming = await uploadDemographics(s.server.url, headers, INCOMING, NEAR_DUPLICATES);
      expect(incoming.status).toBe('committed');
      expect(incoming.summary).toMatchObject({ assigned: 0, matched: 0, held: 2 });
      incomingBatch = incoming.batchId;
    },
  });

  it('lists both held rows in the queue, reached from the navigation, with filters', async () => {
    await s.page.goto(s.server.url);
    await s.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Identity reviews' })
      .click();
    await s.page.getByRole('heading', { level: 1, name: 'Identity resolution queue' }).waitFor();
    const table = s.page.getByRole('table', { name: /open items?/ });
    await expect.poll(() => table.locator('caption').innerText()).toMatch(/^2 open items/);
    await s.page.getByLabel('District').selectOption(INCOMING);
    // Filters live in the URL; wait for one to land there before the next, as a person would.
    await expect.poll(() => new URL(s.page.url()).search).toBe(`?district=${INCOMING}`);
    await s.page.getByLabel('Uploaded name or local ID').fill('wexford');
    await expect.poll(() => table.locator('caption').innerText()).toMatch(/^1 of 2 open items/);
    const cells = await table.locator('tbody tr').first().locator('th, td').allInnerTexts();
    expect(cells.slice(0, 6)).toEqual([
      'Wexford, Bill',
      INCOMING,
      '770001',
      '04/09/2021',
      `Wexford, William · ${knownIds.get('880001')}`,
      '0.87',
    ]);
    expect(new URL(s.page.url()).search).toBe(`?district=${INCOMING}&q=wexford`);
  });

  it('shows the candidates side by side with the reasons, and links "Same person" to the existing state ID', async () => {
    const williamId = knownIds.get('880001') ?? '';
    await s.page.goto(new URL('/identity-reviews?q=wexford', s.server.url).href);
    await s.page.getByRole('link', { name: 'Wexford, Bill' }).click();
    await s.page.getByRole('heading', { level: 1, name: /Same student\?/ }).waitFor();
    linkedReviewId = new URL(s.page.url()).pathname.split('/').at(-1) ?? '';
    expect(await comparisonRow(s.page, 'First name')).toEqual(['Bill', 'William', 'differs']);
    expect(await comparisonRow(s.page, 'Last name')).toEqual(['Wexford', 'Wexford', 'identical']);
    expect(await comparisonRow(s.page, 'Birth date')).toEqual(['04/09/2021', '04/09/2012', 'differs']);
    expect((await comparisonRow(s.page, 'State ID'))[1]).toBe(williamId);
    expect((await comparisonRow(s.page, 'Districts'))[1]).toBe(KNOWN);
    const reasons = await s.page.locator('#reasons-heading + p + ul li').allInnerTexts();
    expect(reasons.join('\n')).toMatch(/Bill is a nickname of William.*\+0\.27 · points to the same person/);
    expect(reasons.join('\n')).toMatch(/two swapped digits.*points to the same person/);
    expect(await s.page.locator('#reasons-heading').innerText()).toMatch(/score 0\.87/);

    await s.page.screenshot({ path: `${screenshots}identity-review-open.png`, fullPage: true });
    await s.page.getByRole('button', { name: 'Same person' }).click();
    const outcome = s.page.getByRole('status').filter({ hasText: 'Same person:' });
    await expect
      .poll(() => outcome.locator('h3').innerText())
      .toBe(`Same person: linked to state ID ${williamId}`);
    expect(await outcome.innerText()).toContain(`Decided by ${analyst} on`);
    expect(await s.page.getByRole('button', { name: 'Same person' }).count()).toBe(0);
    await s.page.screenshot({ path: `${screenshots}identity-review-linked.png`, fullPage: true });

    // The server agrees: the uploaded row now carries William's state ID and his identity spans both districts.
    const item = await review(linkedReviewId);
    expect(item).toMatchObject({ status: 'linked', resolution: { stateId: williamId, by: analyst } });
    expect(item.candidate.districts).toEqual([KNOWN, INCOMING]);
  });

  it('issues a new 9-digit state ID for "New person"', async () => {
    await s.page.goto(new URL('/identity-reviews', s.server.url).href);
    const table = s.page.getByRole('table', { name: /open items?/ });
    await expect.poll(() => table.locator('caption').innerText()).toMatch(/^1 open item/);
    await s.page.getByRole('link', { name: 'Quimby, Marguerite' }).click();
    expect(await comparisonRow(s.page, 'Birth date')).toEqual(['03/12/2012', '03/21/2012', 'differs']);
    await s.page.getByRole('button', { name: 'New person' }).click();
    const heading = s.page.getByRole('status').locator('h3');
    await expect.poll(() => heading.innerText()).toMatch(/^New person: new state ID \d{9}$/);
    const issued = (await heading.innerText()).slice(-9);
    expect(issued).not.toBe(knownIds.get('880002'));
    expect(await s.page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // The upload's new-state-ID file, which the district downloads, now carries it too.
    expect((await newStateIds(s.server.url, headers, INCOMING, incomingBatch)).get('770002')).toBe(issued);
  });

  it('lists both decisions and undoes the link, which puts the row back in the queue', async () => {
    await s.page.goto(new URL('/identity-reviews', s.server.url).href);
    const decided = s.page.getByRole('radio', { name: 'Decided' });
    // click, not check: the radio is controlled by the URL and turns checked once the route updates.
    await decided.click();
    await expect.poll(() => decided.isChecked()).toBe(true);
    const table = s.page.getByRole('table', { name: /decided items?/ });
    await expect.poll(() => table.locator('caption').innerText()).toMatch(/^2 decided items/);
    const outcomes = await table.locator('tbody tr td:nth-child(7)').allInnerTexts();
    expect(outcomes.toSorted()).toEqual([
      expect.stringMatching(/^New person: new state ID \d{9}$/),
      `Same person: linked to state ID ${knownIds.get('880001')}`,
    ]);
    await s.page.screenshot({ path: `${screenshots}identity-review-decided.png`, fullPage: true });

    await s.page.getByRole('link', { name: 'Wexford, Bill' }).click();
    await s.page.getByRole('button', { name: 'Undo' }).click();
    await s.page.getByRole('button', { name: 'Same person' }).waitFor();
    const trail = s.page.locator('#history-heading + ol li');
    await expect
      .poll(() => trail.allInnerTexts())
      .toEqual([
        expect.stringMatching(
          new RegExp(
            `^Same person: linked \\(state ID ${knownIds.get('880001')}\\) by ${escaped(analyst)} on`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^Link undone \\(state ID ${knownIds.get('880001')}\\) by ${escaped(analyst)} on`),
        ),
      ]);
    const item = await review(linkedReviewId);
    expect(item).toMatchObject({ status: 'open', resolution: null });
    expect(item.candidate.districts).toEqual([KNOWN]);
  });
});
