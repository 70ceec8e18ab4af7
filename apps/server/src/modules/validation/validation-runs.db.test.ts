import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { FindingPage, Profile } from '@bitterroot/contracts';
import { buildApp } from '../../http/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { injectAs, testerHeaders } from '../../../test/test-users.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { buildEnrollment, buildStudent, places, type Place } from './fixtures.test-helper.ts';
import { catalogueFor } from './validation-plan.ts';
import { validationService, type ValidationService } from './validation.service.ts';

// Findings as data: resolution and reopening, acknowledgements, incremental runs, and district scope over
// the HTTP API (a district sees only its own findings and the cross-district ones it is party to).

const Y = TEST_SCHOOL_YEAR;
let t: TestDatabase;
let profile: Profile;
let service: ValidationService;
let app: FastifyInstance;
let api: ReturnType<typeof injectAs>;
let p: { a: Place; a2: Place; b: Place };
const ids: Record<string, number> = {};

const findingOf = async (rule: string, recordId: number) =>
  (
    await sql<{
      id: number;
      resolved_at: string | null;
      acknowledged_at: string | null;
      other_district_number: string | null;
    }>`
      SELECT id::int AS id, resolved_at, acknowledged_at, other_district_number FROM validation_finding
      WHERE rule_id = ${rule} AND record_id = ${recordId}`.execute(t.db)
  ).rows[0];

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  service = validationService(t, profile, Y, await catalogueFor(profile), () => `${Y}-12-01`);
  p = await places(t);
  // A military start status without a connection (fatal, district A only).
  const s1 = await buildStudent(t);
  ids.military = await buildEnrollment(t, s1.id, p.a, { start_status: '40' });
  // Overlapping primary enrollments in districts A and B (cross-district).
  const s2 = await buildStudent(t);
  await buildEnrollment(t, s2.id, p.a, { end_date: `${Y}-01-20`, end_status: '200' });
  ids.overlap = await buildEnrollment(t, s2.id, p.b, { start_date: `${Y}-01-12`, start_status: '04' });
  ids.overlapStudent = s2.id;
  // Age 19 without the flag (a warning, district A).
  const s3 = await buildStudent(t, { birth_date: `${Y - 21}-01-01` });
  ids.age = await buildEnrollment(t, s3.id, p.a, { grade_level: '12' });
  app = await buildApp({ database: t, profile, schoolYear: Y });
  api = injectAs(app, await testerHeaders(t));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('a statewide run keeps findings as data', () => {
  it('records findings and a run row, set-based', async () => {
    const run = await service.runState({ trigger: 'test' });
    expect(run.open.fatal).toBeGreaterThan(0);
    expect((await findingOf('ENR-005', ids.military!))?.resolved_at).toBeNull();
    const runs = await t.db.selectFrom('validation_run').selectAll().execute();
    expect(runs.at(-1)!.finished_at).not.toBeNull();
  });

  it('resolves a finding the data no longer produces, and reopens it when it fires again', async () => {
    const before = await findingOf('ENR-005', ids.military!);
    await sql`UPDATE enrollment SET military_connection_status = 'ADN' WHERE id = ${ids.military}`.execute(
      t.db,
    );
    await service.runDistrict(p.a.district);
    expect((await findingOf('ENR-005', ids.military!))?.resolved_at).not.toBeNull();
    await sql`UPDATE enrollment SET military_connection_status = NULL WHERE id = ${ids.military}`.execute(
      t.db,
    );
    await service.runState();
    const after = await findingOf('ENR-005', ids.military!);
    expect(after?.id).toBe(before?.id);
    expect(after?.resolved_at).toBeNull();
  });

  it('acknowledges warnings with a reason, never fatal findings; reopening clears the acknowledgement', async () => {
    const warning = (await findingOf('CNT-014', ids.age!))!;
    const ok = await service.acknowledge(
      warning.id,
      p.a.district,
      'registrar',
      'Adult program student, not counted',
    );
    expect(ok.kind).toBe('acknowledged');
    const fatal = (await findingOf('ENR-005', ids.military!))!;
    expect((await service.acknowledge(fatal.id, p.a.district, 'registrar', 'no')).kind).toBe(
      'not-acknowledgeable',
    );
    expect((await service.acknowledge(warning.id, p.b.district, 'x', 'not mine')).kind).toBe('not-found');
    await sql`UPDATE enrollment SET age_19_20_eligible = true WHERE id = ${ids.age}`.execute(t.db);
    await service.runState();
    await sql`UPDATE enrollment SET age_19_20_eligible = NULL WHERE id = ${ids.age}`.execute(t.db);
    await service.runState();
    expect((await findingOf('CNT-014', ids.age!))?.acknowledged_at).toBeNull();
  });

  it('re-checks one student incrementally without touching anyone else', async () => {
    await sql`UPDATE enrollment SET end_date = ${`${Y}-01-11`}::date WHERE student_id = ${ids.overlapStudent} AND district_number = ${p.a.district}`.execute(
      t.db,
    );
    await sql`UPDATE enrollment SET military_connection_status = 'ADN' WHERE id = ${ids.military}`.execute(
      t.db,
    );
    const run = await service.runStudents([ids.overlapStudent!], { trigger: 'test' });
    expect(run.resolved).toBe(1);
    expect((await findingOf('ENR-003', ids.overlap!))?.resolved_at).not.toBeNull();
    // The other student's fixed enrollment is outside the run: its finding stays open until its own re-check.
    expect((await findingOf('ENR-005', ids.military!))?.resolved_at).toBeNull();
    await sql`UPDATE enrollment SET end_date = ${`${Y}-01-20`}::date WHERE student_id = ${ids.overlapStudent} AND district_number = ${p.a.district}`.execute(
      t.db,
    );
    await sql`UPDATE enrollment SET military_connection_status = NULL WHERE id = ${ids.military}`.execute(
      t.db,
    );
    await service.runState();
  });
});

