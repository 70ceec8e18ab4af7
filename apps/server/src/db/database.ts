/**
 * One data layer, two databases: PostgreSQL (a `postgres://` URL) for production and PGlite on disk
 * (a directory) as the embedded default. Same migrations, same repositories, same type parsing.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from './schema.ts';
import { postgresDialect } from './postgres-driver.ts';
import { pgliteWorkerDialect } from './pglite-driver.ts';
import { registerCopySource, type CopySource } from './copy-protocol.ts';

/** Which database a target names. */
export type DatabaseKind = 'postgres' | 'pglite';

/** An open database: the Kysely handle plus what differs by backend. */
export type Database = {
  kind: DatabaseKind;
  /** Where it is, for messages: the URL without its password, or the data directory. */
  location: string;
  db: Kysely<Schema>;
  close(): Promise<void>;
};

/** A query executor: the database or a transaction on it. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

/** True when a target names a PostgreSQL server rather than an embedded data directory. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Hides the password of a connection URL. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Opens a database by target (URL or directory). Fails fast when it cannot be reached. */
export async function openDatabase(target: string): Promise<Database> {
  if (isPostgresUrl(target)) {
    const { dialect } = postgresDialect(target);
    const db = new Kysely<Schema>({ dialect });
    const database: Database = {
      kind: 'postgres',
      location: redactUrl(target),
      db,
      close: () => db.destroy(),
    };
    try {
      await sql`select 1`.execute(db);
    } catch (e) {
      await db.destroy().catch(() => undefined);
      throw e;
    }
    return database;
  }
  await mkdir(target, { recursive: true });
  const db = new Kysely<Schema>({ dialect: pgliteWorkerDialect(target) });
  await sql`select 1`.execute(db);
  return { kind: 'pglite', location: target, db, close: () => db.destroy() };
}

/** Quotes an identifier for SQL text (table and column names in COPY). */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** COPY input formats: CSV, or PostgreSQL's text format (tab-separated, `\N` for NULL). */
export type CopyFormat = 'csv' | 'text';

/**
 * Bulk-loads text into a table with COPY on either database, inside the caller's transaction when
 * given one. `source` yields chunks (no header) in `format` whose columns match `columns`.
 */
export async function copyInto(
  executor: Executor,
  table: string,
  columns: readonly string[],
  source: CopySource,
  format: CopyFormat = 'csv',
): Promise<number> {
  const { marker, release } = registerCopySource(source);
  try {
    const statement = `${marker}COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT ${format})`;
    const result = await sql.raw(statement).execute(executor);
    return Number(result.numAffectedRows ?? 0);
  } finally {
    release();
  }
}

/** A value as the bulk paths hand it to COPY. */
export type CopyValue = string | number | boolean | null | undefined;

const TEXT_SPECIAL = /[\\\t\n\r]/;
const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Formats one value as a field of COPY's text format (NULL is `\N`; backslash, tab, line breaks escaped). */
export function copyTextField(value: CopyValue): string {
  if (typeof value === 'string')
    return TEXT_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => TEXT_ESCAPES[c]!) : value;
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** Formats one value as a CSV field for COPY (NULL is an unquoted empty field). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (s === '') return '""';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Turns rows into CSV chunks of about `rowsPerChunk` rows each. */
export function* csvChunks(
  rows: Iterable<readonly (string | number | boolean | null | undefined)[]>,
  rowsPerChunk = 5000,
): Generator<string> {
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(row.map(csvField).join(','));
    if (lines.length >= rowsPerChunk) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

/** A batch of rows for COPY; the bulk paths produce rows a file chunk at a time. */
export type CopyBatch = readonly (readonly CopyValue[])[];

/**
 * Turns batches of rows into COPY text-format chunks of about `bytes` characters: big enough that a
 * chunk costs one write (or one worker round trip on PGlite), small enough to stream.
 */
export async function* copyTextChunks(
  batches: AsyncIterable<CopyBatch> | Iterable<CopyBatch>,
  bytes = 1 << 20,
): AsyncGenerator<string> {
  let lines: string[] = [];
  let size = 0;
  const fields: string[] = []; // reused: one line's encoded values, joined flat (no string ropes)
  for await (const batch of batches) {
    for (const row of batch) {
      fields.length = row.length;
      for (let i = 0; i < row.length; i++) fields[i] = copyTextField(row[i]);
      const line = fields.join('\t');
      lines.push(line);
      size += line.length + 1;
    }
    if (size >= bytes) {
      yield lines.join('\n') + '\n';
      lines = [];
      size = 0;
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}
