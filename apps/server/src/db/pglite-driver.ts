import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { WorkerError, WorkerRequest, WorkerResponse, WorkerResult } from './pglite-protocol.ts';
import { takeCopySource } from './copy-protocol.ts';

/** An Error carrying PostgreSQL's SQLSTATE and detail, shaped like pg's DatabaseError. */
export class PgliteQueryError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  constructor(e: WorkerError) {
    super(e.message);
    this.name = 'DatabaseError';
    this.code = e.code;
    this.detail = e.detail;
    this.constraint = e.constraint;
  }
}

// Omit distributed over the union, so each request kind keeps its own fields.
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

// Bytes per COPY chunk sent to the worker: large enough to amortise a COPY statement, small enough that
// the main thread encodes the next chunk while the worker loads this one.
const COPY_CHUNK_BYTES = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** The main-thread side of the worker: request/response by id. */
class WorkerClient {
  #worker: Worker;
  #pending = new Map<number, { resolve: (r: WorkerResult) => void; reject: (e: Error) => void }>();
  #next = 1;
  ready: Promise<void>;

  constructor(dataDir: string) {
    this.#worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: { dataDir } });
    this.ready = new Promise((resolve, reject) => {
      this.#pending.set(0, { resolve: () => resolve(), reject });
      this.#worker.once('error', reject);
    });
    this.#worker.on('message', (msg: WorkerResponse) => {
      const waiter = this.#pending.get(msg.id);
      this.#pending.delete(msg.id);
      if (!waiter) return;
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new PgliteQueryError(msg.error));
    });
    this.#worker.on('exit', (code) => {
      for (const w of this.#pending.values())
        w.reject(new Error(`embedded database worker exited (${code})`));
      this.#pending.clear();
    });
  }

  /** Sends a request; `transfer` hands buffers over to the worker instead of copying them. */
  request(req: RequestBody, transfer: ArrayBuffer[] = []): Promise<WorkerResult> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...req, id }, transfer);
    });
  }

  async close(): Promise<void> {
    await this.request({ type: 'close' });
    await this.#worker.terminate();
  }
}

class WorkerConnection implements DatabaseConnection {
  readonly client: WorkerClient;
  constructor(client: WorkerClient) {
    this.client = client;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const copy = takeCopySource(query.sql);
    if (copy)
      return (await this.copy(
        copy.statement.replace(/FROM STDIN/i, "FROM '/dev/blob'"),
        copy.source,
      )) as QueryResult<R>;
    const r = await this.client.request({ type: 'query', sql: query.sql, params: [...query.parameters] });
    return { rows: r.rows as R[], numAffectedRows: BigInt(r.affectedRows) };
  }

  /**
   * Streams a COPY as chunked COPY FROM '/dev/blob' statements, one chunk in the worker while the next is
   * built: the worker (the database) is the slower side, so it should never wait for the main thread.
   * Chunks are UTF-8 encoded here and transferred, which keeps the encoding off the worker too.
   */
  private async copy(
    sql: string,
    source: AsyncIterable<string> | Iterable<string>,
  ): Promise<QueryResult<never>> {
    let total = 0;
    let inFlight: Promise<void> | undefined;
    const send = (text: string) => {
      const data = encoder.encode(text);
      const sent = this.client
        .request({ type: 'copy', sql, data }, [data.buffer])
        .then((r) => void (total += r.affectedRows));
      // Observed at once so a failure while the next chunk is being read is not an unhandled rejection;
      // it is still thrown where the chunk is awaited.
      sent.catch(() => undefined);
      return sent;
    };
    try {
      let buffer: string[] = [];
      let size = 0;
      for await (const chunk of source) {
        buffer.push(chunk);
        size += chunk.length;
        if (size < COPY_CHUNK_BYTES) continue;
        const text = buffer.join('');
        [buffer, size] = [[], 0];
        await inFlight;
        inFlight = send(text);
      }
      await inFlight;
      inFlight = size ? send(buffer.join('')) : undefined;
      await inFlight;
    } finally {
      await inFlight?.catch(() => undefined);
    }
    return { rows: [], numAffectedRows: BigInt(total) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on the embedded database');
  }
}

/** Kysely driver for PGlite in a worker thread: one connection, taken in turn. */
class PgliteWorkerDriver implements Driver {
  #client: WorkerClient | undefined;
  #connection: WorkerConnection | undefined;
  #queue: Promise<void> = Promise.resolve();
  #releaseCurrent: (() => void) | undefined;

  readonly dataDir: string;
  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  async init(): Promise<void> {
    this.#client = new WorkerClient(this.dataDir);
    await this.#client.ready;
    this.#connection = new WorkerConnection(this.#client);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // A mutex: the embedded database has one session, so a transaction must own it until it ends.
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((r) => (release = r));
    await previous;
    this.#releaseCurrent = release;
    return this.#connection!;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#releaseCurrent;
    this.#releaseCurrent = undefined;
    release?.();
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.#client?.close();
  }
}

/** Kysely dialect for an on-disk PGlite database hosted off the main event loop. */
export function pgliteWorkerDialect(dataDir: string): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteWorkerDriver(dataDir),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
