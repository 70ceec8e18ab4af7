import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { startServerUnderTest } from './server-under-test.ts';
import { accountOf, apiSession, signedInContext } from './sign-in.ts';

// Browser walk-through of one certification cycle as its users meet it (issue 7; montana-aim.md §7.2): state
// staff create and publish an event; the district administrator names two primary certifiers; a certify attempt
// is blocked by an unacknowledged warning of the event's validation group, and the gate links to it; after the
// acknowledgement both primaries certify and the district is "Sent to State"; the state approver returns it with
// a reason; both certify again; the approver approves; both snapshots are listed and compared.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();

// The gate needs a district whose findings for one certifying collection are a few warnings and no fatal: the
// setup validates the smallest districts of the generated state until one has such a collection, gives that
// district an administrator and a steward, and the walk uses that collection. Found, not hard-coded, so the
// test follows the rule catalogue as it grows.
const MAX_WARNINGS = 3;

type Cell = { district: string; rule: string; severity: string; count: number };
type Rule = { id: string; collections: string[] };
type Window = { collectionId: string; name: string; certificationTypes: string[] };
type Calendar = { collections: Window[]; certificationTypes: { id: string; name: string }[] };

/** The first collection with certification types whose open findings in `district` are 1–3 warnings only. */
function gatedCollection(district: string, cells: Cell[], rules: Rule[], windows: Window[]) {
  const mine = cells.filter((c) => c.district === district);
  for (const w of windows.filter((x) => x.certificationTypes.length > 0)) {
    const ids = new Set(rules.filter((r) => r.collections.includes(w.collectionId)).map((r) => r.id));
    const hits = mine.filter((c) => ids.has(c.rule));
    const warnings = hits.reduce((n, c) => n + c.count, 0);
    if (hits.every((c) => c.severity === 'warning') && warnings > 0 && warnings <= MAX_WARNINGS) return w;
  }
  return null;
}

/** A date in the state's time zone, `days` from today (certification windows end at midnight there). */
function stateDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

