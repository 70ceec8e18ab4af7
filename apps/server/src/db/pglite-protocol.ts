/** Messages between the main thread and the PGlite worker thread. */
export type WorkerRequest =
  | { id: number; type: 'query'; sql: string; params: unknown[] }
  | { id: number; type: 'copy'; sql: string; data: Uint8Array<ArrayBuffer> }
  | { id: number; type: 'close' };

/** A query result as the worker returns it. */
export type WorkerResult = { rows: Record<string, unknown>[]; affectedRows: number; command?: string };

/** A database error carried across the thread boundary with its SQLSTATE and detail. */
export type WorkerError = {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
};

/** The worker's answer to one request. */
export type WorkerResponse =
  { id: number; ok: true; result: WorkerResult } | { id: number; ok: false; error: WorkerError };

/** Data passed when the worker starts. */
export type WorkerInit = { dataDir: string };
