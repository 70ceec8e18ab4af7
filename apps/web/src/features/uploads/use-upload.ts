import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem, Upload } from '@bitterroot/contracts';
import { toProblem } from '../../lib/use-resource.ts';
import { isFinal } from './upload-phase.ts';
import type { UploadRequest } from './uploads-api.ts';
import { getUpload, startUpload } from './uploads-api.ts';

/** How often a running upload is polled. */
export const POLL_INTERVAL_MS = 500;

/** Where an upload is, from the page's point of view. */
export type UploadState =
  | { kind: 'idle' }
  | { kind: 'sending'; fileName: string }
  | { kind: 'processing'; fileName: string; batchId: number; upload: Upload | null }
  | { kind: 'done'; fileName: string; upload: Upload }
  | { kind: 'error'; fileName: string; problem: Problem; batchId: number | null };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

/** Sends files and polls their batch until it is final; a new upload or leaving the page stops polling. */
export function useUpload(districtNumber: string) {
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const poll = useCallback(
    async (fileName: string, batchId: number, signal: AbortSignal) => {
      for (;;) {
        const upload = await getUpload(districtNumber, batchId, signal);
        if (signal.aborted) return;
        if (isFinal(upload.status)) {
          setState({ kind: 'done', fileName, upload });
          return;
        }
        setState({ kind: 'processing', fileName, batchId, upload });
        await sleep(POLL_INTERVAL_MS, signal);
        if (signal.aborted) return;
      }
    },
    [districtNumber],
  );

  const run = useCallback(
    (fileName: string, work: (signal: AbortSignal) => Promise<void>, batchIdOf: () => number | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      work(current.signal).catch((error: unknown) => {
        if (current.signal.aborted) return;
        setState({ kind: 'error', fileName, problem: toProblem(error), batchId: batchIdOf() });
      });
    },
    [],
  );

  /** Sends a file and follows its batch. */
  const upload = useCallback(
    (request: UploadRequest) => {
      const fileName = request.file.name;
      setState({ kind: 'sending', fileName });
      let batchId: number | null = null;
      run(
        fileName,
        async (signal) => {
          const accepted = await startUpload(districtNumber, request, signal);
          if (signal.aborted) return;
          batchId = accepted.batchId;
          setState({ kind: 'processing', fileName, batchId, upload: null });
          await poll(fileName, batchId, signal);
        },
        () => batchId,
      );
    },
    [districtNumber, poll, run],
  );

  /** After a polling error: asks for the batch again (it kept running on the server). */
  const resume = useCallback(() => {
    if (state.kind !== 'error' || state.batchId === null) return;
    const { fileName, batchId } = state;
    setState({ kind: 'processing', fileName, batchId, upload: null });
    run(
      fileName,
      async (signal) => await poll(fileName, batchId, signal),
      () => batchId,
    );
  }, [state, poll, run]);

  /** Back to the empty form. */
  const reset = useCallback(() => {
    controller.current?.abort();
    setState({ kind: 'idle' });
  }, []);

  return { state, upload, resume, reset };
}
