import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DistrictAnbReport, StateAnbSummary } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { injectAs, testerHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';
import { SNAPSHOT_SOURCES } from '../collections/snapshot-sources.ts';
import { takeSnapshots } from '../collections/snapshot.repository.ts';
import {
  buildEnrollment,
  buildRecord,
  buildStudent,
  places,
  type Place,
} from '../validation/fixtures.test-helper.ts';
import { reportingService } from './reporting.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
let a: Place;
let b: Place;
let highEnrollment = 0;
const ids: Record<string, string> = {};

async function counted(
  name: string,
  at: Place,
  grade: string,
  counts: { fall?: [number, number?]; spring?: number },
  over: { birth_date?: string | null; service_type?: string } = {},
): Promise<{ studentId: number; enrollmentId: number }> {
  const existing = ids[name];
  const student = existing
    ? { id: Number(existing.split(':')[1]), stateId: existing.split(':')[0]! }
    : await buildStudent(t, over.birth_date === undefined ? {} : { birth_date: over.birth_date });
  ids[name] = `${student.stateId}:${student.id}`;
  const enrollmentId = await buildEnrollment(t, student.id, at, {
    grade_level: grade,
    ...(over.service_type ? { service_type: over.service_type } : {}),
  });
  const base = { enrollment_id: enrollmentId, student_id: student.id, district_number: at.district };
  if (counts.fall)
    await buildRecord(t, 'fall_count', {
      ...base,
      school_year: TEST_SCHOOL_YEAR,
      fall_aggregate_hours: counts.fall[0],
      fall_absent: counts.fall[1] ?? null,
    });
  if (counts.spring !== undefined)
    await buildRecord(t, 'spring_count', {
      ...base,
      school_year: TEST_SCHOOL_YEAR,
      spring_aggregate_hours: counts.spring,
    });
  return { studentId: student.id, enrollmentId };
}

const stateId = (name: string) => ids[name]!.split(':')[0]!;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ a, b } = await places(t));
  const s1 = await counted('full', a, '05', { fall: [720], spring: 720 });
  const s2 = await counted('high', a, '10', { fall: [540], spring: 400 });
  highEnrollment = s2.enrollmentId;
  await counted('absent', a, '05', { fall: [720, 12], spring: 720 });
  await counted('twice', a, '05', { fall: [720] });
  await counted('twice', b, '05', { fall: [720] }, { service_type: 'S' });
  await counted('unborn', a, '05', { fall: [720] }, { birth_date: null });
  const eoy = (s: { studentId: number; enrollmentId: number }, present: number, absent: number) =>
    buildRecord(t, 'eoy_attendance', {
      enrollment_id: s.enrollmentId,
      student_id: s.studentId,
      district_number: a.district,
      school_year: TEST_SCHOOL_YEAR,
      ada_days_enrolled: 170,
      ada_days_present: present,
      essa_days_absent: absent,
    });
  await eoy(s1, 160, 10);
  await eoy(s2, 150, 20);
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: TEST_SCHOOL_YEAR });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

function checkDistrict(report: DistrictAnbReport): void {
  const unit = (u: string) => report.units.find((x) => x.budgetUnit === u)!;
  expect(unit('elementary')).toMatchObject({ fall: 2, spring: 2, pirDaysUsed: 7, anbRounded: 2.08 });
  expect(unit('high_school')).toMatchObject({ fall: 0.75, spring: 0.5, anbRounded: 0.65 });
  const line = (name: string, count: 'fall' | 'spring') =>
    report.lines.find((l) => l.stateId === stateId(name) && l.count === count)!;
  expect(line('high', 'fall').explanation).toContain('counted 0.75');
  expect(line('absent', 'fall')).toMatchObject({ status: 'excluded', weight: 0 });
  expect(line('absent', 'fall').explanation).toContain('11th consecutive absence');
  expect(line('twice', 'fall')).toMatchObject({ status: 'counted', weight: 1, districtNumber: a.district });
  expect(line('unborn', 'fall').explanation).toContain('no birth date');
  // Only the district's own rows are shown; the other district's row of the same pupil fed the cap.
  expect(report.lines.every((l) => l.districtNumber === a.district)).toBe(true);
  for (const u of report.units) {
    const sum = (count: string) =>
      report.lines
        .filter((l) => l.count === count && l.budgetUnit === u.budgetUnit)
        .reduce((s, l) => s + l.weight, 0);
    expect(sum('fall')).toBeCloseTo(u.fall, 10);
    expect(sum('spring')).toBeCloseTo(u.spring, 10);
  }
  expect(report.attendance).toMatchObject({ daysEnrolled: 340, daysPresent: 310, chronicallyAbsent: 1 });
  expect(report.attendance.students).toBe(2);
}

