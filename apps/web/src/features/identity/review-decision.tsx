import { useEffect, useRef } from 'react';
import type { IdentityReview } from '@bitterroot/contracts';
import { decidedByText, outcomeText } from './review-labels.ts';
import type { Decision } from './use-review-decision.ts';

/** Props of ReviewDecision. */
export interface ReviewDecisionProps {
  item: IdentityReview;
  pending: Decision | null;
  onDecide: (decision: Decision) => void;
}

/** The decision panel: "Same person" / "New person" while open; the outcome (and "Undo" for a link) after. */
export function ReviewDecision({ item, pending, onDecide }: ReviewDecisionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStatus = useRef(item.status);
  // A decision removes the button that was pressed; keyboard focus moves to what replaced it.
  useEffect(() => {
    if (item.status === shownStatus.current) return;
    shownStatus.current = item.status;
    if (document.activeElement === document.body) heading.current?.focus();
  }, [item.status]);
  return (
    <section className="panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading" tabIndex={-1} ref={heading}>
        Decision
      </h2>
      {item.status === 'open' ? (
        <OpenActions item={item} pending={pending} onDecide={onDecide} />
      ) : (
        <Outcome item={item} pending={pending} onDecide={onDecide} />
      )}
    </section>
  );
}

interface ActionProps {
  item: IdentityReview;
  pending: Decision | null;
  onDecide: (decision: Decision) => void;
}

function OpenActions({ item, pending, onDecide }: ActionProps) {
  const busy = pending !== null;
  return (
    <>
      <p>
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          aria-describedby="same-person-note"
          onClick={() => onDecide('same-person')}
        >
          {pending === 'same-person' ? 'Linking…' : 'Same person'}
        </button>{' '}
        <span id="same-person-note" className="note">
          links the row to state ID {item.candidate.stateId}; can be undone
        </span>
      </p>
      <p>
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          aria-describedby="new-person-note"
          onClick={() => onDecide('new-person')}
        >
          {pending === 'new-person' ? 'Issuing…' : 'New person'}
        </button>{' '}
        <span id="new-person-note" className="note">
          issues a new state ID; it cannot be undone here
        </span>
      </p>
    </>
  );
}

function Outcome({ item, pending, onDecide }: ActionProps) {
  return (
    <div className="outcome outcome-good" role="status">
      <h3>{outcomeText(item)}</h3>
      <p className="outcome-meta">{decidedByText(item.resolution)}</p>
      {item.status === 'linked' && (
        <p>
          <button
            type="button"
            className="button-secondary"
            disabled={pending !== null}
            onClick={() => onDecide('unlink')}
          >
            {pending === 'unlink' ? 'Undoing…' : 'Undo'}
          </button>{' '}
          <span className="note">removes the link; the row goes back to the queue</span>
        </p>
      )}
    </div>
  );
}
