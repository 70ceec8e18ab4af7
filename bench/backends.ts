/**
 * Runs a benchmark on a fresh PostgreSQL database (created and dropped on the given server) and on a fresh
 * embedded PGlite directory, as `--backend postgres|pglite|both` selects. Shared by the load benchmarks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/database.ts';

/** Calls `measure` with a fresh database of each selected backend, cleaning up after each. */
export async function onEachBackend(
  options: { backend?: string; postgres?: string },
  measure: (database: Database) => Promise<void>,
): Promise<void> {
  const backend = options.backend ?? 'both';
  if (backend !== 'pglite') {
    const server = options.postgres ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `bitterroot_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(server);
      u.pathname = `/${name}`;
      const database = await openDatabase(u.toString());
      await measure(database);
      await database.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  if (backend !== 'postgres') {
    const dir = await mkdtemp(join(tmpdir(), 'bitterroot-bench-pglite-'));
    try {
      const database = await openDatabase(dir);
      await measure(database);
      await database.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
