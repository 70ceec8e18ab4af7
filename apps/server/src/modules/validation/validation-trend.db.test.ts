import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { FindingTrend } from '@bitterroot/contracts';
import { buildApp } from '../../http/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createTestUser, injectAs, sessionHeaders, testerHeaders } from '../../../test/test-users.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { buildEnrollment, buildStudent, places, type Place } from './fixtures.test-helper.ts';
import { catalogueFor } from './validation-plan.ts';
import { validationService } from './validation.service.ts';

// The trend of open findings (issue 6 §4): the daily counts full runs write, read per day and rule for the
// state (filters by severity, collection and rule) or for one owner district, never another district's.

const Y = TEST_SCHOOL_YEAR;
let t: TestDatabase;
let app: FastifyInstance;
let state: ReturnType<typeof injectAs>;
let p: { a: Place; a2: Place; b: Place };
let today: string;
let yesterday: string;

const trend = async (caller: ReturnType<typeof injectAs>, url: string) => {
  const res = await caller({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.json<FindingTrend>();
};
const countOf = (tr: FindingTrend, day: string, rule: string) =>
  tr.points.find((x) => x.day === day && x.rule === rule)?.count;

beforeAll(async () => {
  t = await createTestDatabase();
  const profile = await testProfile();
  const service = validationService(t, profile, Y, await catalogueFor(profile), () => `${Y}-12-01`);
  p = await places(t);
  // A military start status without a connection (fatal ENR-005, district A).
  await buildEnrollment(t, (await buildStudent(t)).id, p.a, { start_status: '40' });
  // Age 21 without the flag (warning CNT-014, district A).
  const older = await buildStudent(t, { birth_date: `${Y - 21}-01-01` });
  await buildEnrollment(t, older.id, p.a, { grade_level: '12' });
  // Overlapping primary enrollments in A and B: ENR-003, owned by B (the later enrollment).
  const both = await buildStudent(t);
  await buildEnrollment(t, both.id, p.a, { end_date: `${Y}-01-20`, end_status: '200' });
  await buildEnrollment(t, both.id, p.b, { start_date: `${Y}-01-12`, start_status: '04' });
  await service.runState({ trigger: 'test' });
  const d = await sql<{
    today: string;
    yesterday: string;
  }>`SELECT to_char(current_date, 'YYYY-MM-DD') AS today,
    to_char(current_date - 1, 'YYYY-MM-DD') AS yesterday`.execute(t.db);
  ({ today, yesterday } = d.rows[0]!);
  // Yesterday's statewide run had three ENR-005 findings open in district A.
  await sql`INSERT INTO validation_run (school_year, scope, trigger, started_at, finished_at)
    VALUES (${Y}::int, 'state', 'test', current_date - 1 + time '02:00', current_date - 1 + time '02:01')`.execute(
    t.db,
  );
  await sql`INSERT INTO validation_daily_count (school_year, day, district_number, rule_id, severity, open_count)
    VALUES (${Y}::int, current_date - 1, ${p.a.district}, 'ENR-005', 'fatal', 3)`.execute(t.db);
  app = await buildApp({ database: t, profile, schoolYear: Y });
  state = injectAs(app, await testerHeaders(t));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('the open-findings trend', () => {
  it('gives the state one point per day and rule, zero on run days a rule had none open', async () => {
    const all = await trend(state, '/api/v1/findings/trend');
    expect(all.district).toBeNull();
    expect(countOf(all, yesterday, 'ENR-005')).toBe(3);
    expect(countOf(all, today, 'ENR-005')).toBe(1);
    expect(countOf(all, today, 'ENR-003')).toBe(1);
    // CNT-014 was not open yesterday, a day a full run finished: its line starts at zero.
    expect(countOf(all, yesterday, 'CNT-014')).toBe(0);
    expect(countOf(all, today, 'CNT-014')).toBe(1);
  });

  it('filters the state trend by severity, rule, collection and start day', async () => {
    const warnings = await trend(state, '/api/v1/findings/trend?severity=warning');
    expect(new Set(warnings.points.map((x) => x.severity))).toEqual(new Set(['warning']));
    const one = await trend(state, '/api/v1/findings/trend?rule=ENR-005');
    expect(new Set(one.points.map((x) => x.rule))).toEqual(new Set(['ENR-005']));
    const cte = await trend(state, '/api/v1/findings/trend?collection=eoy-cte');
    expect(cte.points.filter((x) => x.count > 0)).toEqual([]);
    const recent = await trend(state, `/api/v1/findings/trend?from=${today}`);
    expect(new Set(recent.points.map((x) => x.day))).toEqual(new Set([today]));
  });

  it('gives a district the findings it owns only', async () => {
    const a = await trend(state, `/api/v1/districts/${p.a.district}/findings/trend`);
    expect(a.district).toBe(p.a.district);
    expect(countOf(a, today, 'ENR-005')).toBe(1);
    expect(a.points.some((x) => x.rule === 'ENR-003')).toBe(false);
    const b = await trend(state, `/api/v1/districts/${p.b.district}/findings/trend`);
    expect(countOf(b, today, 'ENR-003')).toBe(1);
    expect(b.points.some((x) => x.rule === 'ENR-005')).toBe(false);
  });

  it("refuses another district's trend and the state's to a district steward", async () => {
    const id = await createTestUser(t, 'steward.trend@deny.test', [
      { role: 'district-steward', districtNumber: p.b.district, schoolNumber: null },
    ]);
    const steward = injectAs(app, await sessionHeaders(t, id));
    expect(
      (await trend(steward, `/api/v1/districts/${p.b.district}/findings/trend`)).points.length,
    ).toBeGreaterThan(0);
    const other = await steward({ method: 'GET', url: `/api/v1/districts/${p.a.district}/findings/trend` });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('ENR-005');
    expect((await steward({ method: 'GET', url: '/api/v1/findings/trend' })).statusCode).toBe(403);
    expect((await state({ method: 'GET', url: '/api/v1/districts/9999/findings/trend' })).statusCode).toBe(
      404,
    );
  });
});
