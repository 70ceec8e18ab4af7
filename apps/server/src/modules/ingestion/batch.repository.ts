/** Upload batches and their findings. */
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';

/** Lifecycle of a batch (ARCHITECTURE §4): in-flight statuses first, final ones after. */
export type BatchStatus =
  'received' | 'parsing' | 'validating' | 'committing' | 'validated' | 'rejected' | 'committed' | 'failed';

/** A batch as stored. */
export type BatchRow = {
  id: number;
  districtNumber: string;
  schoolYear: number;
  templateId: string | null;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  dryRun: boolean;
  status: BatchStatus;
  rowsTotal: number;
  rowsRejected: number;
  fatalCount: number;
  warningCount: number;
  summary: Record<string, number> | null;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** A finding as stored and shown. */
export type FindingRow = {
  line: number | null;
  column: string | null;
  field: string | null;
  value: string | null;
  code: string;
  severity: 'fatal' | 'warning' | 'info';
  message: string;
  fix: string;
};

/** Creates a batch in status `received` (without waiting for the disk with `deferDurability`); returns its id. */
export async function createBatch(
  db: Executor,
  b: {
    districtNumber: string;
    schoolYear: number;
    fileName: string;
    fileSha256: string;
    fileBytes: number;
    dryRun: boolean;
    /** Known before the batch is created when the file was recognised first (saves an UPDATE). */
    templateId?: string;
    status?: BatchStatus;
  },
  deferDurability = false,
): Promise<number> {
  if (deferDurability)
    // Its own short transaction that does not wait for the disk (decision 0069); still visible to the
    // sweeper at once, so a killed import leaves its batch to be marked failed.
    return await db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('synchronous_commit', 'off', true)`.execute(trx);
      return await createBatch(trx, b);
    });
  const row = await db
    .insertInto('ingestion_batch')
    .values({
      district_number: b.districtNumber,
      school_year: b.schoolYear,
      file_name: b.fileName,
      file_sha256: b.fileSha256,
      file_bytes: b.fileBytes,
      dry_run: b.dryRun,
      status: b.status ?? 'received',
      ...(b.templateId ? { template_id: b.templateId } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Moves a batch to a status and refreshes its heartbeat. */
export async function setBatchStatus(
  db: Executor,
  id: number,
  status: BatchStatus,
  templateId?: string,
): Promise<void> {
  await db
    .updateTable('ingestion_batch')
    .set({ status, heartbeat_at: sql<string>`now()`, ...(templateId ? { template_id: templateId } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Records the final outcome of a batch. */
export async function finishBatch(
  db: Executor,
  id: number,
  outcome: {
    status: BatchStatus;
    rowsTotal: number;
    rowsRejected: number;
    summary: Record<string, number>;
    failure?: string;
  },
): Promise<void> {
  await sql`
    UPDATE ingestion_batch SET status = ${outcome.status}, rows_total = ${outcome.rowsTotal}, rows_rejected = ${outcome.rowsRejected},
      summary = ${JSON.stringify(outcome.summary)}::jsonb, failure = ${outcome.failure ?? null},
      fatal_count = (SELECT count(*) FROM ingestion_finding WHERE batch_id = ${id} AND severity = 'fatal'),
      warning_count = (SELECT count(*) FROM ingestion_finding WHERE batch_id = ${id} AND severity = 'warning'),
      finished_at = now(), heartbeat_at = now()
    WHERE id = ${id}`.execute(db);
}

/**
 * Stores findings produced in JS (structural problems found while parsing), numbered after existing ones
 * (from `firstSeq` when the caller knows it: a batch created by the same upload has none yet).
 */
export async function insertFindings(
  db: Executor,
  batchId: number,
  findings: FindingRow[],
  firstSeq?: number,
): Promise<void> {
  if (findings.length === 0) return;
  const base = firstSeq ?? (await nextSeq(db, batchId));
  for (let i = 0; i < findings.length; i += 1000) {
    await db
      .insertInto('ingestion_finding')
      .values(
        findings.slice(i, i + 1000).map((f, j) => ({
          batch_id: batchId,
          seq: base + i + j,
          line: f.line,
          column_key: f.column,
          field_label: f.field,
          value: f.value,
          code: f.code,
          severity: f.severity,
          message: f.message,
          fix: f.fix,
        })),
      )
      .execute();
  }
}

/**
 * Makes every commit made so far durable: a commit that waits for the flush of the write-ahead log
 * flushes everything written before it, including the commits that did not wait (decision 0069).
 */
export async function makeCommitsDurable(db: Executor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // An xid makes this transaction write a commit record, whose flush is what is waited for.
    await sql`SELECT set_config('synchronous_commit', 'on', true), txid_current()`.execute(trx);
  });
}

/** The next free finding number of a batch. */
export async function nextSeq(db: Executor, batchId: number): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT coalesce(max(seq), 0) + 1 AS n FROM ingestion_finding WHERE batch_id = ${batchId}`.execute(db);
  return r.rows[0]!.n;
}

/** One batch of a district, or undefined (a batch of another district is never returned). */
export async function findBatch(
  db: Executor,
  districtNumber: string,
  id: number,
): Promise<BatchRow | undefined> {
  const r = await db
    .selectFrom('ingestion_batch')
    .selectAll()
    .where('id', '=', id)
    .where('district_number', '=', districtNumber)
    .executeTakeFirst();
  return r ? batchRowOf(r) : undefined;
}

type StoredBatch = Selectable<Schema['ingestion_batch']>;

function batchRowOf(r: StoredBatch): BatchRow {
  return {
    id: r.id,
    districtNumber: r.district_number,
    schoolYear: r.school_year,
    templateId: r.template_id,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileBytes: r.file_bytes,
    dryRun: r.dry_run,
    status: r.status as BatchStatus,
    rowsTotal: r.rows_total,
    rowsRejected: r.rows_rejected,
    fatalCount: r.fatal_count,
    warningCount: r.warning_count,
    summary: r.summary as Record<string, number> | null,
    failure: r.failure,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** A stored finding as the outcome query returns it. */
type StoredFinding = {
  line: number | null;
  column_key: string | null;
  field_label: string | null;
  value: string | null;
  code: string;
  severity: string;
  message: string;
  fix: string;
};

/**
 * A batch of a district with its findings (row order, at most `limit`) and their counts by code, in ONE
 * statement: what every upload reads back when it ends (undefined for another district's batch).
 */
export async function batchOutcome(
  db: Executor,
  districtNumber: string,
  id: number,
  limit = 100_000,
): Promise<
  | { batch: BatchRow; findings: FindingRow[]; counts: { code: string; severity: string; count: number }[] }
  | undefined
> {
  const r = await sql<
    StoredBatch & { findings: StoredFinding[]; counts: { code: string; severity: string; count: number }[] }
  >`
    SELECT b.*,
      coalesce((SELECT json_agg(f ORDER BY f.line, f.seq) FROM (SELECT seq, line, column_key, field_label, value, code, severity, message, fix
        FROM ingestion_finding WHERE batch_id = b.id ORDER BY line, seq LIMIT ${limit}::int) f), '[]') AS findings,
      coalesce((SELECT json_agg(c ORDER BY c.count DESC, c.code) FROM (SELECT code, severity, count(*)::int AS count FROM ingestion_finding
        WHERE batch_id = b.id GROUP BY code, severity ORDER BY count(*) DESC, code) c), '[]') AS counts
    FROM ingestion_batch b WHERE b.id = ${id} AND b.district_number = ${districtNumber}`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { findings, counts, ...batch } = row;
  return {
    batch: batchRowOf(batch as StoredBatch),
    findings: findings.map((f) => ({
      line: f.line,
      column: f.column_key,
      field: f.field_label,
      value: f.value,
      code: f.code,
      severity: f.severity as FindingRow['severity'],
      message: f.message,
      fix: f.fix,
    })),
    counts,
  };
}

/** A batch's findings in row order. */
export async function listFindings(db: Executor, batchId: number, limit = 100_000): Promise<FindingRow[]> {
  const rows = await db
    .selectFrom('ingestion_finding')
    .select(['line', 'column_key', 'field_label', 'value', 'code', 'severity', 'message', 'fix'])
    .where('batch_id', '=', batchId)
    .orderBy('line')
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    line: r.line,
    column: r.column_key,
    field: r.field_label,
    value: r.value,
    code: r.code,
    severity: r.severity as FindingRow['severity'],
    message: r.message,
    fix: r.fix,
  }));
}

