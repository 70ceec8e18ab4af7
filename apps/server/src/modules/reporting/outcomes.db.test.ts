import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { OutcomeReport } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, injectAs, sessionHeaders, testerHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';
import { outcomesService } from './outcomes.service.ts';
import { buildOutcomeFixture, certify, type OutcomeFixture } from './outcomes.test-helper.ts';

let t: TestDatabase;
let app: FastifyInstance;
let f: OutcomeFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildOutcomeFixture(t);
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: Y });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const service = async () => outcomesService(t.db, await testProfile(), Y);
const report = async (...args: Parameters<Awaited<ReturnType<typeof service>>['report']>) => {
  const out = await (await service()).report(...args);
  if (out.kind !== 'report') throw new Error(out.kind);
  return out.report;
};
const line = (r: OutcomeReport, name: string) => r.lines.find((l) => l.stateId === f.id[name])!;

describe('outcome measures from the live tables', () => {
  it('computes the 4-year ACGR: documented removals out, undocumented transfers kept', async () => {
    const r = await report('graduation', f.a.district);
    expect(r.totals).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(r.details).toMatchObject({ removed: 1, cohortYear: Y - 3, years: 4 });
    expect(line(r, 'grad1')).toMatchObject({ status: 'COHYES', counted: true });
    expect(line(r, 'movedAway')).toMatchObject({
      status: 'COHREM',
      explanation: `removed: transferred out ${Y - 1}-09-15, documented`,
    });
    expect(line(r, 'vanished').explanation).toContain('without documentation');
    expect(line(r, 'cohortDropout').explanation).toBe('non-graduate: dropout');
    expect(line(r, 'later')).toBeUndefined();
    // The 5-year cohort of the same year is the class that entered a year earlier: nobody here.
    expect((await report('graduation', f.a.district, { years: 5 })).totals.denominator).toBe(0);
  });

  it('counts dropouts over fall membership, and a documented re-enrolment is not a dropout', async () => {
    const r = await report('dropouts', f.a.district);
    expect(r.totals).toMatchObject({ numerator: 2, denominator: 11 });
    expect(r.details).toMatchObject({
      dropouts9to12: 2,
      membership9to12: 9,
      dropouts7to8: 0,
      membership7to8: 2,
    });
    expect(line(r, 'dropout')).toMatchObject({
      counted: true,
      explanation: 'dropout: dropout end status 300',
    });
    expect(line(r, 'returned').explanation).toBe(
      `not a dropout: dropout end status 300, re-enrolled ${Y}-04-01 with documentation`,
    );
    const school = r.units.find((u) => u.schoolNumber === f.a.school)!;
    expect(school).toMatchObject({ numerator: 2, denominator: 7 });
  });

  it('finds CTE concentrators only within one pathway', async () => {
    const r = await report('cte', f.a.district);
    expect(r.totals).toMatchObject({ numerator: 1, denominator: 2 });
    expect(line(r, 'cte2').explanation).toContain('below 2');
  });

  it('reports ISS only for IEP or 21st CCLC students, and counts FS006 lengths for IEP students', async () => {
    const r = await report('behavior', f.a.district);
    expect(r.totals).toMatchObject({ numerator: 3, denominator: 4, rate: null });
    expect(r.details).toMatchObject({
      incidents: 3,
      resolutionOSS: 1,
      resolutionISS: 2,
      ideaInSchoolOver10: 1,
    });
    expect(line(r, 'cte2')).toMatchObject({ counted: false });
    expect(line(r, 'cclc')).toMatchObject({ counted: true });
  });

  it('gives the statewide totals per district', async () => {
    const r = await report('dropouts', null);
    expect(r.totals).toMatchObject({ numerator: 2, denominator: 11 });
    expect(r.units.every((u) => u.schoolNumber === null)).toBe(true);
    expect(r.lines.some((l) => l.districtNumber === f.b.district)).toBe(true);
  });
});

describe('outcome API', () => {
  it('serves district and state reports with CSV lines', async () => {
    const as = injectAs(app, await testerHeaders(t));
    const res = await as({ method: 'GET', url: `/api/v1/districts/${f.a.district}/outcomes/graduation` });
    expect(res.statusCode).toBe(200);
    expect(res.json<OutcomeReport>().totals.rate).toBe(0.5);
    const csv = await as({
      method: 'GET',
      url: `/api/v1/districts/${f.a.district}/outcomes/dropouts/students.csv`,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(
      `${f.id['dropout']},${f.a.district},${f.a.school},10,dropout,Y,dropout: dropout end status 300`,
    );
    const state = await as({ method: 'GET', url: '/api/v1/outcomes/cte/students.csv' });
    expect(state.body).toContain('State ID,District,School,Grade,Status,Counted,Explanation');
    expect((await as({ method: 'GET', url: '/api/v1/outcomes/behavior' })).statusCode).toBe(200);
    expect((await as({ method: 'GET', url: '/api/v1/districts/9999/outcomes/cte' })).statusCode).toBe(404);
    expect((await as({ method: 'GET', url: '/api/v1/outcomes/nonsense' })).statusCode).toBe(400);
  });

  it('denies another district’s steward the district report and the statewide one', async () => {
    const steward = await createTestUser(t, 'steward.b@outcomes.test', [
      { role: 'district-steward', districtNumber: f.b.district, schoolNumber: null },
    ]);
    const as = injectAs(app, await sessionHeaders(t, steward));
    for (const url of [
      `/api/v1/districts/${f.a.district}/outcomes/graduation`,
      `/api/v1/districts/${f.a.district}/outcomes/behavior/students.csv`,
      '/api/v1/outcomes/graduation',
    ])
      expect((await as({ method: 'GET', url })).statusCode, url).toBe(403);
    const own = await as({ method: 'GET', url: `/api/v1/districts/${f.b.district}/outcomes/dropouts` });
    expect(own.statusCode).toBe(200);
    expect(own.json<OutcomeReport>().lines.every((l) => l.districtNumber === f.b.district)).toBe(true);
  });
});

describe('outcomes from certified snapshots', () => {
  it('reads the frozen rows, not later live changes', async () => {
    expect((await report('graduation', f.a.district, { source: 'certified' })).totals.denominator).toBe(0);
    // The prior-year collection of school year Y + 1 reports year Y (decision 0062).
    await certify(t, f, 'prior-year-graduates', ['student-enrollment'], Y + 1);
    await t.db
      .updateTable('enrollment')
      .set({ diploma_date: `${Y}-05-31`, diploma_type: '01', end_status: '400' })
      .where('id', '=', f.enrollment['vanished']!)
      .execute();
    expect((await report('graduation', f.a.district)).totals.numerator).toBe(3);
    const r = await report('graduation', f.a.district, { source: 'certified' });
    expect(r.totals).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(r.snapshots).toHaveLength(1);
  });
});
