/** The students committed uploads wrote, for the re-check after them (upload-revalidation.ts). */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { STUDENT_RECORD_TABLES } from '../../db/student-tables.ts';

const STUDENT_TABLES = new Set<string>(['enrollment', ...STUDENT_RECORD_TABLES]);

/**
 * The distinct students written by some batches, and which of those batches wrote any, in ONE statement:
 * each table is read once for all its batches (an array of batch IDs), not once per batch.
 */
export async function studentsWrittenBy(
  db: Executor,
  batches: readonly { batchId: number; tables: readonly string[] }[],
): Promise<{ ids: number[]; batches: number[] }> {
  const byTable = new Map<string, number[]>();
  for (const b of batches)
    for (const t of b.tables.filter((x) => STUDENT_TABLES.has(x)))
      byTable.set(t, [...(byTable.get(t) ?? []), b.batchId]);
  if (byTable.size === 0) return { ids: [], batches: [] };
  const parts = [...byTable].map(
    ([t, ids]) =>
      sql`SELECT DISTINCT batch_id, student_id FROM ${sql.table(t)} WHERE batch_id = ANY(${ids}::bigint[])`,
  );
  const r = await sql<{ ids: string[] | null; batches: string[] | null }>`
    WITH w AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT (SELECT array_agg(DISTINCT student_id) FROM w) AS ids, (SELECT array_agg(DISTINCT batch_id) FROM w) AS batches`.execute(
    db,
  );
  const row = r.rows[0];
  return { ids: (row?.ids ?? []).map(Number), batches: (row?.batches ?? []).map(Number) };
}
