import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PostgresDialect, type Dialect } from 'kysely';
import { typeParsers } from './type-parsers.ts';
import { takeCopySource } from './copy-protocol.ts';

const customTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = typeParsers[oid];
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format);
  },
};

type QueryResultLike = { command: string; rowCount: number | null; rows: unknown[] };

/** Wraps a pooled client so marked COPY statements stream their source with COPY FROM STDIN. */
function wrapClient(client: pg.PoolClient) {
  return {
    async query(sql: string, params: readonly unknown[]): Promise<QueryResultLike> {
      const copy = takeCopySource(sql);
      if (!copy) return await client.query(sql, params as unknown[]);
      const stream = client.query(copyFrom(copy.statement));
      await pipeline(Readable.from(copy.source), stream);
      // Reported as INSERT so Kysely passes the row count through (it counts only DML commands).
      return { command: 'INSERT', rowCount: Number(stream.rowCount ?? 0), rows: [] };
    },
    release() {
      client.release();
    },
  };
}

/** A pg pool with our type parsers; `connect` hands Kysely COPY-aware clients. */
export function createPostgresPool(url: string, max = 10) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: customTypes,
    application_name: 'bitterroot',
  });
  // An idle client losing its server connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return {
    pool,
    async connect() {
      return wrapClient(await pool.connect());
    },
    async end() {
      await pool.end();
    },
  };
}

/** Kysely dialect for PostgreSQL over `pg`. */
export function postgresDialect(url: string): { dialect: Dialect; end: () => Promise<void> } {
  const wrapped = createPostgresPool(url);
  // Kysely only needs connect/end; the cast bridges our COPY-aware client to its PostgresPool type.
  const dialect = new PostgresDialect({
    pool: wrapped as unknown as ConstructorParameters<typeof PostgresDialect>[0]['pool'],
  });
  return { dialect, end: () => wrapped.end() };
}
