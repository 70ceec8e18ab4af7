import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { firstSchool } from '../../../test/test-schools.ts';
import { enRow, sdRow, writeMontanaFile } from '../../../test/upload-files.ts';
import { newStateIds, sweepInterruptedBatches } from './batch.repository.ts';
import { runUpload, type UploadResult } from './upload.service.ts';

let t: TestDatabase;
let profile: Profile;
let school1: string;
let school2: string;
/** State IDs issued by the first upload, by local ID: districts put them into their Enrollment files. */
const stateIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  school1 = await firstSchool(t.db, '0001');
  school2 = await firstSchool(t.db, '0002');
});
afterAll(async () => {
  await t.drop();
});

async function upload(
  name: string,
  lines: string[],
  options: { district?: string; dryRun?: boolean; crlf?: boolean } = {},
): Promise<UploadResult> {
  const path = await writeMontanaFile(name, lines, { crlf: options.crlf });
  return await runUpload(t, profile, {
    path,
    fileName: name,
    district: options.district ?? '0001',
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: options.dryRun ?? false,
  });
}

async function counts() {
  const r = await sql<{ students: number; enrollments: number; links: number }>`
    SELECT (SELECT count(*) FROM student) AS students, (SELECT count(*) FROM enrollment) AS enrollments,
           (SELECT count(*) FROM student_district) AS links`.execute(t.db);
  return r.rows[0]!;
}

