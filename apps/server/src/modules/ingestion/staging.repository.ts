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
 * Settings for one bulk transaction: for a big file, enough sort and hash memory that joins over a few
 * hundred thousand staged rows stay in memory, and no JIT (its compile time outweighs these one-pass
 * statements); with `deferDurability`, a commit that does not wait for its flush (decision 0069).
 */
export async function tuneForBulkLoad(
  trx: Executor,
  options: { bigFile?: boolean; deferDurability?: boolean | undefined } = {},
): Promise<void> {
  const { bigFile = true, deferDurability = false } = options;
  // One statement whatever is asked: each round trip counts when thousands of small files run.
  await sql`SELECT set_config('work_mem', CASE WHEN ${bigFile}::boolean THEN '256MB' ELSE current_setting('work_mem') END, true),
    set_config('jit', CASE WHEN ${bigFile}::boolean THEN 'off' ELSE current_setting('jit') END, true),
    set_config('synchronous_commit', CASE WHEN ${deferDurability}::boolean THEN 'off' ELSE current_setting('synchronous_commit') END, true)`.execute(
    trx,
  );
}

/** Creates a temporary all-text staging table that disappears when the transaction ends. */
export async function createStagingTable(
  trx: Executor,
  table: string,
  columns: readonly string[],
  types: Record<string, 'integer' | 'bigint' | 'date' | 'boolean' | 'text'> = {},
): Promise<void> {
  const cols = columns.map((c) => `${ident(c)} ${types[c] ?? 'text'}`).join(', ');
  await sql.raw(`CREATE TEMP TABLE ${ident(table)} (${cols}) ON COMMIT DROP`).execute(trx);
}

/** Staged files at least this large get planner statistics before they are joined. */
const ANALYZE_STAGING_FROM_ROWS = 1000;

/** COPYs CSV chunks into a staging table; returns the row count. */
export async function fillStagingTable(
  trx: Executor,
  table: string,
  columns: readonly string[],
  source: CopySource,
): Promise<number> {
  const rows = await copyInto(trx, ident(table), columns, source);
  // Temp tables are never auto-analysed; without statistics the planner picks nested loops over
  // hundreds of thousands of rows. The row count is what it lacks (joins are by typed keys), so only the
  // first column is analysed, and small files skip it: for them the page-count estimate is right.
  if (rows >= ANALYZE_STAGING_FROM_ROWS)
    await sql.raw(`ANALYZE ${ident(table)} (${ident(columns[0]!)})`).execute(trx);
  return rows;
}

/** What withDeferredKeysAndIndexes drops for the load; foreign keys always. */
export type Deferred = {
  /**
   * Plain secondary indexes: all (default), none, or those named. Rebuilding wins when the load adds
   * more rows than the table holds, or when rows arrive in an order random to the index.
   */
  indexes?: boolean | readonly string[];
  /**
   * Unique constraints and indexes, and the primary key, unless another table's foreign key hangs on
   * them (default false). For loads that use no ON CONFLICT meanwhile: re-adding them still checks for
   * duplicates, in one sorted pass, where keeping them costs a uniqueness probe per row.
   */
  unique?: boolean;
};

type Definition = { name: string; definition: string };

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
  defer: Deferred = {},
): Promise<T> {
  const { indexes = true, unique = false } = defer;
  const constraints = await sql<Definition & { kind: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS kind FROM pg_constraint c
    WHERE conrelid = ${ident(table)}::regclass
      AND (contype = 'f' OR (contype IN ('p', 'u') AND ${unique}::boolean
        AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.conindid = c.conindid)))
    ORDER BY contype, conname`.execute(trx);
  // Indexes backing a constraint (primary key, unique, another table's foreign key) are left alone.
  const found = await sql<Definition & { unique: boolean }>`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisunique AS unique
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = ${ident(table)}::regclass AND NOT i.indisprimary
      AND (CASE WHEN i.indisunique THEN ${unique}::boolean ELSE ${indexes !== false}::boolean END)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname`.execute(trx);
  for (const k of constraints.rows)
    await sql.raw(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(k.name)}`).execute(trx);
  const plainIndexes = found.rows.filter(
    (i) => i.unique || !Array.isArray(indexes) || indexes.includes(i.name),
  );
  for (const i of plainIndexes) await sql.raw(`DROP INDEX ${ident(i.name)}`).execute(trx);
  const result = await load();
  for (const i of plainIndexes) await sql.raw(i.definition).execute(trx);
  // Primary key and unique constraints before the foreign keys, which may need them.
  const readd = ['p', 'u', 'f'].flatMap((kind) => constraints.rows.filter((k) => k.kind === kind));
  for (const k of readd)
    await sql.raw(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition}`).execute(trx);
  return result;
}
