/**
 * Reporting benchmark (issue 8): on a Montana-scale state bulk-loaded like the demo (three history years), times
 * the statewide outcome reports (ACGR 4-year, dropouts, CTE, behavior) and every EDFacts file at each of its
 * levels from the live tables. Targets: ACGR statewide < 2 s; each EDFacts file < 5 s (PostgreSQL).
 *
 *   node bench/reporting.bench.ts [--scale montana] [--backend postgres|pglite|both] [--postgres URL] [--dir DIR]
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { edfactsFileSchema, EDFACTS_FILE_LEVELS, outcomeMeasureSchema } from '@bitterroot/contracts';
import type { Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { runBaselineLoad, runDistrictLoad } from '../apps/server/src/commands/load.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import { outcomeServices } from '../apps/server/src/modules/reporting/outcome-reports.plugin.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { onEachBackend } from './backends.ts';
import { generate } from './generator/index.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    backend: { type: 'string', default: 'postgres' },
    postgres: { type: 'string' },
    dir: { type: 'string' },
  },
});
const scale = values.scale as 'small' | 'montana';
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;
const dir = resolve(values.dir ?? join(tmpdir(), `bitterroot-bench-${scale}`));
if (!existsSync(join(dir, 'manifest.json')))
  await generate({
    scale,
    schoolYear: year,
    outDir: dir,
    seed: 1,
    historyYears: 3,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
const loaded = await loadProfile(profileDir);
if (!loaded.ok) throw new Error('profile does not load');
const profile = loaded.value;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(database: Database): Promise<void> {
  const kind = database.kind.padEnd(8);
  const config = { ...loadConfig({ database: 'bench', schoolYear: String(year) }), profileDir };
  await initialize(database, profileDir, year);
  await runBaselineLoad(database, config, dir);
  await runDistrictLoad(database, config, dir);
  await sql`ANALYZE`.execute(database.db);
  const { outcomes, exports } = outcomeServices(database.db, profile, year);
  for (const m of outcomeMeasureSchema.options) {
    // The second run is the one reported: the first warms the planner and the caches.
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const out = await outcomes.report(m, null, { source: 'live' });
      if (out.kind !== 'report') throw new Error(m);
      if (i === 1)
        console.log(
          `${kind} ${m} statewide: ${secs(performance.now() - t)} (${out.report.totals.numerator} of ${out.report.totals.denominator}, ${out.report.lines.length} lines)`,
        );
    }
  }
  for (const file of edfactsFileSchema.options) {
    for (const level of EDFACTS_FILE_LEVELS[file]) {
      const t = performance.now();
      const out = await exports.edfacts(file, { level, source: 'live' });
      if (out.kind !== 'file') throw new Error(`${file} ${level}`);
      console.log(
        `${kind} EDFacts ${file} ${level}: ${secs(performance.now() - t)} (${out.file.records} records)`,
      );
    }
  }
}

await onEachBackend({ backend: values.backend, postgres: values.postgres }, measure);
