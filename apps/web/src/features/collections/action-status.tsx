import { ProblemAlert } from '../../components/problem-alert.tsx';
import type { ActionState } from './use-action.ts';

/** What the last action did: a polite status line, or the problem with the server's reason. */
export function ActionStatus({ state, context }: { state: ActionState; context: string }) {
  return (
    <>
      <p role="status" aria-live="polite">
        {state.message}
      </p>
      {state.problem && <ProblemAlert context={context} problem={state.problem} />}
    </>
  );
}
