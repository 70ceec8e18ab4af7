/**
 * Batch bookkeeping of a many-file wave (decision 0082) in one statement per step for all its files:
 * the batches created, the parse findings stored, the file list `upload_file` the checks number findings
 * by, each file's fatal lines, and the batches finished. Each file keeps its own batch row and findings.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { BatchStatus, FindingRow } from './batch.repository.ts';

/** A file of a wave as its batch is created. */
export type WaveBatch = {
  districtNumber: string;
  schoolYear: number;
  templateId: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  dryRun: boolean;
};

/**
 * Creates the files' batches (status `parsing`) in one short transaction that does not wait for the disk
 * (decision 0069); returns their ids in the order given.
 */
export async function createBatches(db: Executor, batches: readonly WaveBatch[]): Promise<number[]> {
  const payload = JSON.stringify(batches.map((b, ord) => ({ ...b, ord })));
  return await db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('synchronous_commit', 'off', true)`.execute(trx);
    const r = await sql<{ id: number }>`
      INSERT INTO ingestion_batch (district_number, school_year, template_id, file_name, file_sha256, file_bytes, dry_run, status)
      SELECT b."districtNumber", b."schoolYear", b."templateId", b."fileName", b."fileSha256", b."fileBytes", b."dryRun", 'parsing'
      FROM jsonb_to_recordset(${payload}::jsonb) AS b("districtNumber" text, "schoolYear" int, "templateId" text, "fileName" text,
        "fileSha256" text, "fileBytes" bigint, "dryRun" boolean, ord int)
      ORDER BY b.ord RETURNING id`.execute(trx);
    // Ids come from one sequence in insert order: ascending ids are the files in the order given.
    return r.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
  });
}

/** Stores the files' parse findings, numbered from 1 per file (their batches are new). */
export async function insertParseFindings(
  db: Executor,
  findings: ReadonlyMap<number, readonly FindingRow[]>,
): Promise<void> {
  const rows = [...findings].flatMap(([batchId, list]) =>
    list.map((f, i) => ({ ...f, batchId, seq: i + 1 })),
  );
  if (rows.length === 0) return;
  await sql`
    INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
    SELECT f."batchId", f.seq, f.line, f.column, f.field, f.value, f.code, f.severity, f.message, f.fix
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS f("batchId" bigint, seq int, line int, "column" text, field text,
      value text, code text, severity text, message text, fix text)`.execute(db);
}

/** Creates `upload_file` (dropped at commit): each file's batch, district and next finding number. */
export async function createUploadFiles(
  db: Executor,
  files: readonly { batchId: number; district: string; nextSeq: number }[],
): Promise<void> {
  await sql`CREATE TEMP TABLE upload_file ON COMMIT DROP AS
    SELECT f."batchId" AS batch_id, f.district, f."nextSeq" AS next_seq
    FROM jsonb_to_recordset(${JSON.stringify(files)}::jsonb) AS f("batchId" bigint, district text, "nextSeq" int)`.execute(
    db,
  );
}

/** Per file: whether it has a fatal finding, and how many distinct lines do. */
export async function fatalLinesPerFile(
  db: Executor,
  batchIds: readonly number[],
): Promise<Map<number, { fatal: boolean; lines: number }>> {
  const r = await sql<{ batch_id: number; fatal: number; lines: number }>`
    SELECT batch_id, count(*)::int AS fatal, count(DISTINCT line)::int AS lines FROM ingestion_finding
    WHERE batch_id = ANY(${batchIds}::bigint[]) AND severity = 'fatal' GROUP BY batch_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.batch_id), { fatal: x.fatal > 0, lines: x.lines }]));
}

/** Staged rows per file. */
export async function stagedRowsPerFile(db: Executor): Promise<Map<number, number>> {
  const r = await sql<{ batch_id: number; n: number }>`
    SELECT batch_id, count(*)::int AS n FROM stage_upload GROUP BY batch_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.batch_id), x.n]));
}

/** Drops the staged rows (and what was resolved from them) of files that do not commit. */
export async function dropFiles(
  db: Executor,
  batchIds: readonly number[],
  resolved: string[],
): Promise<void> {
  if (batchIds.length === 0) return;
  for (const table of ['stage_upload', 'upload_file', ...resolved])
    await sql`DELETE FROM ${sql.table(table)} WHERE batch_id = ANY(${batchIds}::bigint[])`.execute(db);
}

/** A file's final outcome. */
export type WaveOutcome = {
  batchId: number;
  status: BatchStatus;
  rowsTotal: number;
  rowsRejected: number;
  summary: Record<string, number>;
  failure?: string;
};

/** Records every file's final outcome and finding counts, as finishBatch does for one. */
export async function finishBatches(db: Executor, outcomes: readonly WaveOutcome[]): Promise<void> {
  await sql`
    UPDATE ingestion_batch b SET status = o.status, rows_total = o."rowsTotal", rows_rejected = o."rowsRejected",
      summary = o.summary, failure = o.failure,
      fatal_count = (SELECT count(*) FROM ingestion_finding WHERE batch_id = b.id AND severity = 'fatal'),
      warning_count = (SELECT count(*) FROM ingestion_finding WHERE batch_id = b.id AND severity = 'warning'),
      finished_at = now(), heartbeat_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS o("batchId" bigint, status text, "rowsTotal" int,
      "rowsRejected" int, summary jsonb, failure text)
    WHERE b.id = o."batchId"`.execute(db);
}
