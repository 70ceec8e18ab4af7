/**
 * The one upload pipeline (ARCHITECTURE §4), used by the CLI, the API and the web app: receive → parse →
 * stage (COPY) → validate (set-based) → commit in ONE transaction, or nothing. Dry-run stops before the
 * commit and keeps only the batch and its findings. A killed process leaves the live tables untouched;
 * the sweeper marks its batch failed.
 */
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database, Executor } from '../../db/database.ts';
import { detectFile, type ParseFinding } from './parsers/index.ts';
import { chooseTemplate, columnMapping, hashFile, toFinding } from './upload-recognise.ts';
import { createStagingTable, fillStagingTable, tuneForBulkLoad } from './staging.repository.ts';
import {
  batchOutcome,
  createBatch,
  finishBatch,
  insertFindings,
  sweepInterruptedBatches,
  type BatchRow,
  type FindingRow,
} from './batch.repository.ts';
import { stagedCsv, typedStageColumns } from './upload-staging.ts';
import { columnsCoveredByRecordChecks, runRecordChecks } from './record-checks.repository.ts';
import { commitEnrollments, keyTriggersCanBeSkipped } from './enrollment-commit.repository.ts';
import { commitDemographics } from './demographic-commit.ts';
import type { MatchSettings } from '@bitterroot/core';
import { progressOf, reportProgress, type UploadProgress } from './upload-progress.ts';
import {
  commitStagedRecords,
  storeFor,
  validateStagedRecords,
} from '../student-records/student-records.service.ts';
import { acceptEmptySubmission } from './empty-submission.ts';
import { refreshStatistics } from '../../db/statistics.ts';
import { tablesWrittenBy } from './upload-tables.ts';
import { recheckCommitted } from './upload-revalidation.ts';

/** Files this large get more sort and hash memory for their transaction (one statement small files skip). */
export const TUNE_FROM_BYTES = 1 << 20;

/** Uploads this large refresh the planner statistics of what they wrote before anything reads it. */
const ANALYZE_AFTER_ROWS = 5000;

/** The live tables a template's commit writes (upload-tables.ts; exported here for existing callers). */
export { tablesWrittenBy };

/** Identity and enrollment commit here; every other record type through its record store. */
const IDENTITY_TEMPLATES = new Set(['student-demographics', 'student-enrollment']);

function committable(template: Template): boolean {
  return IDENTITY_TEMPLATES.has(template.id) || storeFor(template) !== undefined;
}

/** Seconds without a heartbeat after which an in-flight batch counts as interrupted. */
export const STALE_BATCH_SECONDS = 120;

let lastSweep = 0;

/** Runs the interrupted-batch sweeper at most once a minute per process (it is one UPDATE, but not free). */
async function sweepNowAndThen(db: Executor): Promise<void> {
  if (Date.now() - lastSweep < 60_000) return;
  lastSweep = Date.now();
  await sweepInterruptedBatches(db, STALE_BATCH_SECONDS);
}

/** What an upload needs. */
export type UploadRequest = {
  path: string;
  fileName: string;
  district: string;
  schoolYear: number;
  templateId?: string;
  dryRun: boolean;
  /** Fuzzy identity matching settings; without them only exact matches link identities. */
  matching?: MatchSettings;
  /**
   * Leave planner statistics and the statewide re-check to the caller, which runs them once for many
   * files (import-many.service.ts); the upload itself is unchanged.
   */
  deferValidation?: boolean;
  /**
   * Commit without waiting for the write-ahead log to reach disk (decision 0069): the caller makes the
   * commits durable with `makeCommitsDurable` before it reports them (import-many.service.ts).
   */
  deferDurability?: boolean;
};

/** The result the CLI prints and the API returns. */
export type UploadResult = {
  batchId: number;
  template: string | null;
  district: string;
  status: BatchRow['status'];
  dryRun: boolean;
  rows: number;
  accepted: number;
  rejected: number;
  committed: boolean;
  summary: Record<string, number>;
  failure: string | null;
  findingCounts: { code: string; severity: string; count: number }[];
  findings: FindingRow[];
};

/** Files this large insert enrollments with the foreign-key triggers off when the database allows it. */
const SKIP_KEY_TRIGGERS_FROM_ROWS = 2000;

