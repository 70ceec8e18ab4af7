/** Staging tables: all-text copies of file rows, loaded by COPY, dropped at commit (ARCHITECTURE §4). */
import { sql } from 'kysely';
import { copyInto, type Executor } from '../../db/database.ts';
import type { CopySource } from '../../db/copy-protocol.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
}

/**
 * Session settings for one bulk transaction: enough sort and hash memory that joins over a few hundred
 * thousand staged rows stay in memory, and no JIT (its compile time outweighs these one-pass statements).
 */
export async function tuneForBulkLoad(trx: Executor): Promise<void> {
  await sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`.execute(trx);
}

/** Creates a temporary all-text staging table that disappears when the transaction ends. */
export async function createStagingTable(
  trx: Executor,
  table: string,
  columns: readonly string[],
  types: Record<string, 'integer'> = {},
): Promise<void> {
  const cols = columns.map((c) => `${ident(c)} ${types[c] ?? 'text'}`).join(', ');
  await sql.raw(`CREATE TEMP TABLE ${ident(table)} (${cols}) ON COMMIT DROP`).execute(trx);
}

/** COPYs CSV chunks into a staging table; returns the row count. */
export async function fillStagingTable(
  trx: Executor,
  table: string,
  columns: readonly string[],
  source: CopySource,
): Promise<number> {
  const rows = await copyInto(trx, ident(table), columns, source);
  // Temp tables are never auto-analysed; without statistics the planner picks nested loops over
  // hundreds of thousands of rows.
  await sql.raw(`ANALYZE ${ident(table)}`).execute(trx);
  return rows;
}

/**
 * Runs a bulk load the way pg_restore does: the table's foreign keys and secondary indexes are dropped,
 * the load runs, then the indexes are rebuilt in one sorted pass and re-adding the keys validates every
 * row in one anti-join, instead of a trigger and an index insert per row. Inside the caller's
 * transaction, so a failed check rolls the whole load back. Takes an exclusive lock on the table: for
 * conversion loads, not for routine uploads.
 */
export async function withDeferredKeysAndIndexes<T>(
  trx: Executor,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const keys = await sql<{ name: string; definition: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE conrelid = ${ident(table)}::regclass AND contype = 'f' ORDER BY conname`.execute(trx);
  // Plain indexes only: those backing a primary key or unique constraint stay, so duplicates still fail fast.
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = ${ident(table)}::regclass AND NOT i.indisprimary AND NOT i.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname`.execute(trx);
  for (const k of keys.rows)
    await sql.raw(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(k.name)}`).execute(trx);
  for (const i of indexes.rows) await sql.raw(`DROP INDEX ${ident(i.name)}`).execute(trx);
  const result = await load();
  for (const i of indexes.rows) await sql.raw(i.definition).execute(trx);
  for (const k of keys.rows)
    await sql.raw(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition}`).execute(trx);
  return result;
}