describe('Student Demographic upload', () => {
  it('issues 9-digit state IDs to new students and lists them for the district', async () => {
    const r = await upload(
      'sd.tsv',
      [
        sdRow(profile, { student_local_id: '5001', last_name: 'Peña', first_name: 'Ana' }),
        sdRow(profile, {
          student_local_id: '5002',
          last_name: 'Nguyễn',
          first_name: 'Minh',
          gender: 'M',
          birth_date: '2013-11-02',
        }),
      ],
      { crlf: true },
    );
    expect(r).toMatchObject({
      status: 'committed',
      template: 'student-demographics',
      rows: 2,
      accepted: 2,
      rejected: 0,
      committed: true,
    });
    expect(r.summary).toMatchObject({ assigned: 2, matched: 0 });
    const ids = await newStateIds(t.db, r.batchId);
    expect(ids.map((x) => [x.localId, x.lastName])).toEqual([
      ['5001', 'Peña'],
      ['5002', 'Nguyễn'],
    ]);
    for (const x of ids) expect(x.stateId).toMatch(/^\d{9}$/);
    for (const x of ids) stateIds[x.localId!] = x.stateId;
    expect(new Set(ids.map((x) => x.stateId)).size).toBe(2);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await counts();
    const r = await upload('sd-again.tsv', [
      sdRow(profile, { student_local_id: '5001', last_name: 'Peña', first_name: 'Ana' }),
      sdRow(profile, {
        student_local_id: '5002',
        last_name: 'Nguyễn',
        first_name: 'Minh',
        gender: 'M',
        birth_date: '2013-11-02',
      }),
    ]);
    expect(r.summary).toMatchObject({ assigned: 0, updated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('finds the same child sent by a second district: one identity, linked to both', async () => {
    const r = await upload(
      'sd-0002.tsv',
      [
        sdRow(profile, {
          district_number: '0002',
          student_local_id: '77',
          last_name: 'PENA',
          first_name: 'ana',
        }),
      ],
      { district: '0002' },
    );
    expect(r.summary).toMatchObject({ assigned: 0, matched: 1 });
    const links = await sql<{
      n: number;
    }>`SELECT count(DISTINCT student_id) AS n FROM student_district WHERE local_id IN ('5001', '77')`.execute(
      t.db,
    );
    expect(links.rows[0]!.n).toBe(1);
  });

  it('rejects an unknown state ID and a row of another district, naming line, column and fix, and writes nothing', async () => {
    const before = await counts();
    const r = await upload('sd-bad.tsv', [
      sdRow(profile, {
        student_state_id: '000000001',
        student_local_id: '6001',
        last_name: 'Doe',
        first_name: 'Jo',
      }),
      sdRow(profile, {
        district_number: '0002',
        student_local_id: '6002',
        last_name: 'Roe',
        first_name: 'Al',
      }),
      sdRow(profile, {
        student_local_id: '6003',
        last_name: 'Poe',
        first_name: 'Ed',
        gender: 'Q',
        birth_date: '02/30/2014',
      }),
    ]);
    expect(r.status).toBe('rejected');
    expect(r.committed).toBe(false);
    const byCode = Object.fromEntries(r.findings.map((f) => [f.code, f]));
    expect(byCode['ID-UNKNOWN']).toMatchObject({
      line: 2,
      column: 'student_state_id',
      value: '000000001',
      severity: 'fatal',
    });
    expect(byCode['ROW-DISTRICT']).toMatchObject({ line: 3, column: 'district_number', value: '0002' });
    expect(byCode['ROW-DISTRICT']!.message).toContain('0002');
    expect(byCode['FLD-CODE']).toMatchObject({ line: 4, column: 'gender', value: 'Q' });
    expect(byCode['FLD-CODE']!.fix).toContain('M, F');
    expect(byCode['FLD-DATE']).toMatchObject({ line: 4, column: 'birth_date', value: '02/30/2014' });
    expect(r.rejected).toBe(3);
    expect(await counts()).toEqual(before);
  });
});

describe('Student Enrollment upload', () => {
  const en = (v: Record<string, string>) =>
    enRow(profile, {
      school_number: school1,
      last_name: 'Peña',
      first_name: 'Ana',
      student_state_id: stateIds[v.student_local_id ?? '5001'] ?? '',
      ...v,
    });

  it('enrolls students by state ID after Student Demographic, idempotently', async () => {
    const rows = [en({ student_local_id: '5001' })];
    const first = await upload('en.tsv', rows);
    expect(first).toMatchObject({ status: 'committed', accepted: 1 });
    expect(first.summary).toMatchObject({ inserted: 1, updated: 0 });
    const again = await upload('en-again.tsv', rows);
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('updates the end of an enrollment by its key', async () => {
    const r = await upload('en-end.tsv', [
      en({ student_local_id: '5001', end_date: '06/05/2026', end_status: '160' }),
    ]);
    expect(r.findings).toEqual([]);
    expect(r.summary).toMatchObject({ inserted: 0, updated: 1 });
  });

  it('rejects students without a state ID with the order fix, and unknown schools and calendars', async () => {
    const before = await counts();
    const r = await upload('en-bad.tsv', [
      en({ student_local_id: '9999' }),
      en({ school_number: school2, student_local_id: '5002' }),
      en({ calendar_number: '999', student_local_id: '5002' }),
      en({ student_local_id: '5002', start_date: '09/01/2025', end_date: '08/01/2025', end_status: '160' }),
    ]);
    expect(r.status).toBe('rejected');
    const codes = r.findings.map((f) => `${f.line}:${f.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['2:ENR-NO-STATE-ID', '3:ENR-SCHOOL', '4:ENR-CALENDAR', '5:ENR-DATES']),
    );
    expect(r.findings.find((f) => f.code === 'ENR-NO-STATE-ID')!.fix).toContain(
      'Upload Student Demographic first',
    );
    expect(await counts()).toEqual(before);
  });

  it('validates without writing on a dry run', async () => {
    const before = await counts();
    const r = await upload('en-dry.tsv', [en({ student_local_id: '5002', grade_level: '06' })], {
      dryRun: true,
    });
    expect(r).toMatchObject({ status: 'validated', committed: false, dryRun: true, accepted: 1 });
    expect(await counts()).toEqual(before);
  });
});

describe('concurrency and recovery', () => {
  it('commits two districts uploading at the same time', async () => {
    const [a, b] = await Promise.all([
      upload('a.tsv', [sdRow(profile, { student_local_id: '8001', last_name: 'Alpha', first_name: 'A' })]),
      upload(
        'b.tsv',
        [
          sdRow(profile, {
            district_number: '0002',
            student_local_id: '8002',
            last_name: 'Beta',
            first_name: 'B',
          }),
        ],
        { district: '0002' },
      ),
    ]);
    expect([a.status, b.status]).toEqual(['committed', 'committed']);
  });

  it('marks a batch whose process died as failed', async () => {
    const row = await t.db
      .insertInto('ingestion_batch')
      .values({
        district_number: '0001',
        school_year: TEST_SCHOOL_YEAR,
        file_name: 'x.tsv',
        file_sha256: 'x',
        file_bytes: 1,
        dry_run: false,
        status: 'parsing',
        heartbeat_at: '2020-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await sweepInterruptedBatches(t.db, 120)).toBeGreaterThanOrEqual(1);
    const b = await t.db
      .selectFrom('ingestion_batch')
      .select(['status', 'failure'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(b.status).toBe('failed');
    expect(b.failure).toContain('nothing was committed');
  });
});