const keyTriggerPermission = new WeakMap<Database, Promise<boolean>>();

/** Asked once per open database (inside the upload's transaction: PGlite has one connection), only by a large upload. */
export function mayInsertWithoutKeyTriggers(
  database: Database,
  trx: Executor,
  rows: number,
): Promise<boolean> {
  if (rows < SKIP_KEY_TRIGGERS_FROM_ROWS) return Promise.resolve(false);
  let known = keyTriggerPermission.get(database);
  if (!known) {
    known = keyTriggersCanBeSkipped(trx);
    keyTriggerPermission.set(database, known);
    // A failed question is asked again by the next upload rather than remembered.
    known.catch(() => keyTriggerPermission.delete(database));
  }
  return known;
}

/** Commits one upload's staged rows (a wave commits its files together: upload-wave.service.ts). */
async function commitRows(
  trx: Executor,
  template: Template,
  batchId: number,
  request: UploadRequest,
  rows: number,
  withoutKeyTriggers: boolean,
): Promise<Record<string, number>> {
  const store = storeFor(template);
  if (store)
    return await commitStagedRecords(trx, store, template, {
      district: request.district,
      schoolYear: request.schoolYear,
      batchId,
      rows,
    });
  const file = { batchId, district: request.district };
  if (template.id === 'student-enrollment') {
    const outcome = await commitEnrollments(trx, template, file, {
      schoolYear: request.schoolYear,
      rows: new Map([[batchId, rows]]),
      withoutKeyTriggers,
    });
    return outcome.get(batchId)!;
  }
  if (template.id !== 'student-demographics') return {};
  const outcome = await commitDemographics(trx, file, [file], request.matching);
  return outcome.get(batchId)!;
}

