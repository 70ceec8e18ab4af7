import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { generate } from '../../../../../bench/generator/index.ts';
import { repoRoot } from '../../platform/config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { organizationFromProfile } from '../organizations/organizations.setup.ts';
import { loadBaseline, loadDistrictFiles } from '../ingestion/bulk-load.service.ts';
import type { RuleCatalogue } from './rule-catalogue.loader.ts';
import { buildEnrollment, buildStudent, places } from './fixtures.test-helper.ts';
import { expectScopesAgree } from './scope-equivalence.test-helper.ts';
import { catalogueFor } from './validation-plan.ts';

// Scoped runs filter early (decision 0060): every rule pushes the district, or the students, into its own
// SQL. On the generator's small state, bulk-loaded, with cross-district overlaps and duplicate identities
// planted, each district's run must find exactly what the statewide run finds for that district, and a run
// over some students exactly what it finds for them.

const Y = TEST_SCHOOL_YEAR;
let t: TestDatabase;
let profile: Profile;
let catalogue: RuleCatalogue;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  catalogue = await catalogueFor(profile);
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-scopes-'));
  const profileDir = resolve(repoRoot, 'profiles/montana');
  await generate({
    scale: 'small',
    schoolYear: Y,
    outDir: dir,
    seed: 7,
    historyYears: 1,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  await loadBaseline(t, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  await loadDistrictFiles(t, profile, dir, Y);
  await plantCrossDistrictCases();
}, 300_000);

/**
 * The bulk load rejects the generator's planted defects, so cross-district cases are planted here: students
 * enrolled again in another district over the same dates (R03), and second identities of students (R02).
 */
async function plantCrossDistrictCases(): Promise<void> {
  const p = await places(t);
  const some = await sql<{
    id: number;
    last_name: string;
    first_name: string;
    birth_date: string;
    gender: string;
  }>`
    SELECT s.id::int AS id, s.last_name, s.first_name, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.gender
    FROM student s JOIN enrollment e ON e.student_id = s.id AND e.school_year = ${Y}::int
    WHERE e.district_number <> ${p.b.district} AND s.birth_date IS NOT NULL AND s.gender IS NOT NULL
    ORDER BY s.id LIMIT 8`.execute(t.db);
  for (const [i, s] of some.rows.entries()) {
    if (i % 2 === 0) await buildEnrollment(t, s.id, p.b, { start_date: `${Y}-01-12`, start_status: '04' });
    else {
      const twin = await buildStudent(t, {
        last_name: s.last_name,
        first_name: s.first_name,
        birth_date: s.birth_date,
        gender: s.gender,
      });
      await buildEnrollment(t, twin.id, p.b, { start_date: `${Y}-01-12`, start_status: '04' });
    }
  }
}

afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('district and student runs agree with the statewide run (generated state, cross-district cases planted)', () => {
  it('every district, and the students of cross-district findings', async () => {
    const d = await sql<{ d: string }>`SELECT DISTINCT district_number AS d FROM enrollment
      WHERE school_year = ${Y}::int ORDER BY 1`.execute(t.db);
    const students = await sql<{ id: number }>`SELECT DISTINCT student_id::int AS id FROM enrollment
      WHERE school_year = ${Y}::int ORDER BY 1 LIMIT 40`.execute(t.db);
    const compared = await expectScopesAgree(
      t,
      profile,
      catalogue,
      Y,
      `${Y}-12-01`,
      d.rows.map((x) => x.d),
      students.rows.map((x) => x.id),
    );
    expect(compared).toBeGreaterThan(100);
    // The planted cross-district defects are among the compared findings.
    const cross = await sql<{ n: number }>`SELECT count(*)::int AS n FROM validation_finding
      WHERE resolved_at IS NULL AND other_district_number IS NOT NULL`.execute(t.db);
    expect(cross.rows[0]!.n).toBeGreaterThan(0);
  }, 300_000);
});
