import type { Problem } from '@bitterroot/contracts';

/** Props of ProblemAlert. */
export interface ProblemAlertProps {
  problem: Problem;
  /** What was being done, e.g. "Could not load districts". */
  context: string;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
}

/** Shows an RFC 9457 problem: what failed, the server's detail, and the request id support will ask for. */
export function ProblemAlert({ problem, context, onRetry }: ProblemAlertProps) {
  return (
    <div className="alert" role="alert">
      <p className="alert-title">
        {context}: {problem.title}
        {problem.status > 0 && <span className="alert-status"> (HTTP {problem.status})</span>}
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.requestId && (
        <p className="alert-meta">
          Request id: <code>{problem.requestId}</code>
        </p>
      )}
      {/* Trying again cannot help when the answer is "your roles do not allow this". */}
      {onRetry && problem.status !== 403 && (
        <p>
          <button type="button" className="button-secondary" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
}
