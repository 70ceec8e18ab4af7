/**
 * Early Warning System benchmark: generates (or reuses) a synthetic state with history years, bulk-loads it and
 * its EWS term records, then on each backend times reading the labelled training rows per cohort, fitting and
 * evaluating each grade's model (and one grade on 100,000 rows), and scoring every enrolled student in grades
 * 6–12 of the state as of a date, stored as a run. Prints each grade's out-of-time AUC beside the ABC checklist.
 * Targets (issue 10): one grade on 100k students < 2 s; scoring ≈ 80k students < 5 s.
 *
 *   node bench/early-warning.bench.ts [--scale small|montana] [--history 4] [--backend postgres|pglite|both] [--dir DIR]
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { trainGradeModel, type EwsGrade, type TrainingRow } from '@bitterroot/core';
import { initialize } from '../apps/server/src/commands/init.ts';
import { runBaselineLoad } from '../apps/server/src/commands/load.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { earlyWarningService } from '../apps/server/src/modules/early-warning/early-warning.service.ts';
import { loadEwsTerms } from '../apps/server/src/modules/early-warning/ews-load.service.ts';
import { readRaceLabels } from '../apps/server/src/modules/early-warning/ews-score.repository.ts';
import { loadEwsSettings } from '../apps/server/src/modules/early-warning/ews-settings.ts';
import { cohortRows } from '../apps/server/src/modules/early-warning/ews-training.ts';
import { onEachBackend } from './backends.ts';
import { generate } from './generator/index.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    history: { type: 'string', default: '4' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    backend: { type: 'string', default: 'both' },
    dir: { type: 'string' },
  },
});
const scale = values.scale as 'small' | 'montana';
const history = Number(values.history);
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;
const dir = resolve(values.dir ?? join(tmpdir(), `bitterroot-bench-ews-${scale}-${history}`));
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(2);
const GRADES: EwsGrade[] = [6, 7, 8, 9, 10, 11, 12];

if (!existsSync(join(dir, 'manifest.json'))) {
  const t = performance.now();
  await generate({
    scale,
    schoolYear: year,
    outDir: dir,
    seed: 1,
    historyYears: history,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  console.log(`generated ${scale} with ${history} history years in ${seconds(t)} s → ${dir}`);
}

/**
 * Yardstick: the bare kernel of one fit (X'WX accumulated over 100,000 × 12, seven passes) in plain typed-array
 * code, so numbers from a loaded machine can be read against what the same machine does without our code.
 */
function yardstick(): number {
  const n = 100_000;
  const q = 12;
  const x = new Float64Array(n * q).map((_, i) => ((i * 2654435761) % 1000) / 1000);
  const h = new Float64Array(q * q);
  const t = performance.now();
  for (let pass = 0; pass < 7; pass++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < q; j++) {
        const xj = x[i * q + j]!;
        for (let k = j; k < q; k++) h[j * q + k] = h[j * q + k]! + xj * x[i * q + k]!;
      }
  return performance.now() - t;
}
console.log(`yardstick: bare X'WX kernel 100,000 × 12 × 7 passes in ${yardstick().toFixed(0)} ms`);

const settings = await loadEwsSettings(profileDir);
const testYear = year - 1;
const trainYears = Array.from({ length: history - 1 }, (_, i) => testYear - history + 1 + i);

await onEachBackend({ backend: values.backend, postgres: values.postgres }, async (database) => {
  console.log(`\n${database.kind}`);
  let t = performance.now();
  await initialize(database, profileDir, year);
  const config = loadConfig({ database: 'unused', schoolYear: String(year), profile: profileDir });
  await runBaselineLoad(database, config, dir);
  const terms = await loadEwsTerms(database, dir);
  const termRows = Object.values(terms).reduce((s, c) => s + c.stored, 0);
  console.log(`  load: baseline and ${termRows} EWS terms in ${seconds(t)} s`);

  const raceLabels = await readRaceLabels(database.db);
  const train = new Map<EwsGrade, TrainingRow[]>();
  for (const y of trainYears) {
    t = performance.now();
    const c = await cohortRows(database.db, y, settings, raceLabels);
    const n = [...c.rows.values()].reduce((s, r) => s + r.length, 0);
    console.log(`  training rows ${y}: ${n} labelled (${JSON.stringify(c.excluded)}) in ${seconds(t)} s`);
    for (const [g, rows] of c.rows) train.set(g, [...(train.get(g) ?? []), ...rows]);
  }
  t = performance.now();
  const test = await cohortRows(database.db, testYear, settings, raceLabels);
  console.log(`  test rows ${testYear} in ${seconds(t)} s`);
  for (const g of GRADES) {
    const rows = train.get(g) ?? [];
    t = performance.now();
    const out = trainGradeModel(g, rows, test.rows.get(g) ?? [], { trainYears, testYear }, settings);
    const took = seconds(t);
    if (out.kind !== 'trained') {
      console.log(`  grade ${g}: not trained (${out.reason})`);
      continue;
    }
    const e = out.artifact.evaluation;
    console.log(
      `  grade ${g}: fit+evaluate ${rows.length} rows (${out.artifact.training.dropouts} dropouts) in ${took} s; ` +
        `out-of-time AUC ${e.auc?.auc.toFixed(3)} [${e.auc?.lower.toFixed(3)}–${e.auc?.upper.toFixed(3)}] ` +
        `vs ABC ${e.abc.auc?.toFixed(3)}; high band precision ${(e.atHigh.precision ?? 0).toFixed(3)} ` +
        `recall ${(e.atHigh.recall ?? 0).toFixed(3)}; largest FPR gap ${Math.max(...e.fprGaps.map((x) => x.gap ?? 0)).toFixed(3)}`,
    );
  }
  // One grade on 100,000 rows: the grade-9 rows resampled (deterministic stride) to the size.
  const nine = train.get(9) ?? [];
  if (nine.length > 0) {
    const big = Array.from({ length: 100_000 }, (_, i) => nine[(i * 7919) % nine.length]!);
    t = performance.now();
    trainGradeModel(9, big, test.rows.get(9) ?? [], { trainYears, testYear }, settings);
    console.log(`  grade 9 on 100,000 rows: fit+evaluate in ${seconds(t)} s (target < 2 s)`);
  }

  const service = earlyWarningService(database, settings, year);
  t = performance.now();
  const trained = await service.train({ trainYears, testYear }, null);
  console.log(`  train all grades through the service (read + fit + store): ${seconds(t)} s`);
  if ('kind' in trained) throw new Error(trained.message);
  for (const r of trained.results) if (r.model) await service.promote(r.model.id, null);
  t = performance.now();
  const run = await service.scoreState(`${testYear}-03-01`, null);
  console.log(
    `  score the state as of ${testYear}-03-01: ${run.students} students stored in ${seconds(t)} s (target < 5 s)`,
  );
});
