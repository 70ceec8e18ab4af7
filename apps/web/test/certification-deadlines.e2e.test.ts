import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser-suite.ts';
import { chromiumAvailable, chromiumPath } from './browser.ts';
import { apiSession, type SessionHeaders } from './sign-in.ts';

// State staff's deadline work on a published school-level event and a district's per-school Type Membership
// (issue 7 items 3, 6 and 7; montana-aim.md §7.1–7.2): a school's own primary certifier is named in the grid;
// reminders reach that certifier's notifications; one district gets an extension; the event is reopened with a
// reason, certified districts being told whether they must act.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();

type Calendar = {
  collections: { collectionId: string; name: string; certificationTypes: string[] }[];
  certificationTypes: { id: string; name: string }[];
};

/** A date in the state's time zone, `days` from today. */
function stateDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

const suiteName = hasChromium
  ? 'certification deadlines and school membership in a browser'
  : `certification deadlines in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

describe.skipIf(!hasChromium)(suiteName, () => {
  const fixture = { district: '', school: '', schoolName: '', typeName: '', eventId: 0, due: '', name: '' };
  const certifier = { name: 'Dana School-Certifier', email: '' };
  let certifierHeaders: SessionHeaders;

  const call = async <T>(path: string, method = 'GET', body?: object): Promise<T> => {
    const init: RequestInit = {
      method,
      headers: { ...suite.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    };
    const response = await fetch(new URL(path, suite.server.url), init);
    expect(response.ok, `${method} ${path}`).toBe(true);
    return (await response.json()) as T;
  };

  const suite = browserSuite({
    setup: async () => {
      const { schoolYear } = await call<{ schoolYear: number }>('/api/v1/certification-events');
      const calendar = await call<Calendar>(`/api/v1/collections/calendar/${schoolYear}`);
      const collection = calendar.collections.find((c) => c.certificationTypes.length > 0)!;
      fixture.typeName = calendar.certificationTypes.find(
        (t) => t.id === collection.certificationTypes[0],
      )!.name;
      const districts = await call<{ items: { districtNumber: string; studentCount: number }[] }>(
        '/api/v1/districts?limit=500',
      );
      for (const d of districts.items.filter((x) => x.studentCount > 0)) {
        const { items } = await call<{ items: { schoolNumber: string; name: string }[] }>(
          `/api/v1/districts/${d.districtNumber}/schools`,
        );
        if (items.length === 0) continue;
        Object.assign(fixture, {
          district: d.districtNumber,
          school: items[0]!.schoolNumber,
          schoolName: items[0]!.name,
        });
        break;
      }
      certifier.email = `school.certifier.${fixture.district}@deadlines.test`;
      await call('/api/v1/users', 'POST', {
        email: certifier.email,
        displayName: certifier.name,
        password: suite.server.password,
        grant: { role: 'district-steward', districtNumber: fixture.district, schoolNumber: null },
      });
      certifierHeaders = await apiSession(suite.server, certifier.email);
      fixture.due = stateDate(10);
      fixture.name = `${collection.name} by school`;
      const created = await call<{ id: number }>('/api/v1/certification-events', 'POST', {
        name: fixture.name,
        types: collection.certificationTypes,
        level: 'school',
        collectionId: collection.collectionId,
        eventStart: stateDate(-3),
        certificationOpens: stateDate(-1),
        dueDate: fixture.due,
      });
      fixture.eventId = created.id;
      await call(`/api/v1/certification-events/${created.id}/publish`, 'POST');
    },
  });

  it('names a school’s own primary certifier in the Type Membership grid', async () => {
    const { page, server } = suite;
    const { district, school, schoolName, typeName } = fixture;
    await page.goto(new URL(`/districts/${district}/certification/members`, server.url).href);
    const scope = page.getByLabel('Certifiers for');
    await scope.selectOption({ label: `${schoolName} (${school})` });
    await page.getByRole('table', { name: new RegExp(`for ${schoolName}`) }).waitFor();
    await page.getByLabel(`${typeName}: ${certifier.name}`).selectOption('primary');
    await page.getByRole('button', { name: 'Save Type Membership' }).click();
    await expect.poll(() => page.getByRole('status').last().innerText()).toContain('Type Membership saved');

    // Stored for the school only: the whole-district grid leaves the certifier out.
    const { members } = await call<{ members: { userId: number; schoolNumber: string | null }[] }>(
      `/api/v1/districts/${district}/certification-members`,
    );
    expect(members.map((m) => m.schoolNumber)).toEqual([school]);
    await page.reload();
    expect(await page.getByLabel(`${typeName}: ${certifier.name}`).inputValue()).toBe('');
    await page.getByLabel('Certifiers for').selectOption(school);
    expect(await page.getByLabel(`${typeName}: ${certifier.name}`).inputValue()).toBe('primary');
    await page.screenshot({ path: `${screenshots}certification-school-membership.png`, fullPage: true });
  });

  it('sends reminders, extends one district and reopens the event with a reason', async () => {
    const { page, server } = suite;
    const { district, eventId } = fixture;
    await page.goto(new URL(`/certification/${eventId}`, server.url).href);
    const deadlines = page.getByRole('region', { name: 'Deadlines and reminders' });
    await deadlines.getByRole('button', { name: 'Send reminders' }).click();
    await expect
      .poll(() => deadlines.getByRole('status').first().innerText())
      .toMatch(/Reminders stored for [1-9]\d* primary certifiers?/);
    const inbox = await fetch(new URL('/api/v1/me/notifications', server.url), { headers: certifierHeaders });
    const { notifications } = (await inbox.json()) as { notifications: { subject: string }[] };
    expect(notifications.map((n) => n.subject)).toContain(`Reminder: ${fixture.name} is due ${fixture.due}`);

    const until = stateDate(20);
    const extension = deadlines.getByRole('form', { name: 'Extend a district’s deadline' });
    await extension.getByLabel('District number').fill(district);
    await extension.getByLabel('Last day to certify').fill(until);
    await extension.getByLabel('Reason').fill('Storm closed the district office');
    await extension.getByRole('button', { name: 'Grant extension' }).click();
    await expect
      .poll(() => extension.getByRole('status').innerText())
      .toBe(`District ${district} may certify until ${until}.`);
    const { rows } = await call<{
      rows: { eventId: number; district: string; extendedUntil: string | null }[];
    }>(`/api/v1/certification-dashboard?eventId=${eventId}`);
    expect(rows.find((r) => r.district === district)?.extendedUntil).toBe(until);

    const reopen = deadlines.getByRole('form', { name: 'Reopen the event' });
    await expect.poll(() => reopen.getByRole('button', { name: 'Reopen' }).isDisabled()).toBe(true);
    await reopen.getByLabel(/Reason/).fill('Corrected program codes were published');
    await reopen.getByRole('button', { name: 'Reopen' }).click();
    await expect
      .poll(() => reopen.getByRole('status').innerText())
      .toBe('Event reopened. Districts that had certified were told no action is needed.');
    await reopen.getByLabel(/Reason/).fill('Counts must be certified again');
    await reopen.getByLabel('Districts that already certified must certify again').check();
    await reopen.getByRole('button', { name: 'Reopen' }).click();
    await expect
      .poll(() => reopen.getByRole('status').innerText())
      .toBe('Event reopened. No district had certified yet.');
    await page.screenshot({ path: `${screenshots}certification-deadlines.png`, fullPage: true });
  });
});
