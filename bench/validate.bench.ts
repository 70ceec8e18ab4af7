/**
 * Statewide validation benchmark: generates (or reuses) a synthetic state, bulk-loads it with the demo's
 * load functions, then on PostgreSQL and on PGlite times a statewide run (first run: every finding new;
 * second run: steady state, every finding upserted), one district's run, and an incremental re-check of one
 * student. Targets (issue 6): statewide < 3 s PostgreSQL, < 6 s PGlite; one district < 1 s; one student < 200 ms.
 *
 *   node bench/validate.bench.ts [--scale montana] [--postgres URL] [--dir DIR] [--backend postgres|pglite|both] [--keep]
 *
 * `--keep` keeps the loaded databases (PostgreSQL database `bitterroot_bench_validate_<scale>`, PGlite
 * directory `<DIR>-pglite`) and reuses them on the next run, so tuning does not reload the state each time.
 * Every run prints the milliseconds of each rule, slowest first.
 *
 * The bulk load carries students, enrollments and staff only; the count and attendance files are then uploaded
 * (bench/count-records.ts), so count- and attendance-presence rules (R09, R20) fire only where the generated
 * data lacks a row, as in a real collection window, instead of for nearly every enrollment.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { runBaselineLoad, runDistrictLoad } from '../apps/server/src/commands/load.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { catalogueFor, planRun } from '../apps/server/src/modules/validation/validation-plan.ts';
import { profileRules } from '../apps/server/src/modules/validation/validation-run.repository.ts';
import type { RunScope } from '../apps/server/src/modules/validation/rules/index.ts';
import { validationService } from '../apps/server/src/modules/validation/validation.service.ts';
import { benchProfile, BENCH_YEAR, generatedState, PROFILE_DIR } from './bench-state.ts';
import { loadCountRecords } from './count-records.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    dir: { type: 'string' },
    backend: { type: 'string', default: 'both' },
    keep: { type: 'boolean', default: false },
  },
});
const scale = values.scale as 'small' | 'montana';
const profileDir = PROFILE_DIR;
const year = BENCH_YEAR;
const dir = await generatedState(scale, values.dir);
const profile = await benchProfile();
const catalogue = await catalogueFor(profile, profileDir);
const today = `${year}-12-01`;

const seconds = (run: { seconds: number } | { kind: 'not-found' }) =>
  'seconds' in run ? `${run.seconds.toFixed(2)} s` : '-';
const slowest = (ms: Record<string, number>) =>
  Object.entries(ms)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');

async function measure(database: Database, target: string): Promise<void> {
  const config = { ...loadConfig({ database: target, schoolYear: String(year) }), profileDir };
  await initialize(database, profileDir, year);
  const students = await sql<{ n: number }>`SELECT count(*)::int AS n FROM student`.execute(database.db);
  if (students.rows[0]!.n === 0) {
    const t0 = performance.now();
    await runBaselineLoad(database, config, dir);
    await runDistrictLoad(database, config, dir);
    const counted = await loadCountRecords(database, profile, dir, year);
    console.log(
      `${database.kind}: loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (uploaded ${JSON.stringify(counted)})`,
    );
  } else {
    // A kept database: start from no findings, as a fresh load would.
    await sql`TRUNCATE validation_finding, validation_run`.execute(database.db);
    await sql`ANALYZE`.execute(database.db);
  }
  const service = validationService(database, profile, year, catalogue, () => today);
  const first = await service.runState({ trigger: 'bench' });
  const second = await service.runState({ trigger: 'bench' });
  const big = await sql<{
    d: string;
    n: number;
  }>`SELECT district_number AS d, count(*)::int AS n FROM enrollment
    WHERE school_year = ${year} GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(database.db);
  const district = await service.runDistrict(big.rows[0]!.d, { trigger: 'bench' });
  const district2 = await service.runDistrict(big.rows[0]!.d, { trigger: 'bench' });
  const one = await sql<{
    id: number;
  }>`SELECT student_id::int AS id FROM enrollment WHERE school_year = ${year}
    ORDER BY student_id LIMIT 1 OFFSET 5000`.execute(database.db);
  await service.runStudents([one.rows[0]!.id], { trigger: 'bench' });
  const student = await service.runStudents([one.rows[0]!.id], { trigger: 'bench' });
  const byRule = await sql<{
    rule_id: string;
    severity: string;
    n: number;
  }>`SELECT rule_id, severity, count(*)::int AS n
    FROM validation_finding WHERE resolved_at IS NULL GROUP BY 1, 2 ORDER BY 3 DESC`.execute(database.db);
  const s = (x: number) => `${x.toFixed(2)} s`;
  console.log(
    `${database.kind.padEnd(8)} statewide first ${s(first.seconds)} (${first.produced} findings), steady ${s(second.seconds)}; ` +
      `district ${big.rows[0]!.d} (${big.rows[0]!.n} enrollments) ${seconds(district)}, again ${seconds(district2)}; ` +
      `one student ${(student.seconds * 1000).toFixed(0)} ms`,
  );
  console.log(
    `${database.kind.padEnd(8)} phases (ms): first ${JSON.stringify(first.phases)}, steady ${JSON.stringify(second.phases)}`,
  );
  if ('phases' in district2)
    console.log(`${database.kind.padEnd(8)} district phases (ms): ${JSON.stringify(district2.phases)}`);
  console.log(`${database.kind.padEnd(8)} student phases (ms): ${JSON.stringify(student.phases)}`);
  // Each rule alone (candidates and messages, nothing written), to see where a run's time goes.
  const timeRules = async (scope: RunScope) =>
    slowest(await profileRules(database, planRun(catalogue, profile, year, scope, { today }), scope, year));
  console.log(
    `${database.kind.padEnd(8)} rules alone (ms), statewide: ${await timeRules({ kind: 'state' })}`,
  );
  console.log(
    `${database.kind.padEnd(8)} rules alone (ms), district: ${await timeRules({ kind: 'district', district: big.rows[0]!.d })}`,
  );
  console.log(
    `${database.kind.padEnd(8)} open: ${JSON.stringify(second.open)}; by rule ${byRule.rows.map((r) => `${r.rule_id}/${r.severity} ${r.n}`).join(', ')}`,
  );
}

const keep = values.keep;
if (values.backend !== 'pglite') {
  const pgName = keep ? `bitterroot_bench_validate_${scale}` : `bitterroot_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [pgName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pgName}`);
  try {
    const u = new URL(values.postgres);
    u.pathname = `/${pgName}`;
    const database = await openDatabase(u.toString());
    await measure(database, u.toString());
    await database.close();
  } finally {
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    await admin.end();
  }
}
if (values.backend !== 'postgres') {
  const liteDir = keep ? `${dir}-pglite` : await mkdtemp(join(tmpdir(), 'bitterroot-bench-pglite-'));
  await mkdir(liteDir, { recursive: true });
  try {
    const database = await openDatabase(liteDir);
    await measure(database, liteDir);
    await database.close();
  } finally {
    if (!keep) await rm(liteDir, { recursive: true, force: true });
  }
}
