/**
 * Hosts PGlite in a worker thread: PGlite runs WASM synchronously and would otherwise block the HTTP
 * server's event loop for the whole of every query (STACK.md §3.1).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type {
  WorkerError,
  WorkerInit,
  WorkerRequest,
  WorkerResponse,
  WorkerResult,
} from './pglite-protocol.ts';
import { typeParsers } from './type-parsers.ts';

const init = workerData as WorkerInit;
const port = parentPort!;

function toWorkerError(e: unknown): WorkerError {
  const x = e as Record<string, unknown>;
  const pick = (k: string) => (typeof x[k] === 'string' ? (x[k] as string) : undefined);
  return {
    message: e instanceof Error ? e.message : String(e),
    code: pick('code'),
    detail: pick('detail'),
    constraint: pick('constraint'),
    table: pick('table'),
    column: pick('column'),
  };
}

async function handle(db: PGlite, req: WorkerRequest): Promise<WorkerResult> {
  switch (req.type) {
    case 'query': {
      if (req.params.length === 0) {
        // exec runs multi-statement text (migrations); the last statement's rows are the answer.
        const results = await db.exec(req.sql, { rowMode: 'object' });
        const last = results.at(-1);
        return {
          rows: (last?.rows ?? []) as Record<string, unknown>[],
          affectedRows: last?.affectedRows ?? 0,
        };
      }
      const r = await db.query<Record<string, unknown>>(req.sql, req.params, { rowMode: 'object' });
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    }
    case 'copy': {
      const r = await db.query(req.sql, [], { blob: new Blob([req.data]) });
      return { rows: [], affectedRows: r.affectedRows ?? 0, command: 'COPY' };
    }
    case 'close':
      await db.close();
      return { rows: [], affectedRows: 0 };
  }
}

const parsers = Object.fromEntries(
  Object.entries(typeParsers).map(([oid, fn]) => [oid, (text: string) => fn(text)]),
);

try {
  const db = await PGlite.create(init.dataDir, { parsers });
  // Serialise requests: PGlite has one backend, and order matters inside transactions.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    chain = chain.then(async () => {
      let response: WorkerResponse;
      try {
        response = { id: req.id, ok: true, result: await handle(db, req) };
      } catch (e) {
        response = { id: req.id, ok: false, error: toWorkerError(e) };
      }
      port.postMessage(response);
    });
  });
  port.postMessage({
    id: 0,
    ok: true,
    result: { rows: [], affectedRows: 0, command: 'READY' },
  } satisfies WorkerResponse);
} catch (e) {
  port.postMessage({ id: 0, ok: false, error: toWorkerError(e) } satisfies WorkerResponse);
}
