/**
 * Planner statistics after large writes. The embedded database has no autovacuum, and on PostgreSQL the
 * autovacuum daemon analyses a table only some time after a big commit: until then the planner believes a
 * freshly filled table is empty and picks nested loops that turn seconds into minutes (seen on the
 * statewide rules right after a district's first large upload).
 */
import { sql } from 'kysely';
import type { Executor } from './database.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Runs ANALYZE on the given tables (sampled: a few hundred milliseconds even for large tables). */
export async function refreshStatistics(db: Executor, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (!IDENT.test(table)) throw new Error(`unsafe identifier ${table}`);
    await sql.raw(`ANALYZE ${table}`).execute(db);
  }
}
