import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { OutcomeReport } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { snapshotYears } from '../collections/snapshot-sources.ts';
import { snapshotsService } from '../collections/snapshots.service.ts';
import { upsertSchoolYear } from '../organizations/organization-load.repository.ts';
import { outcomesService } from './outcomes.service.ts';
import { buildOutcomeFixture, certify, type OutcomeFixture } from './outcomes.test-helper.ts';

// Certified CTE, behavior and attendance read the certified snapshot entirely (decision 0061): the records, and
// the enrollments that place a student and carry the IEP and 21st CCLC flags, as frozen with the collection.
// After certification the live enrollments change so that every live figure moves; the certified ones must not.

let t: TestDatabase;
let f: OutcomeFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildOutcomeFixture(t);
  await certify(t, f, 'eoy-cte', ['eoy-cte', 'student-enrollment']);
  await certify(t, f, 'eoy-behavior', ['behavior', 'student-enrollment']);
  await certify(t, f, 'eoy-attendance', ['eoy-attendance', 'student-enrollment']);
  const set = async (name: string, values: Record<string, unknown>) =>
    await t.db.updateTable('enrollment').set(values).where('id', '=', f.enrollment[name]!).execute();
  // Live: cte2 is now in grade 8 (out of EOY CTE), the IEP student is a regular student, the CCLC flag is gone,
  // and cte1 moved to grade 12.
  await set('cte2', { grade_level: '08' });
  await set('iep', { service_type: 'P' });
  await set('cclc', { cclc_21st_participant: false });
  await set('cte1', { grade_level: '12' });
});
afterAll(async () => {
  await t.drop();
});

const report = async (
  measure: 'cte' | 'behavior' | 'dropouts' | 'graduation',
  source: 'live' | 'certified',
) => {
  const out = await outcomesService(t.db, await testProfile(), Y).report(measure, f.a.district, { source });
  if (out.kind !== 'report') throw new Error(out.kind);
  return out.report;
};
const line = (r: OutcomeReport, name: string) => r.lines.find((l) => l.stateId === f.id[name]);

describe('certified CTE, behavior and attendance', () => {
  it('places CTE students by the frozen enrollments, not the live ones', async () => {
    const live = await report('cte', 'live');
    expect(live.totals).toMatchObject({ numerator: 1, denominator: 1 });
    const certified = await report('cte', 'certified');
    expect(certified.totals).toMatchObject({ numerator: 1, denominator: 2 });
    expect(line(certified, 'cte2')).toMatchObject({ grade: '11', schoolNumber: f.a2.school, counted: false });
    expect(line(certified, 'cte1')).toMatchObject({ grade: '11', counted: true });
  });

  it('judges ISS by the frozen IEP and 21st CCLC flags', async () => {
    const live = await report('behavior', 'live');
    expect(live.totals).toMatchObject({ numerator: 1, denominator: 4 });
    const certified = await report('behavior', 'certified');
    expect(certified.totals).toMatchObject({ numerator: 3, denominator: 4 });
    expect(line(certified, 'iep')).toMatchObject({ counted: true, grade: '08' });
    expect(line(certified, 'cclc')).toMatchObject({ counted: true });
    expect(certified.details).toMatchObject({ ideaInSchoolOver10: 1 });
  });

  it('reads attendance with the frozen enrollment’s grade', async () => {
    const service = outcomesService(t.db, await testProfile(), Y);
    const scope = { schoolYear: Y, district: f.a.district };
    const grade = async (source: 'live' | 'certified') =>
      (await service.attendance({ ...scope, source })).find((r) => r.stateId === f.id['cte1'])?.grade;
    expect(await grade('live')).toBe('12');
    expect(await grade('certified')).toBe('11');
    const certified = await service.attendance({ ...scope, source: 'certified' });
    expect(certified.find((r) => r.stateId === f.id['iep'])).toMatchObject({
      idea: true,
      essaDaysAbsent: 10,
    });
  });
});

describe('the prior-year graduates snapshot', () => {
  it('freezes the year that ended the June before the event, with the event year as evidence', () => {
    expect(snapshotYears({ schoolYear: Y + 1, collectionId: 'prior-year-graduates' })).toEqual([Y, Y + 1]);
    expect(snapshotYears({ schoolYear: Y, collectionId: 'eoy-cte' })).toEqual([Y]);
  });

  it('certifies year Y in the event of Y + 1 and reports its cohort and dropouts from it', async () => {
    await upsertSchoolYear(t.db, Y + 1);
    const event = await t.db
      .insertInto('certification_event')
      .values({
        school_year: Y + 1,
        name: 'Prior-year Graduate / Dropout / Cohort',
        types: ['graduation'],
        level: 'district',
        collection_id: 'prior-year-graduates',
        templates: ['student-enrollment'],
        event_start: `${Y}-10-01`,
        certification_opens: `${Y}-10-01`,
        due_date: `${Y}-10-10`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const snapshots = snapshotsService({
      database: t,
      now: () => `${Y}-10-05T12:00:00Z`,
      timeZone: 'America/Denver',
    });
    const taken = await snapshots.statewide(Number(event.id), [f.a.district, f.b.district], null);
    expect(taken).toMatchObject({ kind: 'done', snapshots: 2 });
    const years = (
      await sql<{ n: number }>`SELECT count(*) AS n FROM snapshot_enrollment r
        JOIN certification_snapshot h ON h.id = r.snapshot_id WHERE h.event_id = ${event.id}`.execute(t.db)
    ).rows[0]!;
    const live = await t.db
      .selectFrom('enrollment')
      .where('school_year', '=', Y)
      .where('district_number', 'in', [f.a.district, f.b.district])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(years.n)).toBe(Number(live.n));
    // A later live change does not reach the certified figures.
    await t.db
      .updateTable('enrollment')
      .set({ end_status: null, end_date: null })
      .where('id', '=', f.enrollment['dropout']!)
      .execute();
    expect((await report('dropouts', 'live')).totals.numerator).toBe(1);
    const dropouts = await report('dropouts', 'certified');
    expect(dropouts.snapshots.length).toBeGreaterThan(0);
    expect(line(dropouts, 'dropout')).toMatchObject({ counted: true });
    expect(line(dropouts, 'returned')?.counted).toBe(false);
    const cohort = await report('graduation', 'certified');
    expect(cohort.totals).toMatchObject({ numerator: 2, denominator: 4 });
  });
});