/** Findings counted by code, most frequent first. */
export async function findingSummary(
  db: Executor,
  batchId: number,
): Promise<{ code: string; severity: string; count: number }[]> {
  const r = await sql<{ code: string; severity: string; count: number }>`
    SELECT code, severity, count(*) AS count FROM ingestion_finding WHERE batch_id = ${batchId}
    GROUP BY code, severity ORDER BY count(*) DESC, code`.execute(db);
  return r.rows;
}

/** Marks batches whose process stopped mid-way as failed (their live-table changes never committed). */
export async function sweepInterruptedBatches(db: Executor, staleSeconds: number): Promise<number> {
  const r = await sql`
    UPDATE ingestion_batch SET status = 'failed', finished_at = now(),
      failure = 'interrupted: the import stopped before it finished; nothing was committed. Upload the file again.'
    WHERE status IN ('received', 'parsing', 'validating', 'committing')
      AND heartbeat_at < now() - make_interval(secs => ${staleSeconds})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** The state IDs a Student Demographic batch issued, with local ID and name, for the result file. */
export async function newStateIds(
  db: Executor,
  batchId: number,
): Promise<{ localId: string | null; lastName: string; firstName: string; stateId: string }[]> {
  const r = await sql<{ local_id: string | null; last_name: string; first_name: string; state_id: string }>`
    SELECT n.local_id, s.last_name, s.first_name, s.state_id FROM ingestion_new_state_id n JOIN student s ON s.id = n.student_id
    WHERE n.batch_id = ${batchId} ORDER BY n.line`.execute(db);
  return r.rows.map((x) => ({
    localId: x.local_id,
    lastName: x.last_name,
    firstName: x.first_name,
    stateId: x.state_id,
  }));
}
