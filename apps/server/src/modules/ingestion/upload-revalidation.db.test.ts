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
import { planRecheck, type CommittedUpload } from './upload-revalidation.ts';
import { runUpload, type UploadRequest, type UploadResult } from './upload.service.ts';

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

async function request(name: string, lines: string[]): Promise<UploadRequest> {
  const path = await writeMontanaFile(name, lines);
  return { path, fileName: name, district: '0001', schoolYear: TEST_SCHOOL_YEAR, dryRun: false };
}

const committed = (r: UploadResult): CommittedUpload => ({
  batchId: r.batchId,
  district: r.district,
  schoolYear: TEST_SCHOOL_YEAR,
  template: r.template,
});

async function studentIdsOf(stateIds: string[]): Promise<number[]> {
  const r = await sql<{
    id: string;
  }>`SELECT id FROM student WHERE state_id = ANY(${stateIds}::text[]) ORDER BY id`.execute(t.db);
  return r.rows.map((x) => Number(x.id));
}

describe('the re-check after committed uploads', () => {
  it('re-checks the students files wrote in one run, identity files by district, the state past a limit', async () => {
    const sd = await runUpload(
      t,
      profile,
      await request('sd.tsv', [
        sdRow(profile, { student_local_id: '9101', last_name: 'Abend', first_name: 'Eva' }),
        sdRow(profile, { student_local_id: '9102', last_name: 'Borke', first_name: 'Jan' }),
      ]),
    );
    expect(sd.status).toBe('committed');
    const ids = (await newStateIds(t.db, sd.batchId)).map((x) => x.stateId);
    const en = (stateId: string) =>
      enRow(profile, {
        school_number: school,
        last_name: 'Abend',
        first_name: 'Eva',
        student_state_id: stateId,
      });
    // Two Enrollment files: their students are re-checked together, in one incremental run.
    const seen: string[] = [];
    const { results } = await importMany(
      t,
      profile,
      [await request('en-a.tsv', [en(ids[0]!)]), await request('en-b.tsv', [en(ids[1]!)])],
      { validate: false, onResult: (_, r) => seen.push(r.status) },
    );
    expect(results.map((r) => r.status)).toEqual(['committed', 'committed']);
    expect(seen).toEqual(['committed', 'committed']);
    // The deferred-durability commits did not leave the setting behind on the pooled connection.
    const setting = await sql<{ s: string }>`SELECT current_setting('synchronous_commit') AS s`.execute(t.db);
    expect(setting.rows[0]!.s).toBe('on');
    const plan = await planRecheck(t, [committed(sd), ...results.map(committed)]);
    expect(plan).toEqual({
      kind: 'scoped',
      districts: ['0001'],
      students: await studentIdsOf(ids),
      template: undefined,
    });
    const enOnly = await planRecheck(t, results.map(committed));
    expect(enOnly).toEqual({
      kind: 'scoped',
      districts: [],
      students: await studentIdsOf(ids),
      template: 'student-enrollment',
    });
    expect(await planRecheck(t, results.map(committed), { districts: 20, students: 1 })).toEqual({
      kind: 'state',
      template: 'student-enrollment',
    });
  });
});
