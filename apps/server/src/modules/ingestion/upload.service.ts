/**
 * The one upload pipeline (ARCHITECTURE §4), used by the CLI, the API and the web app: receive → parse →
 * stage (COPY) → validate (set-based) → commit in ONE transaction, or nothing. Dry-run stops before the
 * commit and keeps only the batch and its findings. A killed process leaves the live tables untouched;
 * the sweeper marks its batch failed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database, Executor } from '../../db/database.ts';
import { templateByRecordType } from '../profile/profile.lookup.ts';
import { detectFile, matchHeader, type DetectedFile, type ParseFinding } from './parsers/index.ts';
import { createStagingTable, fillStagingTable, tuneForBulkLoad } from './staging.repository.ts';
import {
  createBatch,
  findBatch,
  findingSummary,
  finishBatch,
  insertFindings,
  listFindings,
  nextSeq,
  setBatchStatus,
  sweepInterruptedBatches,
  type BatchRow,
  type FindingRow,
} from './batch.repository.ts';
import { stagedCsv } from './upload-staging.ts';
import { columnsCoveredByRecordChecks, runRecordChecks } from './record-checks.repository.ts';
import {
  applyFuzzyDecisions,
  commitEnrollments,
  issueIdsAndLink,
  resolveDemographics,
} from './upload-merge.repository.ts';
import { fuzzyDecisions } from './identity-matching.ts';
import type { MatchSettings } from '@bitterroot/core';
import { progressOf, reportProgress, type UploadProgress } from './upload-progress.ts';
import {
  commitStagedRecords,
  storeFor,
  validateStagedRecords,
} from '../student-records/student-records.service.ts';
import { acceptEmptySubmission } from './empty-submission.ts';
import { refreshStatistics } from '../../db/statistics.ts';
import { recordStoreOf } from '../student-records/record-stores.ts';
import { revalidateUpload } from '../validation/validation.service.ts';

/** Uploads this large refresh the planner statistics of what they wrote before anything reads it. */
const ANALYZE_AFTER_ROWS = 5000;

/** The live tables a template's commit writes. */
function tablesWrittenBy(templateId: string): string[] {
  if (templateId === 'student-demographics') return ['student', 'student_district'];
  if (templateId === 'student-enrollment') return ['enrollment'];
  const store = recordStoreOf(templateId);
  return store ? [store.table] : [];
}

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

function toFinding(f: ParseFinding): FindingRow {
  return {
    line: f.line,
    column: f.column,
    field: f.column,
    value: null,
    code: f.code,
    severity: f.severity,
    message: f.message,
    fix: f.fix,
  };
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), bytes: (await stat(path)).size };
}

function chooseTemplate(
  profile: Profile,
  detected: DetectedFile,
  requested?: string,
): Template | ParseFinding {
  if (requested) {
    const t = profile.templates.find((x) => x.id === requested);
    if (t) return t;
    return {
      line: null,
      column: null,
      code: 'FILE-TEMPLATE',
      severity: 'fatal',
      message: `Unknown template ${requested}`,
      fix: `Use one of: ${profile.templates.map((x) => x.id).join(', ')}.`,
    };
  }
  const byType = detected.recordType ? templateByRecordType(profile, detected.recordType) : undefined;
  if (byType) return byType;
  return {
    line: null,
    column: null,
    code: 'FILE-TEMPLATE',
    severity: 'fatal',
    message: detected.recordType
      ? `Record type ${detected.recordType} is not a template of this state`
      : 'The file does not say which template it is',
    fix: `Start each row with its record type (${profile.templates.map((x) => x.recordType).join(', ')}) or choose the template explicitly.`,
  };
}

/** Maps file cells to template columns: positional for Montana HD files, by header name otherwise. */
function columnMapping(template: Template, detected: DetectedFile): (number | null)[] | ParseFinding {
  if (!detected.headerNames) return template.columns.map((_, i) => i);
  const m = matchHeader(detected.headerNames, template.columns);
  return 'mapping' in m ? m.mapping : m;
}

