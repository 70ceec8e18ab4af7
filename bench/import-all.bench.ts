/**
 * Every template through the upload pipeline (issue: every Montana record type): a generated state's
 * identity registry and history are bulk-loaded, then each district sends all its files in the documented
 * order (montana-aim.md §4.2): Student Demographic, Enrollment, then the files keyed to them, staff and
 * teacher–class files with Roster last. Later files get the state IDs the state issued (bench/fill-state-ids.ts).
 * Prints seconds per template and in total, rows/s, and the ratio to a raw COPY of the same row count.
 *
 *   node bench/import-all.bench.ts --dir <generated dir (with --history 1)> [--backend postgres|pglite|both] [--parallel N] [--many [--per-file]]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { loadBaseline } from '../apps/server/src/modules/ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../apps/server/src/modules/organizations/organizations.setup.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import {
  runUpload,
  type UploadRequest,
  type UploadResult,
} from '../apps/server/src/modules/ingestion/upload.service.ts';
import { importMany, revalidateImport } from '../apps/server/src/modules/ingestion/import-many.service.ts';
import { loadMatchSettings } from '../apps/server/src/modules/ingestion/identity-matching.ts';
import { fillStateIds, stateIdsByLocalId } from './fill-state-ids.ts';
import { rawCopySeconds } from './raw-copy.ts';
import { onEachBackend } from './backends.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    backend: { type: 'string', default: 'both' },
    parallel: { type: 'string', default: '4' },
    // Each template's files through importMany (statistics per wave, one statewide re-check at the end)
    // instead of one runUpload per file with its own re-check.
    many: { type: 'boolean', default: false },
    // With --many: every file its own upload even where a template's files run as one pass (decision 0082).
    'per-file': { type: 'boolean', default: false },
  },
});
if (!values.dir)
  throw new Error('--dir <generated state> is required (./bitterroot generate --history 1 ...)');
const dir = resolve(values.dir);
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;
const loaded = await loadProfile(profileDir);
if (!loaded.ok) throw new Error('profile does not load');
const profile: Profile = loaded.value;
const matching = await loadMatchSettings(profileDir);
const parallel = Number(values.parallel);

async function districtsOf(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(join(dir, 'districts'))).sort();
}

async function measure(database: Database): Promise<void> {
  await initialize(database, profileDir, year);
  await loadBaseline(database, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  const work = await mkdtemp(join(tmpdir(), 'bitterroot-import-all-'));
  const districts = await districtsOf();
  const templates = [...profile.templates].sort((a, b) => a.order - b.order);
  let rows = 0;
  let seconds = 0;
  const allRequests: UploadRequest[] = [];
  const allResults: UploadResult[] = [];
  const refused = new Map<string, number>();
  for (const template of templates) {
    // Filling state IDs is the district's work before it uploads: not timed.
    const files = new Map<string, string>();
    for (const d of districts) {
      const path = join(dir, 'districts', d, `${template.id}.tsv`);
      if (template.id === 'student-demographics') files.set(d, path);
      else {
        const out = join(work, `${d}-${template.id}.tsv`);
        await fillStateIds(template, path, out, await stateIdsByLocalId(database.db, d));
        files.set(d, out);
      }
    }
    const queue = [...districts];
    let templateRows = 0;
    const started = performance.now();
    const count = (r: UploadResult) => {
      templateRows += r.rows;
      if (r.status !== 'committed') refused.set(template.id, (refused.get(template.id) ?? 0) + 1);
    };
    if (values.many) {
      const requests: UploadRequest[] = districts.map((d) => ({
        path: files.get(d)!,
        fileName: `${template.id}.tsv`,
        district: d,
        schoolYear: year,
        templateId: template.id,
        dryRun: false,
        matching,
      }));
      const { results } = await importMany(database, profile, requests, {
        parallel,
        validate: false,
        oneUploadPerFile: values['per-file'],
      });
      results.forEach(count);
      allRequests.push(...requests);
      allResults.push(...results);
    }
    const worker = async () => {
      for (let d = values.many ? undefined : queue.shift(); d; d = queue.shift()) {
        count(
          await runUpload(database, profile, {
            path: files.get(d)!,
            fileName: `${template.id}.tsv`,
            district: d,
            schoolYear: year,
            dryRun: false,
            matching,
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    const s = (performance.now() - started) / 1000;
    seconds += s;
    rows += templateRows;
    console.log(
      `  ${template.id.padEnd(24)} ${String(templateRows).padStart(9)} rows ${s.toFixed(1).padStart(6)} s`,
    );
  }
  if (values.many) {
    const started = performance.now();
    await revalidateImport(database, profile, allRequests, allResults);
    const s = (performance.now() - started) / 1000;
    seconds += s;
    console.log(`  ${'statewide re-check'.padEnd(24)} ${''.padStart(9)}      ${s.toFixed(1).padStart(6)} s`);
  }
  await rm(work, { recursive: true, force: true });
  const raw = await rawCopySeconds(database, rows);
  console.log(
    `${database.kind.padEnd(8)} ${districts.length * templates.length} uploads (${parallel} at a time), ${rows} rows in ${seconds.toFixed(1)} s = ` +
      `${Math.round(rows / seconds)} rows/s; raw COPY of ${rows} rows ${raw.toFixed(2)} s (ratio ${((raw / seconds) * 100).toFixed(0)}%); ` +
      `not committed (header-only files of types that need rows): ${JSON.stringify(Object.fromEntries(refused))}`,
  );
}

await onEachBackend(values, measure);
