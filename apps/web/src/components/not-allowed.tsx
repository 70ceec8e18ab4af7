import type { Problem } from '@bitterroot/contracts';
import { Link } from 'react-router';
import { PRODUCT_NAME } from '../lib/state.ts';

/** True when a failed request was refused for lack of a role (403), not because something broke. */
export function isForbidden(problem: Problem): boolean {
  return problem.status === 403;
}

/**
 * The page shown instead of content the user's roles do not cover: plain words, the server's reason (which
 * names the action and scope), and a way home. Not an error alert: nothing is broken and retrying won't help.
 */
export function NotAllowed({ problem, what, level = 1 }: { problem: Problem; what: string; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <>
      {level === 1 && <title>{`Not allowed · ${PRODUCT_NAME}`}</title>}
      <Heading>Not allowed</Heading>
      <div className="notice" role="status">
        <p>Your account does not have access to {what}.</p>
        {problem.detail && <p className="note">{problem.detail}</p>}
        <p>
          If you need it, ask your district administrator (or the state) for the role. Go to your{' '}
          <Link to="/">home page</Link>.
        </p>
      </div>
    </>
  );
}
