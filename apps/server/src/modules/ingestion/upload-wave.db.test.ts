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
import { runUpload, type UploadRequest, type UploadResult } from './upload.service.ts';

let t: TestDatabase;
let profile: Profile;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
});
afterAll(async () => {
  await t.drop();
});

async function request(name: string, lines: string[], district: string): Promise<UploadRequest> {
  const path = await writeMontanaFile(name, lines);
  return { path, fileName: name, district, schoolYear: TEST_SCHOOL_YEAR, dryRun: false };
}

function sd(district: string, v: Record<string, string>): string {
  return sdRow(profile, { district_number: district, ...v });
}

/** What a file's upload reports, without what differs by database (batch id, issued IDs). */
function outcome(r: UploadResult) {
  const { batchId: _batchId, ...rest } = r;
  return rest;
}

async function studentsNamed(lastName: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM student WHERE last_name = ${lastName}`.execute(t.db);
  return r.rows[0]!.n;
}

describe('a template wave as one pass (decision 0082)', () => {
  it('commits the good files of a wave, nothing of a bad one, each with its own findings', async () => {
    const good1 = await request(
      'w-good-1.tsv',
      [sd('0001', { student_local_id: '9101', last_name: 'Wavea', first_name: 'Ann' })],
      '0001',
    );
    const bad = await request(
      'w-bad.tsv',
      [
        sd('0002', { student_local_id: '9102', last_name: 'Waveb', first_name: 'Bea' }),
        sd('0002', {
          student_local_id: '9103',
          last_name: 'Wavec',
          first_name: 'Cy',
          student_state_id: '000000001',
        }),
        sd('0001', { student_local_id: '9104', last_name: 'Waved', first_name: 'Di' }),
      ],
      '0002',
    );
    const good2 = await request(
      'w-good-2.tsv',
      [sd('0003', { student_local_id: '9105', last_name: 'Wavee', first_name: 'Ed' })],
      '0003',
    );
    const { results } = await importMany(t, profile, [good1, bad, good2]);
    expect(results.map((r) => r.status)).toEqual(['committed', 'rejected', 'committed']);
    expect(results[0]!.findings).toEqual([]);
    expect(results[2]!.findings).toEqual([]);
    expect(results[1]!.findings.map((f) => [f.line, f.code])).toEqual([
      [3, 'ID-UNKNOWN'],
      [4, 'ROW-DISTRICT'],
    ]);
    expect(results[1]).toMatchObject({ rows: 3, accepted: 0, rejected: 2, committed: false, summary: {} });
    expect(results[0]!.summary).toMatchObject({ assigned: 1, linked: 1 });
    expect(await studentsNamed('Wavea')).toBe(1);
    expect(await studentsNamed('Waveb')).toBe(0);
    expect(await studentsNamed('Wavee')).toBe(1);
  });

  it('keeps duplicate keys within a file: the same key in two files is none, twice in one file is one', async () => {
    const row = (district: string) =>
      sd(district, { student_local_id: '9201', last_name: 'Dupa', first_name: 'Al' });
    const a = await request('d-a.tsv', [row('0001')], '0001');
    const b = await request('d-b.tsv', [row('0002')], '0002');
    const c = await request('d-c.tsv', [row('0003'), row('0003')], '0003');
    const { results } = await importMany(t, profile, [a, b, c]);
    expect(results.map((r) => r.status)).toEqual(['committed', 'committed', 'rejected']);
    expect(results[2]!.findings.every((f) => f.line === 3)).toBe(true);
    expect(results[2]!.findings.map((f) => f.code)).toContain('SD-DUPLICATE-LOCAL-ID');
  });

  it('gives one child sent by two districts in one wave one state ID: the earlier file issues it', async () => {
    const child = (district: string, local: string) =>
      sd(district, {
        student_local_id: local,
        last_name: 'Twofile',
        first_name: 'Kit',
        birth_date: '05/06/2013',
      });
    const a = await request('t-a.tsv', [child('0002', '9301')], '0002');
    const b = await request('t-b.tsv', [child('0003', '9302')], '0003');
    const { results } = await importMany(t, profile, [a, b]);
    expect(results.map((r) => r.status)).toEqual(['committed', 'committed']);
    expect(results[0]!.summary).toMatchObject({ assigned: 1, matched: 0 });
    expect(results[1]!.summary).toMatchObject({ assigned: 0, matched: 1 });
    expect(await studentsNamed('Twofile')).toBe(1);
    expect(await newStateIds(t.db, results[1]!.batchId)).toEqual([]);
  });

  it('reports every file exactly as its single upload does', async () => {
    const other = await createTestDatabase();
    try {
      const school = await firstSchool(t.db, '0001');
      const seed = await runUpload(
        t,
        profile,
        await request(
          'e-seed.tsv',
          [sd('0001', { student_local_id: '9401', last_name: 'Equa', first_name: 'Lu' })],
          '0001',
        ),
      );
      const sid = (await newStateIds(t.db, seed.batchId))[0]!.stateId;
      // Both databases start alike: the other one gets the same identity and link, and issues IDs from the
      // same point of the sequence.
      const seq = await sql<{ n: string }>`SELECT last_value::text AS n FROM student_state_id_seq`.execute(
        t.db,
      );
      await sql`SELECT setval('student_state_id_seq', ${seq.rows[0]!.n}::bigint)`.execute(other.db);
      await sql`INSERT INTO student (state_id, last_name, first_name, birth_date, gender, hispanic, race_codes)
        VALUES (${sid}, 'Equa', 'Lu', '2014-03-14', 'F', false, '6')`.execute(other.db);
      await sql`INSERT INTO student_district (student_id, district_number, local_id)
        SELECT id, '0001', '9401' FROM student WHERE state_id = ${sid}`.execute(other.db);
      const en = (v: Record<string, string>) =>
        enRow(profile, {
          school_number: school,
          last_name: 'Equa',
          first_name: 'Lu',
          student_state_id: sid,
          ...v,
        });
      const files = [
        await request(
          'e-sd-1.tsv',
          [
            sd('0001', { student_local_id: '9402', last_name: 'Equb', first_name: 'Mo' }),
            // The seeded child, named by state ID in two files of the wave with different details.
            sd('0001', {
              student_local_id: '9401',
              student_state_id: sid,
              last_name: 'Equa',
              first_name: 'Lu',
              middle_name: 'Q',
              race_codes: '3',
            }),
          ],
          '0001',
        ),
        await request(
          'e-sd-2.tsv',
          [sd('0002', { student_local_id: '9403', last_name: 'Equc', first_name: 'No', gender: 'Q' })],
          '0002',
        ),
        await request('e-en-1.tsv', [en({}), en({ start_date: '13/01/2025' })], '0001'),
        await request('e-en-2.tsv', [en({ end_date: '06/01/2026', end_status: '160' })], '0001'),
        await request('e-en-3.tsv', [en({})], '0001'),
        await request(
          'e-sd-3.tsv',
          [
            sd('0003', { student_local_id: '9404', last_name: 'Equd', first_name: 'Oz' }),
            sd('0003', {
              student_local_id: '9405',
              student_state_id: sid,
              last_name: 'Equa',
              first_name: 'Lu',
              race_codes: '2',
            }),
          ],
          '0003',
        ),
      ];
      const { results } = await importMany(t, profile, files);
      const single: UploadResult[] = [];
      for (const f of [files[0]!, files[1]!, files[5]!, files[2]!, files[3]!, files[4]!])
        single.push(await runUpload(other, profile, f));
      const byPath = new Map(single.map((r, i) => [[0, 1, 5, 2, 3, 4][i]!, r]));
      results.forEach((r, i) => expect(outcome(r)).toEqual(outcome(byPath.get(i)!)));
      expect(results[5]!.summary).toMatchObject({ updated: 1 });
      const child = sql<Record<string, unknown>>`
        SELECT last_name, first_name, middle_name, birth_date::text, gender, hispanic, race_codes FROM student WHERE state_id = ${sid}`;
      expect((await child.execute(t.db)).rows).toEqual((await child.execute(other.db)).rows);
      expect(results.map((r) => r.status)).toEqual([
        'committed',
        'rejected',
        'rejected',
        'committed',
        'committed',
        'committed',
      ]);
    } finally {
      await other.drop();
    }
  });
});
