import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { generate, type Manifest } from '../../../../../bench/generator/index.ts';
import type { DefectEntry } from '../../../../../bench/generator/defects.ts';
import { repoRoot } from '../../platform/config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { organizationFromProfile } from '../organizations/organizations.setup.ts';
import { loadBaseline } from '../ingestion/bulk-load.service.ts';
import { uploadDistrict, type FileUploads } from './generated-state.test-helper.ts';
import { catalogueFor } from './validation-plan.ts';
import { validationService } from './validation.service.ts';

// Recall on the generator's planted defects (bench/generator/defects.ts, current-year.ts): the small state
// with defects is uploaded through the real pipeline (rejected files fixed and resent), then validated
// statewide. Every defect whose kind is evaluable must be reported by the rule its kind maps to.

/** Upload-time kinds: the cell/row check codes that report them, at the defect's file line. */
const AT_UPLOAD: Record<string, string[]> = {
  // montana-aim.md §4.3 required columns (R04 when the column is start status).
  'missing-required': ['FLD-REQUIRED'],
  // §3 code lists; a 2-letter "ZZ" in a narrower or patterned column is caught by the width/format check first.
  'invalid-code': ['FLD-CODE', 'FLD-WIDTH', 'FLD-FORMAT'],
  // §2.2 / §4.3 start before end.
  'dates-out-of-order': ['ENR-DATES', 'REC-DATE-ORDER'],
};
/** Statewide kinds: the catalogue rule over the live tables. */
const STATEWIDE: Record<string, string> = {
  'overlapping-primary-enrollment': 'ENR-003', // §6.4 R03, cross-district
  'near-duplicate-identity': 'ID-002', // §6.4 R02
};
/** Kinds no rule can see, and why. */
const UNMAPPED: Record<string, string> = {
  'transposed-birth-date':
    'the Student Demographic upload owns identity fields and updates the birth date (§2.1, §4.3); no §6.4 rule compares it with an earlier identity, and the state keeps no identity history yet',
};

let t: TestDatabase;
let profile: Profile;
let dir: string;
let manifest: Manifest;
const uploads = new Map<string, FileUploads>();

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-defects-'));
  const profileDir = resolve(repoRoot, 'profiles/montana');
  manifest = await generate({
    scale: 'small',
    schoolYear: TEST_SCHOOL_YEAR,
    outDir: dir,
    seed: 11,
    historyYears: 1,
    defectRate: 0.01,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  await loadBaseline(t, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  // Staff and teacher–class files carry no planted defects; the student files do.
  const withDefects = new Set(manifest.defects.map((d) => d.file.split('/').at(-1)!.replace('.tsv', '')));
  withDefects.add('student-demographics').add('student-enrollment');
  const districts = [...new Set(Object.keys(manifest.files).map((f) => f.split('/')[1]!))].sort();
  for (const district of districts)
    for (const [template, u] of await uploadDistrict(t, profile, dir, district, withDefects))
      uploads.set(`districts/${district}/${template}.tsv`, u);
  const service = validationService(
    t,
    profile,
    TEST_SCHOOL_YEAR,
    await catalogueFor(profile),
    () => `${TEST_SCHOOL_YEAR}-12-01`,
  );
  await service.runState({ trigger: 'test' });
}, 600_000);

afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

async function cell(file: string, row: number, column: string): Promise<string> {
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
  const t0 = profile.templates.find((x) => file.endsWith(`/${x.id}.tsv`))!;
  return lines[row - 1]!.split('\t')[t0.columns.findIndex((c) => c.key === column)] ?? '';
}

async function statewideFound(d: DefectEntry): Promise<boolean> {
  const rule = STATEWIDE[d.kind]!;
  if (rule === 'ENR-003') {
    const stateId = await cell(d.file, d.row, 'student_state_id');
    const district = d.file.split('/')[1]!;
    const r = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM validation_finding WHERE rule_id = 'ENR-003' AND resolved_at IS NULL
      AND state_id = ${stateId} AND district_number = ${district} AND other_district_number IS NOT NULL`.execute(
      t.db,
    );
    return r.rows[0]!.n > 0;
  }
  const original = /state ID (\d{9})/.exec(d.description)![1]!;
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM validation_finding WHERE rule_id = 'ID-002' AND resolved_at IS NULL
    AND (state_id = ${original} OR message LIKE ${`%${original}%`})`.execute(t.db);
  return r.rows[0]!.n > 0;
}

/** The near-duplicate row was linked to the original identity at upload (accents only): nothing left to report. */
async function linkedAtUpload(d: DefectEntry): Promise<boolean> {
  const original = /state ID (\d{9})/.exec(d.description)![1]!;
  const local = await cell(d.file, d.row, 'student_local_id');
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM student_district sd JOIN student s ON s.id = sd.student_id
    WHERE sd.district_number = ${d.file.split('/')[1]!} AND sd.local_id = ${local} AND s.state_id = ${original}`.execute(
    t.db,
  );
  return r.rows[0]!.n > 0;
}

describe('planted defects of the generated small state (bench/generator manifest)', () => {
  it('maps every defect kind explicitly (or lists it as unmapped with the reason)', () => {
    const kinds = new Set(manifest.defects.map((d) => d.kind));
    for (const k of kinds) expect(k in AT_UPLOAD || k in STATEWIDE || k in UNMAPPED, k).toBe(true);
    expect(kinds.has('overlapping-primary-enrollment')).toBe(true);
    expect(kinds.has('near-duplicate-identity')).toBe(true);
  });

  it('reports 100% of the upload-time defects with the mapped check at the defect line', () => {
    const missed = manifest.defects
      .filter((d) => d.kind in AT_UPLOAD)
      .filter(
        (d) =>
          !uploads
            .get(d.file)
            ?.first.findings.some((f) => f.line === d.row && AT_UPLOAD[d.kind]!.includes(f.code)),
      );
    expect(missed).toEqual([]);
  });

  it('reports 100% of the statewide defects with the mapped rule (R02, R03)', async () => {
    const missed: DefectEntry[] = [];
    for (const d of manifest.defects.filter((x) => x.kind in STATEWIDE))
      if (!(await statewideFound(d)) && !(d.kind === 'near-duplicate-identity' && (await linkedAtUpload(d))))
        missed.push(d);
    expect(missed).toEqual([]);
  });
});