const suiteName = hasChromium
  ? 'certification cycle in a browser'
  : `certification cycle in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let server: ServerUnderTest;
  let browser: Browser;
  const contexts: Record<'staff' | 'admin' | 'steward' | 'approver', BrowserContext> = {} as never;
  const errors: string[] = [];
  let district = '';
  let collection = '';
  let typeName = '';
  const names = { admin: 'Casey Certifier-Admin', steward: 'Robin Certifier-Steward' };

  async function open(who: keyof typeof contexts, path: string): Promise<Page> {
    const page = await contexts[who].newPage();
    page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
    await page.goto(new URL(path, server.url).href);
    return page;
  }

  const status = (page: Page) => page.getByTestId('district-status');

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchBrowser();
    // The bulk-loaded test state has not been validated yet; the gate reads the findings.
    const headers = await apiSession(server, server.tester);
    const call = async <T>(path: string, body?: object): Promise<T> => {
      const init: RequestInit = body
        ? {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { ...headers, 'content-type': 'application/json' },
          }
        : { headers };
      const response = await fetch(new URL(path, server.url), init);
      expect(response.ok, path).toBe(true);
      return (await response.json()) as T;
    };
    const { rules } = await call<{ rules: Rule[] }>('/api/v1/rules');
    const { schoolYear } = await call<{ schoolYear: number }>('/api/v1/certification-events');
    const calendar = await call<Calendar>(`/api/v1/collections/calendar/${schoolYear}`);
    const districts = await call<{ items: { districtNumber: string; studentCount: number }[] }>(
      '/api/v1/districts?limit=500',
    );
    const smallest = districts.items
      .filter((d) => d.studentCount > 0)
      .sort((a, b) => a.studentCount - b.studentCount)
      .slice(0, 8);
    for (const d of smallest) {
      await call(`/api/v1/districts/${d.districtNumber}/validation-runs`, {});
      const { cells } = await call<{ cells: Cell[] }>('/api/v1/findings/matrix');
      const found = gatedCollection(d.districtNumber, cells, rules, calendar.collections);
      district = d.districtNumber;
      collection = found?.name ?? '';
      // Type Membership is per certification type: the grid row of the collection's first type.
      typeName = calendar.certificationTypes.find((t) => t.id === found?.certificationTypes[0])?.name ?? '';
      if (found) break;
    }
    expect(collection, 'a small district with a few warnings in one collection').not.toBe('');
    for (const [who, role] of [
      ['admin', 'district-admin'],
      ['steward', 'district-steward'],
    ] as const)
      await call('/api/v1/users', {
        email: `${who}.${district}@certification.test`,
        displayName: names[who],
        password: server.password,
        grant: { role, districtNumber: district, schoolNumber: null },
      });
    const options = { viewport: { width: 1280, height: 900 } };
    const emails = {
      staff: accountOf(server, 'state-staff').email,
      approver: accountOf(server, 'state-approver').email,
      admin: `admin.${district}@certification.test`,
      steward: `steward.${district}@certification.test`,
    };
    for (const who of ['staff', 'admin', 'steward', 'approver'] as const)
      contexts[who] = await signedInContext(browser, server, emails[who], options);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs publish → membership → blocked → acknowledge → certify → return → certify → approve', async () => {
    // State staff create the event from the collection and publish it.
    const staff = await open('staff', '/certification');
    await staff.getByRole('button', { name: 'New event' }).click();
    const form = staff.getByRole('form', { name: 'New certification event' });
    await form.getByLabel('Collection').selectOption({ label: collection });
    await form.getByLabel('Event start').fill(stateDate(-2));
    await form.getByLabel('Certification opens').fill(stateDate(-1));
    await form.getByLabel('Due date').fill(stateDate(14));
    await form.getByRole('button', { name: 'Create event' }).click();
    await staff.getByRole('link', { name: collection }).click();
    await staff.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => staff.getByRole('heading', { level: 1 }).innerText()).toContain('Published');
    const eventId = Number(new URL(staff.url()).pathname.split('/').at(-1));
    await staff.screenshot({ path: `${screenshots}certification-event-published.png`, fullPage: true });

    // The district administrator names themself and the steward primary certifiers of the event's type.
    const admin = await open('admin', `/districts/${district}/certification/members`);
    for (const name of Object.values(names))
      await admin.getByLabel(`${typeName}: ${name}`).selectOption('primary');
    await admin.getByRole('button', { name: 'Save Type Membership' }).click();
    await expect.poll(() => admin.getByRole('status').last().innerText()).toContain('Type Membership saved');

    // Certifying is blocked by the open warnings; the gate links to each rule's findings, where they are acknowledged.
    await admin.goto(new URL(`/districts/${district}/certification`, server.url).href);
    await admin.getByRole('link', { name: collection }).click();
    await admin.getByRole('button', { name: 'Certify', exact: true }).click();
    await expect.poll(() => admin.getByRole('alert').innerText()).toMatch(/not acknowledged/);
    await admin.screenshot({ path: `${screenshots}certification-blocked.png`, fullPage: true });
    const gates = admin.getByRole('link', { name: /^\d+ \S+ warnings?$/ });
    const hrefs = await gates.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      await admin.goto(new URL(href, server.url).href);
      await admin.getByRole('heading', { level: 1, name: /Validation findings/ }).waitFor();
      const buttons = admin.getByRole('button', { name: 'Acknowledge' });
      await buttons.first().waitFor();
      for (let left = await buttons.count(); left > 0; left -= 1) {
        await buttons.first().click();
        await admin
          .getByLabel(/Reason for acknowledging/)
          .fill('Checked with the school: correct as reported');
        await admin.getByRole('button', { name: 'Save acknowledgement' }).click();
        await expect.poll(() => buttons.count()).toBe(left - 1);
      }
    }

    // Both primaries certify: the district is sent to the state and a snapshot is taken.
    const certify = async (page: Page) => {
      await page.goto(new URL(`/certification/${eventId}/districts/${district}`, server.url).href);
      await page.getByRole('button', { name: 'Certify', exact: true }).click();
      await expect.poll(() => page.getByRole('status').last().innerText()).toContain('You certified');
    };
    await certify(admin);
    await expect.poll(() => status(admin).innerText()).toBe('In Progress');
    const steward = await open('steward', '/');
    await certify(steward);
    await expect.poll(() => status(steward).innerText()).toBe('Certification Sent to State');

    // The state approver finds the district on the dashboard and returns it with a reason.
    const approver = await open('approver', `/certification/dashboard?event=${eventId}&status=sent-to-state`);
    await approver.getByRole('img', { name: /Districts by certification status/ }).waitFor();
    await approver.screenshot({ path: `${screenshots}certification-dashboard.png`, fullPage: true });
    await approver.getByRole('link', { name: new RegExp(`\\(${district}\\)`) }).click();
    await approver.getByLabel(/Reason/).fill('Program counts look low');
    await approver.getByRole('button', { name: 'Return to district' }).click();
    await expect.poll(() => status(approver).innerText()).toBe('Returned by State');
    expect(await approver.getByRole('table', { name: 'History' }).innerText()).toContain(
      'Program counts look low',
    );

    // Both certify again (a new round); the approver approves.
    await certify(admin);
    await certify(steward);
    await expect.poll(() => status(steward).innerText()).toBe('Certification Sent to State');
    await approver.reload();
    await approver.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => status(approver).innerText()).toBe('Certification Approved by State');

    // Two immutable snapshots: round 1 superseded, round 2 current; compare them.
    const snapshots = approver.getByRole('table', { name: 'Snapshots, newest first' }).locator('tbody tr');
    await expect.poll(() => snapshots.count()).toBe(2);
    expect(await snapshots.first().innerText()).toContain('Current');
    expect(await snapshots.last().innerText()).toMatch(/Superseded by/);
    await approver.getByLabel('With').selectOption({ index: 2 });
    await approver.getByRole('button', { name: 'Compare' }).click();
    await approver.getByRole('table', { name: /compared with snapshot/ }).waitFor();
    await approver.screenshot({ path: `${screenshots}certification-approved.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
