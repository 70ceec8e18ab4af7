/**
 * Set-based row checks over the upload staging table `stage_upload s`: each check is one INSERT … SELECT
 * that writes a finding for every failing row (row, column, value, code, severity, message, fix), so a
 * million-row file is checked in a handful of statements, never row by row.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Template } from '@bitterroot/contracts';
import type { Executor } from './database.ts';

/** One set-based check: rows of the staging table `s` that fail, with the finding to write. */
export type RowCheck = {
  code: string;
  column: string | null;
  severity: 'fatal' | 'warning';
  failing: RawBuilder<unknown>;
  message: RawBuilder<unknown> | string;
  fix: string;
};

/** Runs checks over `stage_upload`, numbering findings from `firstSeq`; returns how many were written. */
export async function runRowChecks(
  db: Executor,
  template: Template,
  checks: readonly RowCheck[],
  batchId: number,
  firstSeq: number,
): Promise<number> {
  let seq = firstSeq;
  for (const c of checks) {
    const message = typeof c.message === 'string' ? sql`${c.message}::text` : c.message;
    const r = await sql`
      INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
      SELECT ${batchId}::bigint, ${seq}::int - 1 + row_number() OVER (ORDER BY s.line), s.line, ${c.column}::text,
             ${template.columns.find((x) => x.key === c.column)?.label ?? null}::text,
             ${c.column ? sql`${sql.ref(`s.${c.column}`)}::text` : sql`NULL::text`}, ${c.code}, ${c.severity}, ${message}, ${c.fix}
      FROM stage_upload s WHERE ${c.failing}`.execute(db);
    seq += Number(r.numAffectedRows ?? 0);
  }
  return seq - firstSeq;
}
