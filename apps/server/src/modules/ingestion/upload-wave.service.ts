/**
 * A template's files of a many-file import as ONE set-based pass (decision 0082, the next step of 0064):
 * every file is parsed (cell checks as for one upload) into one `stage_upload` with its batch id as a
 * column, the template's checks run once over all of them with the file in every grouping and key, and
 * one transaction commits the files without a fatal finding. Each file keeps its own batch, status,
 * counts and findings exactly as its single upload reports them; a file with a fatal finding commits
 * nothing. The checks and commits are the single upload's statements (stage-files.ts).
 */
import type { MatchSettings } from '@bitterroot/core';
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database, Executor } from '../../db/database.ts';
import { detectFile, type DetectedFile } from './parsers/index.ts';
import { chooseTemplate, columnMapping, hashFile, toFinding } from './upload-recognise.ts';
import { createStagingTable, fillStagingTable, tuneForBulkLoad } from './staging.repository.ts';
import type { FindingRow } from './batch.repository.ts';
import { stagedCsv, typedStageColumns } from './upload-staging.ts';
import { columnsCoveredByRecordChecks, runRecordChecks } from './record-checks.repository.ts';
import { commitEnrollments } from './enrollment-commit.repository.ts';
import { commitDemographics } from './demographic-commit.ts';
import { reportProgress } from './upload-progress.ts';
import {
  createBatches,
  createUploadFiles,
  dropFiles,
  fatalLinesPerFile,
  finishBatches,
  insertParseFindings,
  stagedRowsPerFile,
  type WaveOutcome,
} from './wave-batches.repository.ts';
import {
  mayInsertWithoutKeyTriggers,
  resultOf,
  TUNE_FROM_BYTES,
  type UploadRequest,
  type UploadResult,
} from './upload.service.ts';

/**
 * Templates whose many-file waves run as one pass; every other template's files run one upload each
 * (import-many.service.ts). Record-type templates join when their store's SQL takes the file column.
 */
export const WAVE_TEMPLATES: ReadonlySet<string> = new Set(['student-demographics', 'student-enrollment']);

/** A file recognised as one of a wave template's, ready to stage. */
export type WaveFile = {
  request: UploadRequest;
  template: Template;
  detected: DetectedFile;
  mapping: (number | null)[];
  sha256: string;
  bytes: number;
};

/**
 * Recognises a file for a wave; undefined when it is not a well-formed file of a wave template (it then
 * runs as its own upload, which reports why, or accepts a header-only submission).
 */
export async function waveFileOf(profile: Profile, request: UploadRequest): Promise<WaveFile | undefined> {
  const detected = await detectFile(request.path);
  if (!('format' in detected)) return undefined;
  const template = chooseTemplate(profile, detected, request.templateId);
  if (!('columns' in template) || !WAVE_TEMPLATES.has(template.id)) return undefined;
  const mapping = columnMapping(template, detected);
  if (!Array.isArray(mapping)) return undefined;
  const { sha256, bytes } = await hashFile(request.path);
  return { request, template, detected, mapping, sha256, bytes };
}

/**
 * Splits a wave into passes of one school year, matching settings and template, with at most one file per
 * district (a district's second file then sees its first, as one upload after the other does).
 */
function passesOf(files: readonly WaveFile[]): WaveFile[][] {
  const passes: { key: string; districts: Set<string>; files: WaveFile[] }[] = [];
  let matchings: (MatchSettings | undefined)[] = [];
  for (const f of files) {
    if (!matchings.includes(f.request.matching)) matchings = [...matchings, f.request.matching];
    const key = `${f.template.id}|${f.request.schoolYear}|${matchings.indexOf(f.request.matching)}`;
    let pass = passes.find((p) => p.key === key && !p.districts.has(f.request.district));
    if (!pass) passes.push((pass = { key, districts: new Set(), files: [] }));
    pass.districts.add(f.request.district);
    pass.files.push(f);
  }
  return passes.map((p) => p.files);
}

/** Runs a wave's files as few passes as the rules allow; results in the order given. */
export async function runWave(
  database: Database,
  profile: Profile,
  files: readonly WaveFile[],
): Promise<UploadResult[]> {
  const byFile = new Map<WaveFile, UploadResult>();
  for (const pass of passesOf(files)) {
    const results = await runPass(database, profile, pass);
    pass.forEach((f, i) => byFile.set(f, results[i]!));
  }
  return files.map((f) => byFile.get(f)!);
}

