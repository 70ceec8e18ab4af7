import type { IdentityAuditEntry } from '@bitterroot/contracts';
import { actionLabel, formatDateTime } from './review-labels.ts';

/** The item's audit trail, oldest first: every decision and undo, by whom and when. */
export function ReviewHistory({ history }: { history: readonly IdentityAuditEntry[] }) {
  if (history.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Audit trail</h2>
      <ol className="history">
        {history.map((h, index) => (
          <li key={`${h.at}-${index}`}>
            {actionLabel(h.action)}
            {h.stateId && ` (state ID ${h.stateId})`} by {h.actor} on {formatDateTime(h.at)}
          </li>
        ))}
      </ol>
    </section>
  );
}
