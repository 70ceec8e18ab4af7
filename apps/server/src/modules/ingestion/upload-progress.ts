/**
 * Live progress of uploads running in this process. Kept in memory because an upload's own transaction
 * is not visible to other connections until it commits (and the embedded database has one connection).
 */

/** Where an upload is. */
export type UploadProgress = { phase: 'received' | 'parsing' | 'validating' | 'committing'; rows: number };

const running = new Map<number, UploadProgress>();

/** Records progress; `null` when the upload has finished. */
export function reportProgress(batchId: number, progress: UploadProgress | null): void {
  if (progress) running.set(batchId, progress);
  else running.delete(batchId);
}

/** The progress of a running upload. */
export function progressOf(batchId: number): UploadProgress | undefined {
  return running.get(batchId);
}
