import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type {
  EwsComparison,
  EwsComparisonOverTime,
  EwsModelCard,
  EwsScoreRun,
  EwsStudentHistory,
  EwsStudentsResponse,
  EwsTrainResponse,
} from '@bitterroot/contracts';
import { totalsOfTerms, type EwsTerm, type EwsTermTotals } from '@bitterroot/core';
import { generate } from '../../../../../bench/generator/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';
import { repoRoot } from '../../platform/config.ts';
import { loadBaseline } from '../ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../organizations/organizations.setup.ts';
import { readRawStudents } from './ews-inputs.repository.ts';
import { loadEwsTerms } from './ews-load.service.ts';
import { loadEwsSettings } from './ews-settings.ts';
import { cohortRows } from './ews-training.ts';

const profileDir = resolve(repoRoot, 'profiles/montana');
let t: TestDatabase;
let app: FastifyInstance;
let dir: string;
let staff: Record<string, string>;
let steward: Record<string, string>;
let schoolUser: Record<string, string>;
let home: { district: string; school: string };
let other: { district: string; school: string };

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-ews-'));
  await generate({
    scale: 'small',
    schoolYear: TEST_SCHOOL_YEAR,
    outDir: dir,
    seed: 5,
    historyYears: 4,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  await loadBaseline(t, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  await loadEwsTerms(t, dir);
  // The two schools with the most grade 9–12 students in 2025, in different districts.
  const r = await sql<{ district_number: string; school_number: string }>`
    SELECT district_number, school_number FROM enrollment
    WHERE school_year = 2025 AND grade_level IN ('09','10','11','12')
    GROUP BY district_number, school_number ORDER BY count(*) DESC`.execute(t.db);
  home = { district: r.rows[0]!.district_number, school: r.rows[0]!.school_number };
  const o = r.rows.find((x) => x.district_number !== home.district)!;
  other = { district: o.district_number, school: o.school_number };
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: TEST_SCHOOL_YEAR });
  await app.ready();
  const none = { districtNumber: null, schoolNumber: null };
  staff = await sessionHeaders(
    t,
    await createTestUser(t, 'staff@ews.test', [{ role: 'state-staff', ...none }]),
  );
  steward = await sessionHeaders(
    t,
    await createTestUser(t, 'steward@ews.test', [
      { role: 'district-steward', districtNumber: home.district, schoolNumber: null },
    ]),
  );
  schoolUser = await sessionHeaders(
    t,
    await createTestUser(t, 'school@ews.test', [
      { role: 'school-user', districtNumber: home.district, schoolNumber: home.school },
    ]),
  );
}, 240_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('training data from our own records', () => {
  it('loads the EWS terms and audit flags of the history years', async () => {
    const terms = await t.db
      .selectFrom('ews_term')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    const audit = await t.db
      .selectFrom('ews_audit_year')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    expect(terms!.n).toBeGreaterThan(5000);
    expect(audit!.n).toBeGreaterThan(3000);
  });

  it('labels students by their end status within the horizon and counts the rows left out', async () => {
    const settings = await loadEwsSettings();
    const c = await cohortRows(t.db, 2024, settings, new Map());
    const high = [9, 10, 11, 12].flatMap((g) => c.rows.get(g as 9) ?? []);
    expect(high.length).toBeGreaterThan(300);
    const dropouts = high.filter((r) => r.label === 1).length;
    expect(dropouts).toBeGreaterThan(5);
    expect(dropouts / high.length).toBeLessThan(0.15);
    expect(Object.values(c.excluded).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Audit attributes ride along for the fairness table; they are not features.
    expect(high[0]!.groups).toHaveProperty('frl');
    expect(Object.keys(high[0]!.features)).not.toContain('frl');
  });

  it('never reads a record dated after the as-of date', async () => {
    const asOf = '2024-11-15';
    const students = await readRawStudents(t.db, { schoolYear: 2025, asOf });
    expect(students.length).toBeGreaterThan(500);
    for (const s of students) {
      for (const e of s.enrollments) {
        expect(e.startDate <= asOf).toBe(true);
        if (e.endDate !== null) expect(e.endDate <= asOf).toBe(true);
      }
    }
    // The SQL totals equal the pure definition applied to every stored term, later ones included.
    const all = await t.db.selectFrom('ews_term').selectAll().execute();
    const terms = new Map<number, EwsTerm[]>();
    for (const r of all)
      terms.set(Number(r.student_id), [
        ...(terms.get(Number(r.student_id)) ?? []),
        {
          termEnd: r.term_end,
          gradeLevel: r.grade_level,
          daysEnrolled: Number(r.days_enrolled),
          daysPresent: Number(r.days_present),
          behaviorIncidents: r.behavior_incidents,
          suspensionDays: Number(r.suspension_days),
          coursesFailed: r.courses_failed,
          creditsEarned: Number(r.credits_earned),
        },
      ]);
    let later = 0;
    for (const s of students) {
      const own = terms.get(s.studentId) ?? [];
      later += own.filter((x) => x.termEnd > asOf).length;
      const want = totalsOfTerms(own, asOf);
      for (const [k, v] of Object.entries(want)) expect(s.totals[k as keyof EwsTermTotals]).toBeCloseTo(v, 9);
    }
    expect(later).toBeGreaterThan(100);
    expect(students.filter((s) => s.enrollments.length > 1).length).toBeGreaterThan(0);
  });
});

describe('models as frozen artifacts', () => {
  let trained: EwsTrainResponse;

  it('trains candidates per grade, out of time, through the API (state data staff only)', async () => {
    const body = { grades: [9, 10, 11, 12], trainYears: [2022, 2023, 2024], testYear: 2025 };
    const denied = await app.inject({
      method: 'POST',
      url: '/api/v1/ews/models/train',
      headers: steward,
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/ews/models/train',
      headers: staff,
      payload: { ...body, testYear: 2024 },
    });
    expect(bad.statusCode).toBe(422);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/ews/models/train',
      headers: staff,
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    trained = res.json<EwsTrainResponse>();
    const models = trained.results.filter((r) => r.model !== null);
    expect(models.length).toBeGreaterThanOrEqual(2);
    for (const r of models) {
      expect(r.model!.status).toBe('candidate');
      expect(r.model!.trainingYears).toEqual([2022, 2023, 2024]);
      expect(r.model!.auc).toBeGreaterThan(0.55);
    }
  }, 120_000);

  it('serves a model card with calibration, fairness by group and limitations', async () => {
    const id = trained.results.find((r) => r.model)!.model!.id;
    const res = await app.inject({ method: 'GET', url: `/api/v1/ews/models/${id}`, headers: schoolUser });
    expect(res.statusCode).toBe(200);
    const card = res.json<EwsModelCard>();
    expect(card.coefficients.map((c) => c.feature)).toContain('attendanceRate');
    expect(card.coefficients.map((c) => c.feature)).not.toContain('frl');
    expect(card.evaluation.calibration.length).toBeGreaterThan(3);
    expect(new Set(card.evaluation.fairness.map((f) => f.attribute))).toEqual(
      new Set(['americanIndian', 'el', 'frl', 'gender', 'homeless', 'iep', 'raceEthnicity']),
    );
    for (const f of card.evaluation.fairness) if (f.count < 10) expect(f.suppressed).toBe(true);
    expect(card.limitations.length).toBeGreaterThan(4);
  });

  it('compares with the current model, promotes, and keeps the artifact frozen', async () => {
    const [first, second] = trained.results.filter((r) => r.model).map((r) => r.model!);
    const cmp = await app.inject({
      method: 'GET',
      url: `/api/v1/ews/models/${first!.id}/comparison`,
      headers: staff,
    });
    expect(cmp.json<EwsComparison>().current).toBeNull();
    for (const m of trained.results.filter((r) => r.model).map((r) => r.model!)) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/ews/models/${m.id}/promote`,
        headers: staff,
      });
      expect(res.json().status).toBe('current');
    }
    const denied = await app.inject({
      method: 'POST',
      url: `/api/v1/ews/models/${second!.id}/promote`,
      headers: steward,
    });
    expect(denied.statusCode).toBe(403);
    await expect(
      sql`UPDATE ews_model SET artifact = '{}'::jsonb WHERE id = ${first!.id}`.execute(t.db),
    ).rejects.toThrow(/frozen/);
    await expect(sql`DELETE FROM ews_model WHERE id = ${first!.id}`.execute(t.db)).rejects.toThrow();
  });
});

describe('scoring and its scope', () => {
  it('scores a district with reasons, and refuses other districts and schools', async () => {
    const url = `/api/v1/districts/${home.district}/ews/students?asOf=2025-03-01`;
    const res = await app.inject({ method: 'GET', url, headers: steward });
    expect(res.statusCode).toBe(200);
    const body = res.json<EwsStudentsResponse>();
    expect(body.students.length).toBeGreaterThan(20);
    expect(body.students.every((s) => s.grade >= 9)).toBe(true);
    expect(body.students.some((s) => s.reasons.length > 0)).toBe(true);
    const ps = body.students.map((s) => s.probability);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    const crossDistrict = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${other.district}/ews/students?asOf=2025-03-01`,
      headers: steward,
    });
    expect(crossDistrict.statusCode).toBe(403);
    const ownSchool = await app.inject({
      method: 'GET',
      url: `${url}&school=${home.school}`,
      headers: schoolUser,
    });
    expect(ownSchool.statusCode).toBe(200);
    expect(ownSchool.json<EwsStudentsResponse>().students.every((s) => s.schoolNumber === home.school)).toBe(
      true,
    );
    const wholeDistrict = await app.inject({ method: 'GET', url, headers: schoolUser });
    expect(wholeDistrict.statusCode).toBe(403);
  });

  it('stores statewide runs and compares a school with the state over time', async () => {
    for (const asOf of ['2024-12-01', '2025-03-01']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/ews/score-runs',
        headers: staff,
        payload: { asOf },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<EwsScoreRun>().students).toBeGreaterThan(100);
    }
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${home.district}/ews/comparison?school=${home.school}`,
      headers: schoolUser,
    });
    const body = res.json<EwsComparisonOverTime>();
    expect(body.points.map((p) => p.asOf)).toEqual(['2024-12-01', '2025-03-01']);
    expect(body.points[1]!.stateHighRate).toBeGreaterThan(0);
    const cross = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${other.district}/ews/comparison`,
      headers: steward,
    });
    expect(cross.statusCode).toBe(403);
  });
});

