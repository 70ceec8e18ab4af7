import { useState } from 'react';
import type { DistrictEvent } from './collections-api.ts';
import { decideRecertification, districtCommand } from './collections-api.ts';
import { DISTRICT_STATUS_LABELS } from './certification-view.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/**
 * A state approver's decision (§7.2 steps 4–5): approve, return with a reason, or accept / decline a pending
 * recertification request. The server's state machine has the last word; its refusal is shown as sent.
 */
export function ReviewPanel({ event, onDone }: { event: DistrictEvent; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [state, run] = useAction();
  const act = (label: string, work: () => Promise<{ status: DistrictEvent['status'] }>) =>
    run(async () => {
      const r = await work();
      setReason('');
      onDone();
      return `${label} District status: ${DISTRICT_STATUS_LABELS[r.status]}.`;
    });
  const why = reason.trim();
  const pending = event.status === 'recertification-requested';
  return (
    <form className="stack-form panel" aria-label="State review" onSubmit={(e) => e.preventDefault()}>
      <h2>State review</h2>
      <div className="field">
        <label htmlFor="review-reason">Reason (required to return or decline)</label>
        <textarea
          id="review-reason"
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <p>
        {pending ? (
          <>
            <button
              type="button"
              className="button-primary"
              disabled={state.busy}
              onClick={() =>
                act('Request accepted.', () =>
                  decideRecertification(event.eventId, event.district, 'accept', why),
                )
              }
            >
              Accept recertification
            </button>{' '}
            <button
              type="button"
              className="button-secondary"
              disabled={state.busy || why === ''}
              onClick={() =>
                act('Request declined.', () =>
                  decideRecertification(event.eventId, event.district, 'decline', why),
                )
              }
            >
              Decline
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button-primary"
              disabled={state.busy || event.status === 'approved'}
              onClick={() =>
                act('Approved.', () =>
                  districtCommand(event.eventId, event.district, 'approve', why ? { reason: why } : {}),
                )
              }
            >
              Approve
            </button>{' '}
            <button
              type="button"
              className="button-secondary"
              disabled={state.busy || why === ''}
              onClick={() =>
                act('Returned.', () =>
                  districtCommand(event.eventId, event.district, 'return', { reason: why }),
                )
              }
            >
              Return to district
            </button>
          </>
        )}
      </p>
      <ActionStatus state={state} context="The decision was not recorded" />
    </form>
  );
}