async function commitRows(
  trx: Executor,
  template: Template,
  batchId: number,
  request: UploadRequest,
  rows: number,
): Promise<Record<string, number>> {
  const store = storeFor(template);
  if (store)
    return await commitStagedRecords(trx, store, template, {
      district: request.district,
      schoolYear: request.schoolYear,
      batchId,
      rows,
    });
  if (template.id === 'student-enrollment')
    return await commitEnrollments(trx, template, batchId, request.district, request.schoolYear);
  if (template.id !== 'student-demographics') return {};
  const { updated } = await resolveDemographics(trx, request.district);
  if (request.matching) {
    const decisions = await fuzzyDecisions(trx, request.matching);
    await applyFuzzyDecisions(trx, batchId, request.district, decisions, await nextSeq(trx, batchId));
  }
  const rest = await issueIdsAndLink(trx, batchId, request.district);
  return { updated, ...rest, held: await heldCount(trx, batchId) };
}

async function heldCount(db: Executor, batchId: number): Promise<number> {
  const r = await db
    .selectFrom('identity_review')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return r.n;
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
  const batchId = await createBatch(db, {
    districtNumber: request.district,
    schoolYear: request.schoolYear,
    fileName: request.fileName,
    fileSha256: file.sha256,
    fileBytes: file.bytes,
    dryRun: request.dryRun,
  });
  reportProgress(batchId, { phase: 'received', rows: 0 });
  onBatch(batchId);
  try {
    const detected = await detectFile(request.path);
    const template = 'format' in detected ? chooseTemplate(profile, detected, request.templateId) : detected;
    const mapping = 'format' in detected && 'columns' in template ? columnMapping(template, detected) : null;
    if (!('format' in detected) && (await acceptEmptySubmission(db, profile, request, batchId, detected)))
      return await resultOf(database, request.district, batchId);
    if (!('format' in detected) || !('columns' in template) || !Array.isArray(mapping)) {
      const problem = [detected, template, mapping].find(
        (x): x is ParseFinding => x !== null && typeof x === 'object' && 'code' in x,
      )!;
      await insertFindings(db, batchId, [toFinding(problem)]);
      await finishBatch(db, batchId, { status: 'rejected', rowsTotal: 0, rowsRejected: 0, summary: {} });
      return await resultOf(database, request.district, batchId);
    }
    await setBatchStatus(db, batchId, 'parsing', template.id);
    await db.transaction().execute(async (trx) => {
      await tuneForBulkLoad(trx);
      const keys = template.columns.map((c) => c.key);
      await createStagingTable(trx, 'stage_upload', ['line', ...keys], { line: 'integer' });
      const parseFindings: FindingRow[] = [];
      const rows = await fillStagingTable(
        trx,
        'stage_upload',
        ['line', ...keys],
        stagedCsv(
          request.path,
          detected,
          mapping,
          batchId,
          { profile, template, skipRequired: columnsCoveredByRecordChecks(template) },
          { parse: (f) => parseFindings.push(toFinding(f)), cell: (f) => parseFindings.push(f) },
        ),
      );
      reportProgress(batchId, { phase: 'validating', rows });
      await insertFindings(trx, batchId, parseFindings);
      await runRecordChecks(
        trx,
        template,
        request.district,
        request.schoolYear,
        batchId,
        await nextSeq(trx, batchId),
      );
      const store = storeFor(template);
      if (store)
        await validateStagedRecords(trx, store, template, {
          district: request.district,
          schoolYear: request.schoolYear,
          batchId,
          firstSeq: await nextSeq(trx, batchId),
        });
      const bad = await rejectedLines(trx, batchId);
      const fatal = parseFindings.some((f) => f.severity === 'fatal') || bad > 0;
      let summary: Record<string, number> = {};
      if (!fatal && !request.dryRun && committable(template)) {
        reportProgress(batchId, { phase: 'committing', rows });
        summary = await commitRows(trx, template, batchId, request, rows);
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
  if (result.committed && result.rows >= ANALYZE_AFTER_ROWS)
    await refreshStatistics(db, tablesWrittenBy(result.template ?? ''));
  // Statewide rules re-check what the commit touched, after it is durable (issue 6).
  if (result.committed)
    await revalidateUpload(database, profile, request.schoolYear, request.district, batchId, result.template);
  return result;
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
  const batch = (await findBatch(database.db, district, batchId))!;
  const findings = await listFindings(database.db, batchId);
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
    findingCounts: await findingSummary(database.db, batchId),
    findings,
  };
}

/** Live progress of a batch running in this process, if any. */
export function liveProgress(batchId: number): UploadProgress | undefined {
  return progressOf(batchId);
}