describe('audit, export and student history', () => {
  const actions = async (action: string) =>
    await t.db
      .selectFrom('audit_event')
      .select(['actor', 'entity_id', 'district_number', 'student_id', 'detail'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  it('writes training and promotion to the audit log (who, when, what)', async () => {
    const trained = await actions('ews.train');
    expect(trained.length).toBe(1);
    expect(trained[0]!.actor).toBe('staff@ews.test');
    const detail = trained[0]!.detail as { trainYears: number[]; models: { id: number }[] };
    expect(detail.trainYears).toEqual([2022, 2023, 2024]);
    expect(detail.models.length).toBeGreaterThanOrEqual(2);
    const promoted = await actions('ews.promote');
    expect(promoted.map((p) => Number(p.entity_id)).sort()).toEqual(detail.models.map((m) => m.id).sort());
    expect(promoted.every((p) => p.actor === 'staff@ews.test')).toBe(true);
  });

  it('exports the flagged students as injection-safe CSV, audited and scoped', async () => {
    const url = `/api/v1/districts/${home.district}/ews/students`;
    const list = (
      await app.inject({ method: 'GET', url: `${url}?asOf=2025-03-01`, headers: steward })
    ).json<EwsStudentsResponse>();
    // A name a spreadsheet would run as a formula must arrive as text.
    const target = list.students[0]!;
    await sql`UPDATE student SET last_name = '=HYPERLINK("x")' WHERE state_id = ${target.stateId}`.execute(
      t.db,
    );
    const res = await app.inject({ method: 'GET', url: `${url}.csv?asOf=2025-03-01`, headers: steward });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('State ID,Name,School,Grade,Risk %,Band,Reasons,Model version,As of');
    expect(lines.length).toBe(list.students.length + 1);
    expect(res.body).toContain(`"'=HYPERLINK(""x""), `);
    const high = await app.inject({
      method: 'GET',
      url: `${url}.csv?asOf=2025-03-01&band=high`,
      headers: steward,
    });
    const highRows = high.body.trimEnd().split('\r\n').length - 1;
    expect(highRows).toBe(list.students.filter((s) => s.band === 'high').length);
    const exports = await actions('ews.students-export');
    expect(exports.length).toBe(2);
    expect(exports[0]!.district_number).toBe(home.district);
    expect((exports[0]!.detail as { rows: number }).rows).toBe(list.students.length);
    const cross = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${other.district}/ews/students.csv`,
      headers: steward,
    });
    expect(cross.statusCode).toBe(403);
  });

  it("shows a student's risk trend with recorded interventions, within scope only", async () => {
    const r = await sql<{ state_id: string; school_number: string }>`
      SELECT st.state_id, s.school_number FROM ews_score s JOIN student st ON st.id = s.student_id
      JOIN ews_score_run r ON r.id = s.run_id
      WHERE s.school_number = ${home.school} AND r.as_of = '2025-03-01'
        AND s.student_id IN (SELECT student_id FROM ews_score GROUP BY student_id HAVING count(*) = 2)
      ORDER BY s.probability DESC LIMIT 1`.execute(t.db);
    const stateId = r.rows[0]!.state_id;
    const base = `/api/v1/districts/${home.district}/ews/students/${stateId}`;
    const q = `?school=${home.school}`;
    const added = await app.inject({
      method: 'POST',
      url: `${base}/interventions${q}`,
      headers: schoolUser,
      payload: { startedOn: '2024-12-10', kind: 'Attendance mentor', note: 'weekly check-in' },
    });
    expect(added.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: `${base}/interventions${q}`,
      headers: schoolUser,
      payload: { startedOn: '2024-12-10', endedOn: '2024-12-01', kind: 'Tutoring' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await app.inject({ method: 'GET', url: `${base}/history${q}`, headers: schoolUser });
    expect(res.statusCode).toBe(200);
    const h = res.json<EwsStudentHistory>();
    expect(h.points.map((p) => p.asOf)).toEqual(['2024-12-01', '2025-03-01']);
    expect(h.points.every((p) => p.probability > 0 && p.probability < 1)).toBe(true);
    expect(h.interventions.map((i) => [i.startedOn, i.kind])).toEqual([['2024-12-10', 'Attendance mentor']]);
    const reads = await actions('ews.student-read');
    expect(reads.at(-1)!.actor).toBe('school@ews.test');
    expect((await actions('ews.intervention')).length).toBe(1);
    // Another district's staff cannot read or write it; this district's path finds no one for a stranger.
    const cross = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${other.district}/ews/students/${stateId}/history`,
      headers: steward,
    });
    expect(cross.statusCode).toBe(403);
    const crossWrite = await app.inject({
      method: 'POST',
      url: `/api/v1/districts/${other.district}/ews/students/${stateId}/interventions`,
      headers: steward,
      payload: { startedOn: '2024-12-10', kind: 'x' },
    });
    expect(crossWrite.statusCode).toBe(403);
    const stranger = await sql<{ state_id: string }>`SELECT st.state_id FROM student st
      WHERE NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = st.id
        AND e.district_number = ${home.district}) LIMIT 1`.execute(t.db);
    const notOurs = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${home.district}/ews/students/${stranger.rows[0]!.state_id}/history`,
      headers: steward,
    });
    expect(notOurs.statusCode).toBe(404);
  });
});
