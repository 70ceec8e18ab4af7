/**
 * Versioned, frozen SQL migrations. Each file `NNNN_name.sql` runs once, in its own transaction, in
 * order; its checksum is recorded, and an applied file whose text later changes stops the process
 * (migrations are frozen: change the schema with a new file).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** One migration file. */
export type MigrationFile = { version: number; name: string; text: string; checksum: string };

/** Reads the migration files in version order. */
export async function readMigrations(): Promise<MigrationFile[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((n) => FILE.test(n)).sort();
  return Promise.all(
    names.map(async (file) => {
      const m = FILE.exec(file)!;
      const text = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
      return {
        version: Number(m[1]),
        name: m[2]!,
        text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    }),
  );
}

/** The outcome of migrating. */
export type MigrationOutcome =
  { kind: 'migrated'; applied: number[] } | { kind: 'modified'; version: number; name: string };

/** Applies pending migrations; reports a modified (unfrozen) migration instead of running anything. */
export async function migrateToLatest(db: Kysely<Schema>): Promise<MigrationOutcome> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const files = await readMigrations();
  const applied: number[] = [];
  for (const file of files) {
    const outcome = await db.transaction().execute(async (trx) => {
      // Serialises concurrent migrators (two servers starting at once) on PostgreSQL.
      await sql`SELECT pg_advisory_xact_lock(7275001)`.execute(trx);
      const existing = await trx
        .selectFrom('schema_migration')
        .select(['checksum'])
        .where('version', '=', file.version)
        .executeTakeFirst();
      if (existing) return existing.checksum === file.checksum ? 'present' : 'modified';
      await sql.raw(file.text).execute(trx);
      await trx
        .insertInto('schema_migration')
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      return 'applied';
    });
    if (outcome === 'modified') return { kind: 'modified', version: file.version, name: file.name };
    if (outcome === 'applied') applied.push(file.version);
  }
  return { kind: 'migrated', applied };
}
