/**
 * One timed upload of `import-large.bench.ts`: the file through `runUpload`, then the statistics and the re-check
 * step by step as runUpload runs them after its commit, each step timed; the peak RSS of the process that ran it.
 */
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../apps/server/src/db/database.ts';
import { refreshStatistics } from '../apps/server/src/db/statistics.ts';
import { runUpload, tablesWrittenBy } from '../apps/server/src/modules/ingestion/upload.service.ts';
import { onProgress } from '../apps/server/src/modules/ingestion/upload-progress.ts';
import { recheckCommitted } from '../apps/server/src/modules/ingestion/upload-revalidation.ts';

/** What one timed upload reports: its result, seconds per phase and the process's peak RSS. */
export type TimedUpload = {
  rows: number;
  status: string;
  findingCounts: unknown;
  seconds: number;
  phases: Record<string, number>;
  peakRssMb: number;
};

/** Uploads `file` for `district` and times each phase. */
export async function timedUpload(
  database: Database,
  profile: Profile,
  file: string,
  district: string,
  schoolYear: number,
): Promise<TimedUpload> {
  const started = performance.now();
  const at: Record<string, number> = {};
  const stop = onProgress((_, p) => (at[p.phase] = performance.now()));
  const r = await runUpload(database, profile, {
    path: file,
    fileName: 'enrollment.tsv',
    district,
    schoolYear,
    dryRun: false,
    deferValidation: true,
  });
  stop();
  const committed = performance.now();
  if (r.committed) await refreshStatistics(database.db, tablesWrittenBy(r.template ?? ''));
  const analyzed = performance.now();
  if (r.committed)
    await recheckCommitted(database, profile, [
      { batchId: r.batchId, district, schoolYear, template: r.template },
    ]);
  const finished = performance.now();
  const s = (a: number, b: number) => Number(((b - a) / 1000).toFixed(1));
  const parsed = at.validating ?? started;
  const checked = at.committing ?? parsed;
  return {
    rows: r.rows,
    status: r.status,
    findingCounts: r.findingCounts,
    seconds: (finished - started) / 1000,
    phases: {
      'parse + COPY': s(started, parsed),
      checks: s(parsed, checked),
      commit: s(checked, committed),
      ANALYZE: s(committed, analyzed),
      're-check': s(analyzed, finished),
    },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
