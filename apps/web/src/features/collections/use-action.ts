import { useCallback, useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { toProblem } from '../../lib/use-resource.ts';

/** The state of a button's request: busy, what happened, or the problem the server sent. */
export interface ActionState {
  busy: boolean;
  message: string;
  problem: Problem | null;
}

/**
 * Runs one request at a time for a form or button: while busy the caller disables it; afterwards it shows
 * `message` in a live region or the problem (a 409 carries the state machine's reason in plain words).
 */
export function useAction(): [ActionState, (work: () => Promise<string>) => void] {
  const [state, setState] = useState<ActionState>({ busy: false, message: '', problem: null });
  const run = useCallback((work: () => Promise<string>) => {
    setState({ busy: true, message: '', problem: null });
    work().then(
      (message) => setState({ busy: false, message, problem: null }),
      (e: unknown) => setState({ busy: false, message: '', problem: toProblem(e) }),
    );
  }, []);
  return [state, run];
}
