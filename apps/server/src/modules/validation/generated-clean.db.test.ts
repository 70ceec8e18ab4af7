import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { Manifest } from '../../../../../bench/generator/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { loadSmallBaseline } from '../../../test/generated-state.ts';
import { uploadDistrict } from './generated-state.test-helper.ts';
import { catalogueFor } from './validation-plan.ts';
import { validationService, type RunOutcome } from './validation.service.ts';

// No false fatal findings: the generator's clean small state (defects 0), every file uploaded through the
// real pipeline, validated statewide with every evaluated rule. Warnings may fire (inferred rules, R14
// where the generator never sets the age 19/20 flag); fatal findings would block certification wrongly.

let t: TestDatabase;
let profile: Profile;
let dir: string;
let manifest: Manifest;
let run: RunOutcome;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-clean-'));
  manifest = await loadSmallBaseline(t, dir);
  const districts = [...new Set(Object.keys(manifest.files).map((f) => f.split('/')[1]!))].sort();
  for (const district of districts) await uploadDistrict(t, profile, dir, district);
  const service = validationService(
    t,
    profile,
    TEST_SCHOOL_YEAR,
    await catalogueFor(profile),
    () => `${TEST_SCHOOL_YEAR}-12-01`,
  );
  run = await service.runState({ trigger: 'test' });
}, 600_000);

afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('the clean generated small state', () => {
  it('has no planted defects', () => {
    expect(manifest.defects).toEqual([]);
  });

  it('raises no fatal finding statewide (every evaluated rule)', async () => {
    const fatal = await sql<{ rule_id: string; n: number; example: string }>`
      SELECT rule_id, count(*)::int AS n, min(message) AS example FROM validation_finding
      WHERE resolved_at IS NULL AND severity = 'fatal' GROUP BY rule_id ORDER BY rule_id`.execute(t.db);
    expect(fatal.rows).toEqual([]);
    expect(run.open.fatal).toBe(0);
  });
});