/** One pass: stage, check and commit every file in one transaction; each file's outcome as its upload's. */
async function runPass(
  database: Database,
  profile: Profile,
  files: readonly WaveFile[],
): Promise<UploadResult[]> {
  const db = database.db;
  const template = files[0]!.template;
  const ids = await createBatches(
    db,
    files.map((f) => ({
      districtNumber: f.request.district,
      schoolYear: f.request.schoolYear,
      templateId: template.id,
      fileName: f.request.fileName,
      fileSha256: f.sha256,
      fileBytes: f.bytes,
      dryRun: f.request.dryRun,
    })),
  );
  try {
    await db.transaction().execute(async (trx) => {
      const bigFile = files.reduce((n, f) => n + f.bytes, 0) >= TUNE_FROM_BYTES;
      await tuneForBulkLoad(trx, { bigFile, deferDurability: true });
      const parse = await stageFiles(trx, profile, files, ids);
      const outcomes = await checkAndCommit(database, trx, files, ids, parse);
      await finishBatches(trx, outcomes);
    });
  } catch (e) {
    const failure = (e as Error).message;
    await finishBatches(
      db,
      ids.map((batchId) => ({
        batchId,
        status: 'failed',
        rowsTotal: 0,
        rowsRejected: 0,
        summary: {},
        failure,
      })),
    );
    throw e;
  } finally {
    for (const id of ids) reportProgress(id, null);
  }
  const results: UploadResult[] = [];
  for (const [i, f] of files.entries()) results.push(await resultOf(database, f.request.district, ids[i]!));
  return results;
}

/** COPYs every file into one `stage_upload` (batch id first), cell-checking on the way; parse findings per file. */
async function stageFiles(
  trx: Executor,
  profile: Profile,
  files: readonly WaveFile[],
  ids: readonly number[],
): Promise<Map<number, FindingRow[]>> {
  const template = files[0]!.template;
  const typed = typedStageColumns(template);
  const columns = ['batch_id', 'line', ...template.columns.map((c) => c.key), ...typed.map((t) => t.name)];
  const types = Object.fromEntries([
    ['batch_id', 'bigint'],
    ['line', 'integer'],
    ...typed.map((t) => [t.name, t.sqlType]),
  ]);
  await createStagingTable(trx, 'stage_upload', columns, types);
  const found = new Map<number, FindingRow[]>(ids.map((id) => [id, []]));
  const checks = { profile, template, skipRequired: columnsCoveredByRecordChecks(template) };
  async function* all(): AsyncGenerator<string> {
    for (const [i, f] of files.entries()) {
      const sink = found.get(ids[i]!)!;
      const sinks = {
        parse: (x: Parameters<typeof toFinding>[0]) => sink.push(toFinding(x)),
        cell: (x: FindingRow) => sink.push(x),
      };
      yield* stagedCsv(f.request.path, f.detected, f.mapping, ids[i]!, checks, sinks, typed, `${ids[i]},`);
    }
  }
  await fillStagingTable(trx, 'stage_upload', columns, all());
  await insertParseFindings(trx, found);
  return found;
}

/** Runs the checks once for every file, commits the files without a fatal finding, and says how each ended. */
async function checkAndCommit(
  database: Database,
  trx: Executor,
  files: readonly WaveFile[],
  ids: readonly number[],
  parse: ReadonlyMap<number, FindingRow[]>,
): Promise<WaveOutcome[]> {
  const template = files[0]!.template;
  const first = files[0]!.request;
  await createUploadFiles(
    trx,
    files.map((f, i) => ({
      batchId: ids[i]!,
      district: f.request.district,
      nextSeq: parse.get(ids[i]!)!.length + 1,
    })),
  );
  const staged = await stagedRowsPerFile(trx);
  const total = [...staged.values()].reduce((a, b) => a + b, 0);
  await runRecordChecks(trx, template, 'wave', first.schoolYear, 1, total);
  const fatal = await fatalLinesPerFile(trx, ids);
  const committing = files.flatMap((f, i) =>
    !fatal.has(ids[i]!) && !f.request.dryRun ? [{ batchId: ids[i]!, district: f.request.district }] : [],
  );
  const kept = new Set(committing.map((f) => f.batchId));
  const resolved = template.id === 'student-enrollment' ? ['en_resolved'] : [];
  await dropFiles(
    trx,
    ids.filter((id) => !kept.has(id)),
    resolved,
  );
  let summaries = new Map<number, Record<string, number>>();
  if (committing.length > 0 && template.id === 'student-enrollment') {
    const rows = new Map(committing.map((f) => [f.batchId, staged.get(f.batchId) ?? 0]));
    const committed = [...rows.values()].reduce((a, b) => a + b, 0);
    const fast = await mayInsertWithoutKeyTriggers(database, trx, committed);
    summaries = await commitEnrollments(trx, template, 'wave', {
      schoolYear: first.schoolYear,
      rows,
      withoutKeyTriggers: fast,
    });
  } else if (committing.length > 0)
    summaries = await commitDemographics(trx, 'wave', committing, first.matching);
  return files.map((f, i) => {
    const batchId = ids[i]!;
    const bad = fatal.get(batchId);
    const status = bad ? 'rejected' : f.request.dryRun ? 'validated' : 'committed';
    return {
      batchId,
      status,
      rowsTotal: staged.get(batchId) ?? 0,
      rowsRejected: bad?.lines ?? 0,
      summary: summaries.get(batchId) ?? {},
    };
  });
}
