import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { generate, type Manifest } from '../../../../../bench/generator/index.ts';
import { fillStateIds, stateIdsByLocalId } from '../../../../../bench/fill-state-ids.ts';
import { repoRoot } from '../../platform/config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { organizationFromProfile } from '../organizations/organizations.setup.ts';
import { loadBaseline } from '../ingestion/bulk-load.service.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';
import { RECORD_STORES } from './record-stores.ts';

// The generator's whole `small` state uploaded through the real pipeline, district by district, in the
// documented order (montana-aim.md §4.2: Student Demographic, Enrollment, then everything keyed to them;
// staff and teacher–class files with Roster last), then counted against the generator's manifest.

let t: TestDatabase;
let profile: Profile;
let dir: string;
let manifest: Manifest;
const results: UploadResult[] = [];
/** Rows a district could not send yet: new students' rows in files without a local ID to key them by. */
const unsendable = new Map<string, number>();

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-state-'));
  manifest = await generate({
    scale: 'small',
    schoolYear: TEST_SCHOOL_YEAR,
    outDir: dir,
    seed: 11,
    historyYears: 1,
    defectRate: 0,
    districtsCsvPath: resolve(repoRoot, 'profiles/montana/organization/districts.csv'),
  });
  const profileDir = resolve(repoRoot, 'profiles/montana');
  await loadBaseline(t, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  const templates = [...profile.templates].sort((a, b) => a.order - b.order);
  const districts = [...new Set(Object.keys(manifest.files).map((f) => f.split('/')[1]!))].sort();
  for (const district of districts) {
    for (const template of templates) {
      const path = join(dir, 'districts', district, `${template.id}.tsv`);
      let file = path;
      if (template.id !== 'student-demographics') {
        file = `${path}.filled`;
        const dropped = await fillStateIds(template, path, file, await stateIdsByLocalId(t.db, district));
        unsendable.set(template.id, (unsendable.get(template.id) ?? 0) + dropped);
      }
      results.push(
        await runUpload(t, profile, {
          path: file,
          fileName: `${template.id}.tsv`,
          district,
          schoolYear: TEST_SCHOOL_YEAR,
          dryRun: false,
        }),
      );
    }
  }
}, 600_000);

afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('the whole small state uploaded in the documented order', () => {
  it('commits every file (header-only files of record types that allow it count as "nothing to report")', () => {
    const refused = results.filter((r) => r.status !== 'committed');
    // Header-only files of record types without an explicit "nothing to report" are refused, with the reason.
    for (const r of refused) expect(r.findings.map((f) => f.code)).toEqual(['FILE-NO-ROWS']);
    expect(results.filter((r) => r.status === 'committed').length).toBeGreaterThan(results.length / 2);
  });

  it('stores as many records of each type as the manifest lists (less rows a district could not key yet)', async () => {
    for (const store of RECORD_STORES) {
      const r = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(store.table)} WHERE school_year = ${TEST_SCHOOL_YEAR}`.execute(
        t.db,
      );
      const expected = manifest.templates[store.template]! - (unsendable.get(store.template) ?? 0);
      // Fall CTE updates every matching enrollment of the graduate, so it may store more than one per row.
      if (store.parent === 'enrollments')
        expect(r.rows[0]!.n, store.template).toBeGreaterThanOrEqual(expected);
      else expect(r.rows[0]!.n, store.template).toBe(expected);
    }
  });

  it('keeps the enrollment-level fields of the Enrollment file and the photo opt-in', async () => {
    const r = await sql<{ diploma: number; first9: number; photo: number }>`
      SELECT (SELECT count(*)::int FROM enrollment WHERE school_year = ${TEST_SCHOOL_YEAR} AND diploma_date IS NOT NULL) AS diploma,
             (SELECT count(*)::int FROM enrollment WHERE date_first_entered_9th_grade IS NOT NULL) AS first9,
             (SELECT count(*)::int FROM student WHERE photo_opt_in IS NOT NULL) AS photo`.execute(t.db);
    expect(r.rows[0]!.diploma).toBeGreaterThan(0);
    expect(r.rows[0]!.first9).toBeGreaterThan(0);
    expect(r.rows[0]!.photo).toBeGreaterThan(0);
  });
});
