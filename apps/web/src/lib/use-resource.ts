import { useCallback, useEffect, useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { ApiError } from './api.ts';

/** The state of an asynchronous load. */
export type Resource<T> =
  { status: 'loading' } | { status: 'error'; problem: Problem } | { status: 'ok'; data: T };

/** Turns any thrown value into problem details for display. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return {
    type: 'about:blank',
    title: 'Unexpected error',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Loads data whenever `key` changes, aborting the previous request; never shows stale data for a new key.
 * Returns the resource and a function that loads it again (for "Try again" after an error).
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; resource: Resource<T> }>({
    key,
    resource: { status: 'loading' },
  });
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ key, resource: { status: 'loading' } });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, resource: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ key, resource: { status: 'error', problem: toProblem(error) } });
      },
    );
    return () => controller.abort();
    // `load` is re-created each render; `key` (and a retry) is what identifies the request.
  }, [key, attempt]);

  return [state.key === key ? state.resource : { status: 'loading' }, reload];
}
