/**
 * Upload pipeline benchmark (the re-upload case): a Montana-scale state is bulk-loaded, then every
 * district's Student Demographic and Enrollment files go through the validating pipeline (parse, COPY to
 * staging, set-based checks, identity resolution, atomic commit), SD first then EN, as districts would.
 * Enrollment files get the state IDs the state issued (what a district does with its new-state-ID file).
 * Prints seconds, rows/s and the ratio to a raw COPY of the same rows in the same run.
 *
 * With `--many` every file goes through one `importMany` (one set-based pass per template, decision 0082;
 * `--per-file` keeps one upload per file for comparison); the statewide re-check is then timed apart.
 *
 *   node bench/import.bench.ts --dir <generated montana dir> [--postgres URL] [--backend postgres|pglite|both] [--many [--per-file]]
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
import { runUpload, type UploadRequest } from '../apps/server/src/modules/ingestion/upload.service.ts';
import { importMany, revalidateImport } from '../apps/server/src/modules/ingestion/import-many.service.ts';
import { loadMatchSettings } from '../apps/server/src/modules/ingestion/identity-matching.ts';
import { rawCopySeconds } from './raw-copy.ts';
import { onEachBackend } from './backends.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    backend: { type: 'string', default: 'both' },
    parallel: { type: 'string', default: '4' },
    many: { type: 'boolean', default: false },
    'per-file': { type: 'boolean', default: false },
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
  if (values.many) {
    const requests: UploadRequest[] = ['student-demographics', 'student-enrollment'].flatMap((template) =>
      districts.map((d) => ({
        path: join(
          template === 'student-demographics' ? join(dir, 'districts') : filled,
          d,
          `${template}.tsv`,
        ),
        fileName: `${template}.tsv`,
        district: d,
        schoolYear: year,
        templateId: template,
        dryRun: false,
        matching,
      })),
    );
    const { results } = await importMany(database, profile, requests, {
      parallel,
      validate: false,
      oneUploadPerFile: values['per-file'],
    });
    const imported = (performance.now() - started) / 1000;
    const recheck = performance.now();
    await revalidateImport(database, profile, requests, results);
    const total = results.reduce((n, r) => n + r.rows, 0);
    const raw = await rawCopySeconds(database, total);
    console.log(
      `${database.kind.padEnd(8)} importMany${values['per-file'] ? ' (one upload per file)' : ''} of ${requests.length} files, ${total} rows in ` +
        `${imported.toFixed(1)} s (${results.filter((r) => r.status !== 'committed').length} not committed); re-check ` +
        `${((performance.now() - recheck) / 1000).toFixed(1)} s; raw COPY of ${total} rows ${raw.toFixed(2)} s; load ${(
          await import('node:os')
        )
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}`,
    );
    await rm(filled, { recursive: true, force: true });
    return;
  }
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
