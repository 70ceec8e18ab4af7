import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { firstSchool } from '../../../test/test-schools.ts';
import { enRow, sdRow, writeMontanaFile } from '../../../test/upload-files.ts';
import { newStateIds } from './batch.repository.ts';
import { importMany } from './import-many.service.ts';
import { runUpload, type UploadRequest } from './upload.service.ts';

let t: TestDatabase;
let profile: Profile;
let school: string;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  school = await firstSchool(t.db, '0001');
});
afterAll(async () => {
  await t.drop();
});

async function request(name: string, lines: string[], district = '0001'): Promise<UploadRequest> {
  const path = await writeMontanaFile(name, lines);
  return { path, fileName: name, district, schoolYear: TEST_SCHOOL_YEAR, dryRun: false };
}

async function enrollmentCount(): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM enrollment`.execute(t.db);
  return r.rows[0]!.n;
}

describe('many files at once', () => {
  it('imports in upload order, each file all or nothing: a bad file commits nothing, the others commit', async () => {
    const sd = await request('sd.tsv', [
      sdRow(profile, { student_local_id: '7001', last_name: 'Amsel', first_name: 'Ida' }),
      sdRow(profile, { student_local_id: '7002', last_name: 'Birke', first_name: 'Otto' }),
    ]);
    // Issue the IDs first so the Enrollment files can name them, then send every file again at once.
    const first = await runUpload(t, profile, sd);
    expect(first.status).toBe('committed');
    const ids = Object.fromEntries(
      (await newStateIds(t.db, first.batchId)).map((x) => [x.localId, x.stateId]),
    );
    const before = await enrollmentCount();
    const good = await request('en-good.tsv', [
      enRow(profile, {
        school_number: school,
        last_name: 'Amsel',
        first_name: 'Ida',
        student_local_id: '7001',
        student_state_id: ids['7001']!,
      }),
    ]);
    const bad = await request('en-bad.tsv', [
      enRow(profile, {
        school_number: school,
        last_name: 'Amsel',
        first_name: 'Ida',
        student_local_id: '7002',
        student_state_id: ids['7002']!,
      }),
      enRow(profile, {
        school_number: school,
        last_name: 'Amsel',
        first_name: 'Ida',
        student_local_id: '7003',
        student_state_id: '999999999',
      }),
    ]);
    // Given out of order: Enrollment files before the Student Demographic file.
    const { results } = await importMany(t, profile, [good, bad, sd], { parallel: 2 });
    expect(results.map((r) => r.template)).toEqual([
      'student-enrollment',
      'student-enrollment',
      'student-demographics',
    ]);
    expect(results[0]!.findings).toEqual([]);
    expect(results.map((r) => r.status)).toEqual(['committed', 'rejected', 'committed']);
    expect(results[1]!.findings.map((f) => [f.line, f.code])).toEqual([[3, 'ENR-NO-STATE-ID']]);
    expect(results[2]!.summary).toMatchObject({ assigned: 0 });
    expect(await enrollmentCount()).toBe(before + 1);
  });

  it('commits a large Enrollment file exactly as a small one, with every key constraint holding', async () => {
    const people = Array.from({ length: 1100 }, (_, i) =>
      sdRow(profile, {
        student_local_id: String(80000 + i),
        last_name: `Large${i}`,
        first_name: 'Test',
        birth_date: '2014-03-01',
      }),
    );
    const sd = await runUpload(t, profile, await request('sd-large.tsv', people));
    expect(sd.status).toBe('committed');
    const ids = (await newStateIds(t.db, sd.batchId)).map((x) => x.stateId);
    const rows = ids.flatMap((id) => [
      enRow(profile, {
        school_number: school,
        last_name: 'Amsel',
        first_name: 'Ida',
        student_state_id: id,
        start_date: '08/27/2025',
        end_date: '09/30/2025',
        end_status: '160',
      }),
      enRow(profile, {
        school_number: school,
        last_name: 'Amsel',
        first_name: 'Ida',
        student_state_id: id,
        start_date: '10/01/2025',
      }),
    ]);
    const before = await enrollmentCount();
    const en = await runUpload(t, profile, await request('en-large.tsv', rows));
    expect(en.findingCounts).toEqual([]);
    expect(en).toMatchObject({ status: 'committed', rows: 2200, rejected: 0 });
    expect(en.summary).toEqual({ inserted: 2200, updated: 0, unchanged: 0 });
    expect(await enrollmentCount()).toBe(before + 2200);
    // Every inserted row references what exists (what the foreign keys would have checked row by row).
    const dangling = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM enrollment e
      WHERE NOT EXISTS (SELECT 1 FROM student s WHERE s.id = e.student_id)
         OR NOT EXISTS (SELECT 1 FROM calendar c WHERE c.id = e.calendar_id)
         OR NOT EXISTS (SELECT 1 FROM school s WHERE s.school_number = e.school_number)`.execute(t.db);
    expect(dangling.rows[0]!.n).toBe(0);
    const replica = await sql<{
      role: string;
    }>`SELECT current_setting('session_replication_role') AS role`.execute(t.db);
    expect(replica.rows[0]!.role).toBe('origin');
    const again = await runUpload(t, profile, await request('en-large-again.tsv', rows));
    expect(again.summary).toEqual({ inserted: 0, updated: 0, unchanged: 2200 });
  });
});
