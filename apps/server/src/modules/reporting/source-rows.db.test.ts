import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { buildOutcomeFixture, certify, type OutcomeFixture } from './outcomes.test-helper.ts';
import { RECORDS, sourceRows } from './source-rows.repository.ts';

// A certified read scans the typed frozen rows (decision 0080): every column must come back with the live row's
// type and value, nulls included, and the relation must filter and join like the live table.

let t: TestDatabase;
let f: OutcomeFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildOutcomeFixture(t);
  await certify(t, f, 'eoy-attendance', ['eoy-attendance', 'student-enrollment']);
});
afterAll(async () => {
  await t.drop();
});

const rows = async (source: 'live' | 'certified', record: (typeof RECORDS)[keyof typeof RECORDS]) => {
  const r = await sql<Record<string, unknown>>`
    SELECT x.* FROM ${sourceRows(source, record, 'eoy-attendance')} x
    WHERE x.district_number = ${f.a.district} AND x.school_year = ${Y} ORDER BY x.id`.execute(t.db);
  return r.rows;
};

describe('certified source rows', () => {
  it('read every column of the frozen enrollments with the live values and types', async () => {
    const live = await rows('live', RECORDS.enrollment);
    const frozen = await rows('certified', RECORDS.enrollment);
    expect(frozen.length).toBeGreaterThan(0);
    // Bookkeeping columns are left out of the frozen row (snapshot-sources.ts); the snapshot adds its own.
    const without = (r: Record<string, unknown>, keys: string[]) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));
    expect(frozen.map((r) => without(r, ['snapshot_id', 'record_key', 'digest']))).toEqual(
      live.map((r) => without(r, ['created_at', 'batch_id'])),
    );
  });

  it('read numbers and join to the frozen enrollments like the live tables', async () => {
    const read = async (source: 'live' | 'certified') =>
      (
        await sql<{ n: number; present: string; grades: string }>`
          SELECT count(*)::int AS n, sum(a.ada_days_present)::text AS present,
            string_agg(DISTINCT e.grade_level, ',' ORDER BY e.grade_level) AS grades
          FROM ${sourceRows(source, RECORDS.attendance, 'eoy-attendance')} a
          JOIN ${sourceRows(source, RECORDS.enrollment, 'eoy-attendance')} e ON e.id = a.enrollment_id
          WHERE a.school_year = ${Y}`.execute(t.db)
      ).rows[0]!;
    const live = await read('live');
    expect(live.n).toBeGreaterThan(0);
    expect(await read('certified')).toEqual(live);
  });
});
