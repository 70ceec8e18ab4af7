/**
 * Live progress of uploads running in this process. Kept in memory because an upload's own transaction
 * is not visible to other connections until it commits (and the embedded database has one connection).
 */

/** Where an upload is. */
export type UploadProgress = { phase: 'received' | 'parsing' | 'validating' | 'committing'; rows: number };

/** Called with every change of phase (the CLI prints them for long imports). */
export type ProgressListener = (batchId: number, progress: UploadProgress) => void;

const running = new Map<number, UploadProgress>();
const listeners = new Set<ProgressListener>();

/** Records progress; `null` when the upload has finished. */
export function reportProgress(batchId: number, progress: UploadProgress | null): void {
  if (!progress) {
    running.delete(batchId);
    return;
  }
  const phaseChanged = running.get(batchId)?.phase !== progress.phase;
  running.set(batchId, progress);
  if (phaseChanged) for (const listener of listeners) listener(batchId, progress);
}

/** Subscribes to phase changes of uploads in this process; returns the unsubscribe function. */
export function onProgress(listener: ProgressListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The progress of a running upload. */
export function progressOf(batchId: number): UploadProgress | undefined {
  return running.get(batchId);
}
