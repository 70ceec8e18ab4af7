/**
 * The generator's small state for tests that need realistic records of every type: the state baseline
 * bulk-loaded, then chosen districts' files uploaded through the real pipeline in the documented order
 * (montana-aim.md §4.2), as a district would after receiving its new state IDs (rows it cannot key yet are
 * left out, as in the whole-state test).
 */
import { join, resolve } from 'node:path';
import type { Profile } from '@bitterroot/contracts';
import { generate, type Manifest } from '../../../bench/generator/index.ts';
import { fillStateIds, stateIdsByLocalId } from '../../../bench/fill-state-ids.ts';
import type { Database } from '../src/db/database.ts';
import { loadBaseline } from '../src/modules/ingestion/bulk-load.service.ts';
import { runUpload, type UploadResult } from '../src/modules/ingestion/upload.service.ts';
import { organizationFromProfile } from '../src/modules/organizations/organizations.setup.ts';
import { repoRoot } from '../src/platform/config.ts';
import { TEST_SCHOOL_YEAR } from './test-env.ts';

const profileDir = resolve(repoRoot, 'profiles/montana');

/** Generates the small state into `dir` and bulk-loads its baseline (registry, staff, last year). */
export async function loadSmallBaseline(database: Database, dir: string, seed = 11): Promise<Manifest> {
  const manifest = await generate({
    scale: 'small',
    schoolYear: TEST_SCHOOL_YEAR,
    outDir: dir,
    seed,
    historyYears: 1,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  await loadBaseline(database, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  return manifest;
}

/** Uploads every template file of a generated district in upload order; returns each upload's result. */
export async function uploadGeneratedDistrict(
  database: Database,
  profile: Profile,
  dir: string,
  district: string,
): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  for (const template of [...profile.templates].sort((a, b) => a.order - b.order)) {
    let path = join(dir, 'districts', district, `${template.id}.tsv`);
    if (template.id !== 'student-demographics') {
      const filled = `${path}.filled`;
      await fillStateIds(template, path, filled, await stateIdsByLocalId(database.db, district));
      path = filled;
    }
    results.push(
      await runUpload(database, profile, {
        path,
        fileName: `${template.id}.tsv`,
        district,
        schoolYear: TEST_SCHOOL_YEAR,
        dryRun: false,
      }),
    );
  }
  return results;
}