describe('the validation API keeps districts apart', () => {
  const page = async (district: string, query = '') =>
    (await api({ method: 'GET', url: `/api/v1/districts/${district}/findings${query}` })).json<FindingPage>();

  it('shows a cross-district finding to both districts, and a district-only finding to its district alone', async () => {
    const a = await page(p.a.district, '?pageSize=500');
    const b = await page(p.b.district, '?pageSize=500');
    expect(
      a.findings.some(
        (f) => f.rule === 'ENR-003' && f.otherDistrict === p.a.district && f.district === p.b.district,
      ),
    ).toBe(true);
    expect(b.findings.some((f) => f.rule === 'ENR-003')).toBe(true);
    expect(b.findings.some((f) => f.rule === 'ENR-005')).toBe(false);
    for (const f of b.findings) expect([f.district, f.otherDistrict]).toContain(p.b.district);
    expect(a.byRule.find((r) => r.rule === 'ENR-005')?.count).toBeGreaterThan(0);
  });

  it('links a finding to the student and the form that fixes it, in the viewing district', async () => {
    const military = await t.db
      .selectFrom('enrollment')
      .select('student_id')
      .where('id', '=', ids.military!)
      .executeTakeFirstOrThrow();
    const [f] = (await page(p.a.district, '?rule=ENR-005')).findings;
    const student = `/districts/${p.a.district}/students/${military.student_id}`;
    expect(f?.recordLink).toBe(student);
    expect(f?.fixLink).toBe(`${student}/entry/student-enrollment?enrollment=${ids.military}`);
    // The overlap is B's finding on B's enrollment: B gets the form, A its own student's page only.
    const inB = (await page(p.b.district, '?rule=ENR-003')).findings[0]!;
    expect(inB.fixLink).toBe(
      `/districts/${p.b.district}/students/${ids.overlapStudent}/entry/student-enrollment?enrollment=${ids.overlap}`,
    );
    const inA = (await page(p.a.district, '?rule=ENR-003')).findings[0]!;
    expect(inA.fixLink).toBe(`/districts/${p.a.district}/students/${ids.overlapStudent}`);
  });

  it('filters by severity, rule and collection', async () => {
    const warnings = await page(p.a.district, '?severity=warning');
    expect(warnings.findings.every((f) => f.severity === 'warning')).toBe(true);
    const one = await page(p.a.district, '?rule=ENR-005');
    expect(new Set(one.findings.map((f) => f.rule))).toEqual(new Set(['ENR-005']));
    const eoyCte = await page(p.a.district, '?collection=eoy-cte');
    expect(eoyCte.total).toBe(0);
  });

  it('serves the catalogue, the state matrix, a district run, exports and acknowledgements', async () => {
    const rules = (await api({ method: 'GET', url: '/api/v1/rules' })).json<{
      rules: { id: string }[];
    }>();
    expect(rules.rules.map((r) => r.id)).toContain('ENR-003');
    const matrix = (await api({ method: 'GET', url: '/api/v1/findings/matrix' })).json<{
      cells: { district: string }[];
    }>();
    expect(matrix.cells.some((c) => c.district === p.a.district)).toBe(true);
    const run = await api({
      method: 'POST',
      url: `/api/v1/districts/${p.b.district}/validation-runs`,
    });
    expect(run.statusCode).toBe(200);
    expect(run.json<{ scope: string }>().scope).toBe('district');
    expect((await api({ method: 'POST', url: '/api/v1/districts/9999/validation-runs' })).statusCode).toBe(
      404,
    );
    const csv = await api({ method: 'GET', url: `/api/v1/districts/${p.b.district}/findings.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('ENR-003');
    expect(csv.body).not.toContain('ENR-005');
    const xlsx = await api({ method: 'GET', url: `/api/v1/districts/${p.a.district}/findings.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const fatal = (await findingOf('ENR-005', ids.military!))!;
    const refused = await api({
      method: 'POST',
      url: `/api/v1/findings/${fatal.id}/acknowledgement?district=${p.a.district}`,
      payload: { reason: 'will fix later' },
    });
    expect(refused.statusCode).toBe(409);
    const missing = await api({
      method: 'POST',
      url: `/api/v1/findings/${fatal.id}/acknowledgement?district=${p.b.district}`,
      payload: { reason: 'not ours' },
    });
    expect(missing.statusCode).toBe(404);
    const noReason = await api({
      method: 'POST',
      url: `/api/v1/findings/${fatal.id}/acknowledgement?district=${p.a.district}`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
  });
});
