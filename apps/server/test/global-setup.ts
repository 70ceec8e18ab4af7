/**
 * Once per test project: build a migrated and initialised template database, so each test file gets
 * its own copy in well under a second instead of running initdb and migrations again. Torn down after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.ts';
import { initialize } from '../src/commands/init.ts';
import { repoRoot } from '../src/platform/config.ts';
import { TEST_SCHOOL_YEAR, testPostgresUrl, withDatabaseName } from './test-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    runId: string;
  }
}

const profileDir = resolve(repoRoot, 'profiles/montana');

/** Vitest global setup: returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  project.provide('runId', runId);
  if (project.name === 'db-postgres') {
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    const name = `bitterroot_tpl_${runId}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabaseName(testPostgresUrl(), name);
    const database = await openDatabase(url);
    await initialize(database, profileDir, TEST_SCHOOL_YEAR);
    await database.close();
    project.provide('templateDatabase', url);
    return async () => {
      // Test databases of this run that a crashed file left behind go too.
      const left = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`bitterroot_%${runId}%`],
      );
      for (const row of left.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'bitterroot-tpl-'));
  const database = await openDatabase(dir);
  await initialize(database, profileDir, TEST_SCHOOL_YEAR);
  await database.close();
  project.provide('templateDatabase', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
