/**
 * One very large file through the upload pipeline (issue: ingestion speed): a 1,000,000-row Enrollment
 * file (≈100 MB) for one district against a Montana-sized registry, every row valid, committed in one
 * transaction; then the statewide rules re-check the students it touched. Prints seconds, rows/s,
 * the import's peak RSS (on PostgreSQL the upload runs in its own process), and a raw COPY of the same row count in the same run, and seconds per phase
 * (parse + COPY to staging, record checks, commit, ANALYZE, re-check) as runUpload runs them.
 *
 *   node bench/import-large.bench.ts [--rows 1000000] [--backend postgres|pglite|both]
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'kysely';
import { addDays } from '@bitterroot/core';
import type { Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { loadBaseline } from '../apps/server/src/modules/ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../apps/server/src/modules/organizations/organizations.setup.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import { generate } from './generator/index.ts';
import { rawCopySeconds } from './raw-copy.ts';
import { onEachBackend } from './backends.ts';
import { timedUpload, type TimedUpload } from './import-large-upload.ts';
import { launcherFlags } from './launcher-flags.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    backend: { type: 'string', default: 'both' },
  },
});
const rows = Number(values.rows);
const run = promisify(execFile);
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;
const loaded = await loadProfile(profileDir);
if (!loaded.ok) throw new Error('profile does not load');
const profile = loaded.value;

/**
 * Writes the file: each student several consecutive one-week enrollments (start a week apart, ended the day
 * before the next), so every row is a distinct key and, as in real files, a student's spans do not overlap.
 */
async function writeEnrollmentFile(path: string, district: string, school: string, stateIds: string[]) {
  const out = createWriteStream(path);
  let buf = 'HD\t08/28/2025\t10:00:00\tMT9.1\n';
  const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
  for (let i = 0; i < rows; i++) {
    const id = stateIds[i % stateIds.length]!;
    const k = Math.floor(i / stateIds.length);
    const start = addDays('2025-08-20', 7 * k);
    const cells = ['EN', district, school, '001', id, String(100000 + (i % stateIds.length)), 'Peña', 'Ana'];
    cells.push('05', us(start), k === 0 ? '01' : '02', us(addDays(start, 6)), '105', 'P', 'N');
    cells.push('', '', '', '', '', '', '', 'N', '', '', 'N', '', '', '', '', String(year));
    buf += cells.join('\t') + '\n';
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** Runs the upload in `import-large-child.ts` with the launcher's runtime flags and reads its JSON line. */
async function uploadInChild(url: string, file: string, district: string): Promise<TimedUpload> {
  const child = resolve(import.meta.dirname, 'import-large-child.ts');
  const args = [
    child,
    '--database',
    url,
    '--file',
    file,
    '--district',
    district,
    '--school-year',
    String(year),
  ];
  const { stdout } = await run(process.execPath, [...launcherFlags(), ...args], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as TimedUpload;
}

async function measure(database: Database): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bitterroot-large-'));
  try {
    await initialize(database, profileDir, year);
    // A Montana-sized registry (≈150k students), so a million enrollments are a handful per student.
    await generate({
      scale: 'montana',
      schoolYear: year,
      outDir: join(work, 'state'),
      seed: 5,
      historyYears: 0,
      defectRate: 0,
      districtsCsvPath: join(profileDir, 'organization/districts.csv'),
    });
    await loadBaseline(database, join(work, 'state'), async (y) => {
      const org = await organizationFromProfile(profileDir, y);
      if (!org.ok) throw new Error(org.error);
      return org.value;
    });
    const ids = await sql<{ s: string }>`SELECT state_id AS s FROM student ORDER BY state_id`.execute(
      database.db,
    );
    const place = await sql<{
      d: string;
      s: string;
    }>`SELECT s.district_number AS d, s.school_number AS s FROM school s
      JOIN calendar c ON c.school_number = s.school_number AND c.school_year = ${year} AND c.calendar_number = '001'
      ORDER BY s.district_number, s.school_number LIMIT 1`.execute(database.db);
    const { d: district, s: school } = place.rows[0]!;
    const file = join(work, 'enrollment.tsv');
    await writeEnrollmentFile(
      file,
      district,
      school,
      ids.rows.map((r) => r.s),
    );
    const bytes = (await stat(file)).size;
    // On PostgreSQL the upload runs in its own process, so the peak RSS printed is the import's alone; PGlite
    // lives in the process that opened it, so there the figure also holds the generated state and the database.
    const r =
      database.kind === 'postgres'
        ? await uploadInChild(database.location, file, district)
        : await timedUpload(database, profile, file, district, year);
    console.log(
      `phases (s): ${Object.entries(r.phases)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    const raw = await rawCopySeconds(database, r.rows);
    console.log(
      `${database.kind.padEnd(8)} ${r.rows} rows (${(bytes / 1e6).toFixed(1)} MB) ${r.status} in ${r.seconds.toFixed(1)} s = ` +
        `${Math.round(r.rows / r.seconds)} rows/s; peak RSS ${r.peakRssMb} MB (${database.kind === 'postgres' ? 'import process' : 'bench process'}); ` +
        `raw COPY ${raw.toFixed(2)} s (ratio ${((raw / r.seconds) * 100).toFixed(0)}%); findings ${JSON.stringify(r.findingCounts)}`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await onEachBackend(values, measure);
