/**
 * Upload pipeline benchmark (the re-upload case): a Montana-scale state is bulk-loaded, then every
 * district's Student Demographic and Enrollment files go through the validating pipeline (parse, COPY to
 * staging, set-based checks, identity resolution, atomic commit), SD first then EN, as districts would.
 * Enrollment files get the state IDs the state issued (what a district does with its new-state-ID file).
 * Prints seconds, rows/s and the ratio to a raw COPY of the same rows in the same run.
 *
 *   node bench/import.bench.ts --dir <generated montana dir> [--postgres URL] [--backend postgres|pglite|both]
 */
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { loadBaseline, loadDistrictFiles } from '../apps/server/src/modules/ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../apps/server/src/modules/organizations/organizations.setup.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import { runUpload } from '../apps/server/src/modules/ingestion/upload.service.ts';
import { loadMatchSettings } from '../apps/server/src/modules/ingestion/identity-matching.ts';
import { rawCopySeconds } from './raw-copy.ts';
import { onEachBackend } from './backends.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    backend: { type: 'string', default: 'both' },
    parallel: { type: 'string', default: '4' },
  },
});
if (!values.dir)
  throw new Error(
    '--dir <generated state> is required (./bitterroot generate --scale montana --history 1 --out DIR)',
  );
const dir = resolve(values.dir);
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;
const loaded = await loadProfile(profileDir);
if (!loaded.ok) throw new Error('profile does not load');
const profile = loaded.value;
const matching = await loadMatchSettings(profileDir);
const parallel = Number(values.parallel);

/** Rewrites EN files with the state IDs the state issued, keyed by district and local ID. */
async function fillStateIds(database: Database, out: string): Promise<string[]> {
  const ids = await sql<{ d: string; l: string; s: string }>`
    SELECT sd.district_number AS d, sd.local_id AS l, s.state_id AS s FROM student_district sd JOIN student s ON s.id = sd.student_id WHERE sd.local_id IS NOT NULL`.execute(
    database.db,
  );
  const map = new Map(ids.rows.map((r) => [`${r.d}/${r.l}`, r.s]));
  const districts = (await readdir(join(dir, 'districts'))).sort();
  for (const d of districts) {
    await mkdir(join(out, d), { recursive: true });
    const text = await readFile(join(dir, 'districts', d, 'student-enrollment.tsv'), 'utf8');
    const lines = text.split('\n').map((line) => {
      const c = line.split('\t');
      if (c[0] === 'EN' && c[4] === '') c[4] = map.get(`${d}/${c[5]}`) ?? '';
      return c.join('\t');
    });
    await writeFile(join(out, d, 'student-enrollment.tsv'), lines.join('\n'));
  }
  return districts;
}

async function measure(database: Database): Promise<void> {
  await initialize(database, profileDir, year);
  await loadBaseline(database, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  await loadDistrictFiles(database, profile, dir, year);
  const filled = await mkdtemp(join(tmpdir(), 'bitterroot-import-bench-'));
  const districts = await fillStateIds(database, filled);
  let rows = 0;
  let rejected = 0;
  const started = performance.now();
  // Districts upload independently: up to `parallel` at once (the embedded database serialises them).
  for (const template of ['student-demographics', 'student-enrollment'] as const) {
    const queue = [...districts];
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const path =
          template === 'student-demographics'
            ? join(dir, 'districts', d, `${template}.tsv`)
            : join(filled, d, `${template}.tsv`);
        const r = await runUpload(database, profile, {
          path,
          fileName: `${template}.tsv`,
          district: d,
          schoolYear: year,
          dryRun: false,
          matching,
        });
        rows += r.rows;
        if (r.status !== 'committed') rejected++;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }
  const seconds = (performance.now() - started) / 1000;
  await rm(filled, { recursive: true, force: true });
  const raw = await rawCopySeconds(database, rows);
  console.log(
    `${database.kind.padEnd(8)} ${districts.length * 2} uploads (${parallel} at a time), ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s ` +
      `(${rejected} files not committed); raw COPY of ${rows} rows ${raw.toFixed(2)} s; ratio ${((raw / seconds) * 100).toFixed(0)}%`,
  );
}

await onEachBackend(values, measure);
