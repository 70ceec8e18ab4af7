import type { Problem } from '@bitterroot/contracts';
import { Link } from 'react-router';
import { isForbidden, NotAllowed } from '../../components/not-allowed.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';

/** Props of ReportProblem. */
export interface ReportProblemProps {
  problem: Problem;
  /** What the report is, e.g. "the ANB of district 0059". */
  what: string;
  certified: boolean;
  onRetry: () => void;
  /** Switches to the live preview (offered when no certified snapshot exists). */
  onShowLive?: () => void;
}

/**
 * Why a report is not shown: no access, no certified snapshot yet (expected before certification, so a
 * notice, not an error), no such district, or a failure worth retrying.
 */
export function ReportProblem({ problem, what, certified, onRetry, onShowLive }: ReportProblemProps) {
  if (isForbidden(problem)) return <NotAllowed problem={problem} what={what} level={2} />;
  if (problem.status === 404 && certified && /snapshot/.test(problem.detail ?? ''))
    return (
      <div className="notice" role="status">
        <p>
          <strong>No certified figures yet.</strong> {problem.detail}.
        </p>
        {onShowLive && (
          <p>
            <button type="button" className="button-secondary" onClick={onShowLive}>
              Show the live preview instead
            </button>
          </p>
        )}
      </div>
    );
  if (problem.status === 404 || problem.status === 400)
    return (
      <p className="notice" role="status">
        There is no such district. District numbers have four digits, such as 0059. Find the district in the{' '}
        <Link to="/">list of all districts</Link>.
      </p>
    );
  return <ProblemAlert context={`Could not load ${what}`} problem={problem} onRetry={onRetry} />;
}