/** Runs one upload end to end and returns its outcome (never throws for bad input: that is findings). */
export async function runUpload(
  database: Database,
  profile: Profile,
  request: UploadRequest,
  onBatch: (batchId: number) => void = () => undefined,
): Promise<UploadResult> {
  const db = database.db;
  await sweepNowAndThen(db);
  const file = await hashFile(request.path);
  // The file is recognised before its batch is created, so the batch starts out parsing its template.
  const detected = await detectFile(request.path);
  const template = 'format' in detected ? chooseTemplate(profile, detected, request.templateId) : detected;
  const mapping = 'format' in detected && 'columns' in template ? columnMapping(template, detected) : null;
  const batchId = await createBatch(
    db,
    {
      districtNumber: request.district,
      schoolYear: request.schoolYear,
      fileName: request.fileName,
      fileSha256: file.sha256,
      fileBytes: file.bytes,
      dryRun: request.dryRun,
      ...('columns' in template && Array.isArray(mapping)
        ? { templateId: template.id, status: 'parsing' as const }
        : {}),
    },
    request.deferDurability === true,
  );
  reportProgress(batchId, { phase: 'received', rows: 0 });
  onBatch(batchId);
  try {
    if (!('format' in detected) && (await acceptEmptySubmission(db, profile, request, batchId, detected)))
      return await resultOf(database, request.district, batchId);
    if (!('format' in detected) || !('columns' in template) || !Array.isArray(mapping)) {
      const problem = [detected, template, mapping].find(
        (x): x is ParseFinding => x !== null && typeof x === 'object' && 'code' in x,
      )!;
      await insertFindings(db, batchId, [toFinding(problem)], 1);
      await finishBatch(db, batchId, { status: 'rejected', rowsTotal: 0, rowsRejected: 0, summary: {} });
      return await resultOf(database, request.district, batchId);
    }
    const typed = typedStageColumns(template);
    const columns = ['line', ...template.columns.map((c) => c.key), ...typed.map((t) => t.name)];
    const types = Object.fromEntries([['line', 'integer'], ...typed.map((t) => [t.name, t.sqlType])]);
    await db.transaction().execute(async (trx) => {
      if (file.bytes >= TUNE_FROM_BYTES || request.deferDurability)
        await tuneForBulkLoad(trx, {
          bigFile: file.bytes >= TUNE_FROM_BYTES,
          deferDurability: request.deferDurability,
        });
      await createStagingTable(trx, 'stage_upload', columns, types);
      const parseFindings: FindingRow[] = [];
      const rows = await fillStagingTable(
        trx,
        'stage_upload',
        columns,
        stagedCsv(
          request.path,
          detected,
          mapping,
          batchId,
          { profile, template, skipRequired: columnsCoveredByRecordChecks(template) },
          { parse: (f) => parseFindings.push(toFinding(f)), cell: (f) => parseFindings.push(f) },
          typed,
        ),
      );
      reportProgress(batchId, { phase: 'validating', rows });
      // This upload created the batch, so finding numbers are counted here instead of read back.
      await insertFindings(trx, batchId, parseFindings, 1);
      let written = parseFindings.length;
      written += await runRecordChecks(
        trx,
        template,
        { batchId, district: request.district },
        request.schoolYear,
        written + 1,
        rows,
      );
      const store = storeFor(template);
      if (store)
        written += await validateStagedRecords(trx, store, template, {
          district: request.district,
          schoolYear: request.schoolYear,
          batchId,
          firstSeq: written + 1,
          rows,
        });
      const bad =
        written > parseFindings.length ? await rejectedLines(trx, batchId) : fatalLines(parseFindings);
      const fatal = parseFindings.some((f) => f.severity === 'fatal') || bad > 0;
      let summary: Record<string, number> = {};
      if (!fatal && !request.dryRun && committable(template)) {
        reportProgress(batchId, { phase: 'committing', rows });
        const fast =
          template.id === 'student-enrollment' && (await mayInsertWithoutKeyTriggers(database, trx, rows));
        summary = await commitRows(trx, template, batchId, request, rows, fast);
      }
      const status = fatal
        ? 'rejected'
        : request.dryRun || !committable(template)
          ? 'validated'
          : 'committed';
      await finishBatch(trx, batchId, { status, rowsTotal: rows, rowsRejected: bad, summary });
    });
  } catch (e) {
    await finishBatch(db, batchId, {
      status: 'failed',
      rowsTotal: 0,
      rowsRejected: 0,
      summary: {},
      failure: (e as Error).message,
    });
    throw e;
  } finally {
    reportProgress(batchId, null);
  }
  const result = await resultOf(database, request.district, batchId);
  if (request.deferValidation) return result;
  if (result.committed && result.rows >= ANALYZE_AFTER_ROWS)
    await refreshStatistics(db, tablesWrittenBy(result.template ?? ''));
  // Statewide rules re-check what the commit touched, after it is durable (issue 6).
  if (result.committed)
    await recheckCommitted(database, profile, [
      { batchId, district: request.district, schoolYear: request.schoolYear, template: result.template },
    ]);
  return result;
}

/** Rows with a fatal finding among findings made in Node (when the SQL checks found nothing). */
function fatalLines(findings: readonly FindingRow[]): number {
  return new Set(findings.filter((f) => f.severity === 'fatal' && f.line !== null).map((f) => f.line)).size;
}

async function rejectedLines(db: Executor, batchId: number): Promise<number> {
  const r = await db
    .selectFrom('ingestion_finding')
    .select((eb) => eb.fn.count<number>('line').distinct().as('n'))
    .where('batch_id', '=', batchId)
    .where('severity', '=', 'fatal')
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Reads a batch's outcome for a district (undefined when it is not that district's). */
export async function resultOf(database: Database, district: string, batchId: number): Promise<UploadResult> {
  const { batch, findings, counts } = (await batchOutcome(database.db, district, batchId))!;
  return {
    batchId,
    template: batch.templateId,
    district,
    status: batch.status,
    dryRun: batch.dryRun,
    rows: batch.rowsTotal,
    accepted: batch.status === 'rejected' ? 0 : batch.rowsTotal - batch.rowsRejected,
    rejected: batch.rowsRejected,
    committed: batch.status === 'committed',
    summary: batch.summary ?? {},
    failure: batch.failure,
    findingCounts: counts,
    findings,
  };
}

/** Live progress of a batch running in this process, if any. */
export function liveProgress(batchId: number): UploadProgress | undefined {
  return progressOf(batchId);
}
