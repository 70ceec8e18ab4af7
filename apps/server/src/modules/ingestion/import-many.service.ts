/**
 * Many files at once (a district's whole submission, or every district's files statewide), decision 0064:
 * each file is still its own upload — parsed, checked and committed in its own transaction, all or
 * nothing, with its own batch and findings — but the files run in the documented upload order
 * (montana-aim.md §4.2: Student Demographic, Enrollment, then the records keyed to them), several at a
 * time on PostgreSQL, and what every upload used to do after its commit (planner statistics, the
 * statewide re-check) runs once per template wave and once at the end instead of once per file. The files'
 * commits do not wait for the disk one by one: one durable commit makes them all durable before any is
 * reported (decision 0069); the re-check is one incremental run for every student written (decision 0070).
 * The files of Student Demographic and Enrollment run as one set-based pass per template instead, each
 * file still with its own batch, outcome and findings (upload-wave.service.ts, decision 0082).
 */
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import { refreshStatistics } from '../../db/statistics.ts';
import { makeCommitsDurable } from './batch.repository.ts';
import { detectFile } from './parsers/index.ts';
import { templateByRecordType } from '../profile/profile.lookup.ts';
import { runUpload, type UploadRequest, type UploadResult } from './upload.service.ts';
import { recheckCommitted } from './upload-revalidation.ts';
import { tablesWrittenBy } from './upload-tables.ts';
import { runWave, waveFileOf, type WaveFile } from './upload-wave.service.ts';

/** How a many-file import runs. */
export type ImportManyOptions = {
  /** Uploads at once (PGlite has one connection and always runs one). */
  parallel?: number;
  /** Called after each file once its commit is durable, in completion order (the CLI prints as it goes). */
  onResult?: (request: UploadRequest, result: UploadResult) => void;
  /** False: the caller re-checks later with `revalidateImport` (several imports, one re-check). */
  validate?: boolean;
  /** True: every file its own upload, even of templates that run as one pass (decision 0082; for comparison). */
  oneUploadPerFile?: boolean;
};

/** The outcome of every file, in the order given, and the districts whose rules were re-checked. */
export type ImportManyOutcome = { results: UploadResult[]; revalidated: string[] };

/** The upload order of a file's template (unknown templates go last, where they are rejected as today). */
async function orderOf(profile: Profile, request: UploadRequest): Promise<number> {
  const byId = request.templateId ? profile.templates.find((t) => t.id === request.templateId) : undefined;
  if (byId) return byId.order;
  const detected = await detectFile(request.path);
  const template =
    'format' in detected && detected.recordType
      ? templateByRecordType(profile, detected.recordType)
      : undefined;
  return template?.order ?? Number.MAX_SAFE_INTEGER;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Imports many files: waves by template order, files of a wave in parallel, one re-check at the end. */
export async function importMany(
  database: Database,
  profile: Profile,
  requests: readonly UploadRequest[],
  options: ImportManyOptions = {},
): Promise<ImportManyOutcome> {
  const parallel = database.kind === 'pglite' ? 1 : (options.parallel ?? 4);
  const orders = await Promise.all(requests.map((r) => orderOf(profile, r)));
  const waves = [...new Set(orders)].sort((a, b) => a - b);
  const results: UploadResult[] = new Array<UploadResult>(requests.length);
  for (const wave of waves) {
    const indexes = requests.map((_, i) => i).filter((i) => orders[i] === wave);
    const done: number[] = [];
    // Reports only what a durable commit has covered: nothing is announced that a crash could take back.
    const report = async () => {
      const ready = done.splice(0);
      if (ready.length === 0) return;
      await makeCommitsDurable(database.db);
      for (const i of ready) options.onResult?.(requests[i]!, results[i]!);
    };
    try {
      // Files of a converted template run as one set-based pass (decision 0082); the rest one upload each.
      const waveFiles = new Map<number, WaveFile>();
      if (options.oneUploadPerFile !== true)
        await eachLimited(indexes, parallel, async (i) => {
          const file = await waveFileOf(profile, requests[i]!);
          if (file) waveFiles.set(i, file);
        });
      const together = indexes.filter((i) => waveFiles.has(i));
      const waveResults = await runWave(
        database,
        profile,
        together.map((i) => waveFiles.get(i)!),
      );
      together.forEach((i, k) => {
        results[i] = waveResults[k]!;
        done.push(i);
      });
      await eachLimited(
        indexes.filter((i) => !waveFiles.has(i)),
        parallel,
        async (i) => {
          const request = { ...requests[i]!, deferValidation: true, deferDurability: true };
          results[i] = await runUpload(database, profile, request);
          done.push(i);
          if (done.length >= REPORT_EVERY) await report();
        },
      );
    } finally {
      await report();
    }
    // The next wave joins against what this one wrote: give the planner its new size.
    const written = indexes.map((i) => results[i]!).filter((r) => r.committed);
    const tables = new Set(written.flatMap((r) => tablesWrittenBy(r.template ?? '')));
    if (written.length > 0) await refreshStatistics(database.db, [...tables]);
  }
  const validate = options.validate ?? true;
  return {
    results,
    revalidated: validate ? await revalidateImport(database, profile, requests, results) : [],
  };
}

/**
 * The statewide re-check of what the files committed, once (upload-revalidation.ts, decision 0070): one
 * incremental run for the students they wrote, district runs for files that wrote none, or one statewide
 * run when that covers most of the state. A failure is a warning, as after a single upload: the data
 * stays committed and the next run re-checks it.
 */
export async function revalidateImport(
  database: Database,
  profile: Profile,
  requests: readonly UploadRequest[],
  results: UploadResult[],
): Promise<string[]> {
  const committed = results.flatMap((r, i) =>
    r.committed
      ? [
          {
            batchId: r.batchId,
            district: r.district,
            schoolYear: requests[i]!.schoolYear,
            template: r.template,
          },
        ]
      : [],
  );
  return await recheckCommitted(database, profile, committed);
}

/** Files reported per durable commit: the CLI keeps printing as it goes, at one flush per this many files. */
const REPORT_EVERY = 32;
