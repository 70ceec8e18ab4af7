/**
 * Set-based row checks over the upload staging table `stage_upload s`: each check is one INSERT … SELECT
 * that writes a finding for every failing row (row, column, value, code, severity, message, fix), so a
 * million-row file is checked in a handful of statements, never row by row.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Template } from '@bitterroot/contracts';
import type { Executor } from './database.ts';
import { batchOf, joinFile, type StageFiles } from './stage-files.ts';

/** One set-based check: rows of the staging table `s` that fail, with the finding to write. */
export type RowCheck = {
  code: string;
  column: string | null;
  severity: 'fatal' | 'warning';
  failing: RawBuilder<unknown>;
  message: RawBuilder<unknown> | string;
  fix: string;
};

/**
 * Runs checks over `stage_upload`, numbering findings from `firstSeq`; returns how many were written.
 * All checks run in ONE statement: each check's condition is evaluated once per staged row (in a
 * subquery fenced by OFFSET 0, so the planner cannot copy the conditions into both places), and only
 * rows that fail something go through the LATERAL union that writes the findings. A clean file costs one
 * scan with a few simple predicates per row however many checks a template has.
 *
 * `from` joins `stage_upload s` to what the upload resolved once (ids by hash join), so conditions test
 * resolved columns instead of probing the live tables row by row; conditions may name its aliases, but
 * messages and values see only the staged row `s` (and, in a wave, its file `w`).
 *
 * For a many-file wave (`files` is 'wave', decision 0082) every finding goes to the row's own batch,
 * numbered per file from its `upload_file.next_seq`, which is then moved past what was written.
 */
export async function runRowChecks(
  db: Executor,
  template: Template,
  checks: readonly RowCheck[],
  files: StageFiles,
  firstSeq: number,
  from: RawBuilder<unknown> = sql`stage_upload s`,
): Promise<number> {
  const wave = files === 'wave';
  if (checks.length === 0) return 0;
  const flags = checks.map((c, i) => sql`coalesce((${c.failing}), false) AS ${sql.raw(`fail_${i}`)}`);
  const branches = checks.map((c, i) => {
    const message = typeof c.message === 'string' ? sql`${c.message}::text` : c.message;
    const label = template.columns.find((x) => x.key === c.column)?.label ?? null;
    const value = c.column ? sql`${sql.ref(`s.${c.column}`)}::text` : sql`NULL::text`;
    return sql`SELECT ${i}::int AS ord, ${c.column}::text AS column_key, ${label}::text AS label, ${value} AS value,
      ${c.code}::text AS code, ${c.severity}::text AS severity, (${message})::text AS message, ${c.fix}::text AS fix
      WHERE s.${sql.raw(`fail_${i}`)}`;
  });
  const anyFailing = sql.join(
    checks.map((_, i) => sql.raw(`s.fail_${i}`)),
    sql` OR `,
  );
  const r = await sql`
    INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
    SELECT ${batchOf(files, 's')}, ${wave ? sql.raw('w.next_seq') : sql`${firstSeq}::int`} - 1
             + row_number() OVER (${sql.raw(wave ? 'PARTITION BY s.batch_id ' : '')}ORDER BY f.ord, s.line), s.line, f.column_key, f.label,
           f.value, f.code, f.severity, f.message, f.fix
    FROM (SELECT s.*, ${sql.join(flags)} FROM ${from}${joinFile(files, 's')} OFFSET 0) s${joinFile(files, 's')}
    CROSS JOIN LATERAL (${sql.join(branches, sql` UNION ALL `)}) f
    WHERE ${anyFailing}`.execute(db);
  const written = Number(r.numAffectedRows ?? 0);
  if (wave && written > 0)
    await sql`UPDATE upload_file w SET next_seq = (SELECT max(seq) + 1 FROM ingestion_finding i WHERE i.batch_id = w.batch_id)
      WHERE EXISTS (SELECT 1 FROM ingestion_finding i WHERE i.batch_id = w.batch_id AND i.seq >= w.next_seq)`.execute(
      db,
    );
  return written;
}
