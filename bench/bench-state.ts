/**
 * Shared setup of the benches that run on a generated state: where the generated files live (generated once
 * per scale, then reused), the Montana profile, the demo-like bulk load, and the number formats they print.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { progressPrinter, runBaselineLoad, runDistrictLoad } from '../apps/server/src/commands/load.ts';
import { loadDistrictRecords } from '../apps/server/src/modules/ingestion/bulk-records.service.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { generate } from './generator/index.ts';

/** The school year every bench generates and loads. */
export const BENCH_YEAR = 2026;
/** The Montana profile the benches run under. */
export const PROFILE_DIR = resolve(import.meta.dirname, '../profiles/montana');

/**
 * The generated state of a scale (three history years, no defects, seed 1), generated into `dirOption` or the
 * temp folder on first use and reused afterwards, so that the benches measure the same rows run after run.
 */
export async function generatedState(scale: 'small' | 'montana', dirOption?: string): Promise<string> {
  const dir = resolve(dirOption ?? join(tmpdir(), `bitterroot-bench-${scale}`));
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  const t = performance.now();
  const m = await generate({
    scale,
    schoolYear: BENCH_YEAR,
    outDir: dir,
    seed: 1,
    historyYears: 3,
    defectRate: 0,
    districtsCsvPath: join(PROFILE_DIR, 'organization/districts.csv'),
  });
  console.log(`generate ${scale}: ${m.totalRecords} records in ${secs(performance.now() - t)}`);
  return dir;
}

/** The Montana profile; a bench cannot run without it, so a profile that does not load throws. */
export async function benchProfile(): Promise<Profile> {
  const loaded = await loadProfile(PROFILE_DIR);
  if (!loaded.ok) throw new Error('profile does not load');
  return loaded.value;
}

/**
 * Initialises the database and bulk-loads the generated state as the demo does, then refreshes statistics. With
 * `records`, the year's student record files too (programs, EL, FRAM, 504, counts, attendance, CTE, behavior).
 */
export async function loadGeneratedState(
  database: Database,
  dir: string,
  options: { records?: boolean } = {},
): Promise<void> {
  const config = {
    ...loadConfig({ database: 'bench', schoolYear: String(BENCH_YEAR) }),
    profileDir: PROFILE_DIR,
  };
  await initialize(database, PROFILE_DIR, BENCH_YEAR);
  await runBaselineLoad(database, config, dir);
  await runDistrictLoad(database, config, dir);
  if (options.records)
    await loadDistrictRecords(database, await benchProfile(), dir, BENCH_YEAR, progressPrinter());
  await sql`ANALYZE`.execute(database.db);
}

/** The p-quantile (0..1) of a sample, nearest rank. */
export const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

/** Milliseconds as seconds with two decimals. */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