describe('ANB from the live tables', () => {
  it('computes a district through the service', async () => {
    const service = reportingService(t.db, await testProfile(), TEST_SCHOOL_YEAR);
    const out = await service.districtAnb(a.district, { pirDays: 7 });
    if (out.kind !== 'report') throw new Error(out.kind);
    checkDistrict(out.report);
    expect(out.report).toMatchObject({ source: 'live', snapshots: { fall: null, spring: null } });
    expect(await service.districtAnb('9999')).toEqual({ kind: 'not-found' });
  });

  it('caps a pupil across districts in the statewide summary', async () => {
    const service = reportingService(t.db, await testProfile(), TEST_SCHOOL_YEAR);
    const state = await service.stateAnb();
    const other = state.districts.find((d) => d.districtNumber === b.district)!;
    expect(other.units).toMatchObject([{ budgetUnit: 'elementary', fall: 0, spring: 0 }]);
    const own = state.districts.find((d) => d.districtNumber === a.district)!;
    expect(own.units.find((u) => u.budgetUnit === 'elementary')).toMatchObject({ fall: 2, anb: 2 });
  });

  it('serves the district report, its CSV and the state summary over HTTP', async () => {
    const as = injectAs(app, await testerHeaders(t));
    const res = await as({ method: 'GET', url: `/api/v1/districts/${a.district}/anb?pirDays=7` });
    expect(res.statusCode).toBe(200);
    checkDistrict(res.json<DistrictAnbReport>());
    const csv = await as({
      method: 'GET',
      url: `/api/v1/districts/${a.district}/anb/students.csv?pirDays=7`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('State ID,Count,Count Date');
    expect(csv.body).toContain(`${stateId('absent')},fall`);
    expect(csv.body).toContain('11th consecutive absence');
    const state = await as({ method: 'GET', url: '/api/v1/anb' });
    expect(state.statusCode).toBe(200);
    expect(state.json<StateAnbSummary>().districts.map((d) => d.districtNumber)).toContain(a.district);
    const missing = await as({ method: 'GET', url: '/api/v1/districts/9999/anb' });
    expect(missing.statusCode).toBe(404);
  });
});

/** Freezes districts a and b for a collection the way certification does (decision 0043). */
async function certify(collectionId: string, templates: string[]): Promise<void> {
  const event = await t.db
    .insertInto('certification_event')
    .values({
      school_year: TEST_SCHOOL_YEAR,
      name: collectionId,
      types: [collectionId],
      level: 'district',
      collection_id: collectionId,
      templates,
      event_start: `${TEST_SCHOOL_YEAR - 1}-10-01`,
      certification_opens: `${TEST_SCHOOL_YEAR - 1}-10-01`,
      due_date: `${TEST_SCHOOL_YEAR}-06-30`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await takeSnapshots(t.db, {
    eventId: Number(event.id),
    schoolYear: TEST_SCHOOL_YEAR,
    takenBy: null,
    targets: [a, b].map((p) => ({ district: p.district, round: 1 })),
    sources: templates.map((id) => SNAPSHOT_SOURCES.get(id)!),
  });
}

describe('ANB from certified snapshots', () => {
  it('reads the frozen rows, not later live changes, and caps across snapshots', async () => {
    const service = reportingService(t.db, await testProfile(), TEST_SCHOOL_YEAR);
    const as = injectAs(app, await testerHeaders(t));
    expect(await service.districtAnb(a.district, { source: 'certified' })).toEqual({
      kind: 'no-snapshot',
      count: 'fall',
    });
    const none = await as({ method: 'GET', url: `/api/v1/districts/${a.district}/anb?source=certified` });
    expect(none.statusCode).toBe(404);
    await certify('fall-count', ['student-demographics', 'student-enrollment', 'fall-count']);
    // The spring collection freezes no demographics: birth dates come from the student record.
    await certify('spring-anb', ['student-enrollment', 'spring-count']);
    await t.db
      .updateTable('fall_count')
      .set({ fall_aggregate_hours: '720' })
      .where('enrollment_id', '=', highEnrollment)
      .execute();
    const live = await service.districtAnb(a.district, { pirDays: 7 });
    if (live.kind !== 'report') throw new Error(live.kind);
    expect(live.report.units.find((u) => u.budgetUnit === 'high_school')?.fall).toBe(1);
    const res = await as({
      method: 'GET',
      url: `/api/v1/districts/${a.district}/anb?source=certified&pirDays=7`,
    });
    expect(res.statusCode).toBe(200);
    const report = res.json<DistrictAnbReport>();
    checkDistrict(report);
    expect(report.source).toBe('certified');
    expect(report.snapshots.fall).toEqual(expect.any(Number));
    expect(report.snapshots.spring).toEqual(expect.any(Number));
    const state = await service.stateAnb({ source: 'certified' });
    const other = state.districts.find((d) => d.districtNumber === b.district)!;
    expect(other.units).toMatchObject([{ budgetUnit: 'elementary', fall: 0, spring: 0 }]);
  });
});
