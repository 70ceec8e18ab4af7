/**
 * Bulk load benchmark: generates (or reuses) a synthetic state, then on PostgreSQL and on PGlite
 * measures the conversion load (baseline + district files, COPY + set-based merges) and, in the same
 * run, a raw COPY of the same number of enrollment-shaped rows into an empty table of the same shape.
 * Prints rows/s for both and the ratio (target ≥ 50%).
 *
 *   node bench/bulk-load.bench.ts [--scale montana] [--postgres URL] [--dir DIR]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { loadBaseline, loadDistrictFiles } from '../apps/server/src/modules/ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../apps/server/src/modules/organizations/organizations.setup.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import { generate } from './generator/index.ts';
import { rawCopySeconds } from './raw-copy.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    dir: { type: 'string' },
  },
});
const scale = values.scale as 'small' | 'montana';
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;
const dir = resolve(values.dir ?? join(tmpdir(), `bitterroot-bench-${scale}`));

if (!existsSync(join(dir, 'manifest.json'))) {
  const t = performance.now();
  const m = await generate({
    scale,
    schoolYear: year,
    outDir: dir,
    seed: 1,
    historyYears: 3,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  console.log(
    `generate ${scale}: ${m.totalRecords} records in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const profile = await loadProfile(profileDir);
if (!profile.ok) throw new Error('profile does not load');

async function measure(database: Database): Promise<void> {
  await initialize(database, profileDir, year);
  const t0 = performance.now();
  const base = await loadBaseline(database, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  const current = await loadDistrictFiles(
    database,
    profile.ok ? profile.value : (undefined as never),
    dir,
    year,
  );
  const seconds = (performance.now() - t0) / 1000;
  const counts = await sql<{ students: number; enrollments: number; staff: number }>`
    SELECT (SELECT count(*) FROM student) AS students, (SELECT count(*) FROM enrollment) AS enrollments, (SELECT count(*) FROM staff) AS staff`.execute(
    database.db,
  );
  const c = counts.rows[0]!;
  const rows = c.students + c.enrollments + c.staff;
  const rawSeconds = await rawCopySeconds(database, rows);
  const ours = rows / seconds;
  const raw = rows / rawSeconds;
  console.log(
    `${database.kind.padEnd(8)} load ${rows} rows (students ${c.students}, enrollments ${c.enrollments}, staff ${c.staff}) in ${seconds.toFixed(1)} s = ${Math.round(ours)} rows/s; ` +
      `raw COPY ${rawSeconds.toFixed(1)} s = ${Math.round(raw)} rows/s; ratio ${((ours / raw) * 100).toFixed(0)}%  (baseline ${JSON.stringify(base)}, current ${JSON.stringify(current)})`,
  );
}

const pgName = `bitterroot_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: values.postgres });
await admin.connect();
await admin.query(`CREATE DATABASE ${pgName}`);
try {
  const u = new URL(values.postgres);
  u.pathname = `/${pgName}`;
  const database = await openDatabase(u.toString());
  await measure(database);
  await database.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
  await admin.end();
}
const liteDir = await mkdtemp(join(tmpdir(), 'bitterroot-bench-pglite-'));
try {
  const database = await openDatabase(liteDir);
  await measure(database);
  await database.close();
} finally {
  await rm(liteDir, { recursive: true, force: true });
}
