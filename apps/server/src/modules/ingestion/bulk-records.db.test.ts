import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { Manifest } from '../../../../../bench/generator/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { loadSmallBaseline } from '../../../test/generated-state.ts';
import { RECORD_STORES } from '../student-records/record-stores.ts';
import { loadDistrictFiles } from './bulk-load.service.ts';
import { BULK_RECORD_TEMPLATES, loadDistrictRecords } from './bulk-records.service.ts';
import type { LoadSummary } from './bulk-sources.ts';

// The conversion load of the student record types: the generator's small state (every district file of each
// record template) loaded statewide in one COPY and one insert per template, after the baseline with its
// outcome columns and the year's enrollments.

const Y = TEST_SCHOOL_YEAR;
let t: TestDatabase;
let profile: Profile;
let dir: string;
let manifest: Manifest;
let summary: LoadSummary;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-bulk-records-'));
  manifest = await loadSmallBaseline(t, dir, 5);
  await loadDistrictFiles(t, profile, dir, Y);
  summary = await loadDistrictRecords(t, profile, dir, Y);
}, 300_000);

afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const count = async (table: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.db)).rows[0]!.n;

describe('the conversion load of student record files', () => {
  it('stores every row of each record template, students new this year matched by local ID', async () => {
    for (const id of BULK_RECORD_TEMPLATES) {
      const store = RECORD_STORES.find((s) => s.template === id)!;
      expect(summary[`${id}WithoutParent`], id).toBeUndefined();
      expect(await count(store.table), id).toBe(manifest.templates[id] ?? 0);
      expect(summary[id], id).toBe(manifest.templates[id] ?? 0);
    }
  });

  it('types each value as the upload does and attaches it to the file’s enrollment', async () => {
    const file = await readFile(join(dir, 'districts', '0001', 'eoy-attendance.tsv'), 'utf8');
    const cells = file.split('\n')[1]!.split('\t');
    const [, district, school, , stateId, , , , start, enrolled, present, absent] = cells;
    const r = await sql<{ de: string; dp: string; da: number; district_number: string; school_year: number }>`
      SELECT a.ada_days_enrolled::text AS de, a.ada_days_present::text AS dp, a.essa_days_absent AS da,
        a.district_number, a.school_year
      FROM eoy_attendance a JOIN enrollment e ON e.id = a.enrollment_id JOIN student s ON s.id = a.student_id
      WHERE s.state_id = ${stateId} AND e.school_number = ${school}
        AND e.start_date = to_date(${start}, 'MM/DD/YYYY')`.execute(t.db);
    expect(r.rows).toEqual([
      { de: enrolled, dp: present, da: Number(absent), district_number: district, school_year: Y },
    ]);
  });

  it('carries the outcome fields of Enrollment: 9th-grade entry dates and diplomas, this year and before', async () => {
    const r = await sql<{ y: number; first9: number; diplomas: number; high: number }>`
      SELECT school_year AS y, count(date_first_entered_9th_grade)::int AS first9,
        count(diploma_date)::int AS diplomas,
        count(*) FILTER (WHERE grade_level IN ('09', '10', '11', '12'))::int AS high
      FROM enrollment GROUP BY 1 ORDER BY 1`.execute(t.db);
    expect(r.rows.map((x) => x.y)).toEqual([Y - 1, Y]);
    for (const x of r.rows) {
      expect(x.first9, String(x.y)).toBeGreaterThan(0.9 * x.high);
      expect(x.diplomas, String(x.y)).toBeGreaterThan(0);
    }
  });
});
