/** A fresh database per test file, on the project's backend, copied from the run's template. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { testBackend, testPostgresUrl, withDatabaseName } from './test-env.ts';

let counter = 0;

/** A test database and how to drop it. */
export type TestDatabase = Database & { drop: () => Promise<void> };

/**
 * Creates a database for one test file: initialised (migrations, Montana profile, organisation for
 * 2026) unless `empty` is set, in which case nothing is in it at all.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const runId = inject('runId');
  if (testBackend() === 'postgres') {
    const name = `bitterroot_t_${runId}_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    try {
      const tpl = new URL(template).pathname.slice(1);
      await admin.query(
        options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${tpl}`,
      );
    } finally {
      await admin.end();
    }
    const database = await openDatabase(withDatabaseName(testPostgresUrl(), name));
    return {
      ...database,
      drop: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: testPostgresUrl() });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'bitterroot-test-'));
  if (!options.empty) await cp(template, dir, { recursive: true });
  const database = await openDatabase(dir);
  return {
    ...database,
    drop: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
