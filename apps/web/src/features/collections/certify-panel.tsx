import { useState } from 'react';
import { AWAITING_CERTIFICATION } from '@bitterroot/core';
import type { DistrictEvent } from './collections-api.ts';
import { districtCommand } from './collections-api.ts';
import { DISTRICT_STATUS_LABELS } from './certification-view.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/** Props of CertifyPanel. */
export interface CertifyPanelProps {
  event: DistrictEvent;
  /** The signed-in user (certifying is personal: every primary certifies, §7.2 step 3). */
  userId: number;
  onDone: () => void;
}

/**
 * A primary certifier's actions: certify (with the explicit "nothing to report" choice, §7.2 step 7) while the
 * district still has to, or ask for recertification with a reason once every primary has certified (step 5).
 */
export function CertifyPanel({ event, userId, onDone }: CertifyPanelProps) {
  const [nothingToReport, setNothingToReport] = useState(false);
  const [reason, setReason] = useState('');
  const [state, run] = useAction();
  const me = event.members.find((m) => m.userId === userId);
  if (!me || me.role !== 'primary')
    return (
      <p className="note">
        Only the district’s primary certifiers of this event’s types certify; you are{' '}
        {me ? 'a secondary member' : 'not a member'}.
      </p>
    );
  const waiting = AWAITING_CERTIFICATION.includes(event.status);
  const command = (name: 'certify' | 'recertification-request', body: object, done: string) =>
    run(async () => {
      const r = await districtCommand(event.eventId, event.district, name, body);
      onDone();
      return `${done} District status: ${DISTRICT_STATUS_LABELS[r.status]}.`;
    });
  if (waiting)
    return (
      <form
        className="stack-form panel"
        aria-label="Certify"
        onSubmit={(e) => {
          e.preventDefault();
          command('certify', { nothingToReport }, 'You certified.');
        }}
      >
        <h2>Certify</h2>
        {me.certifiedAt ? (
          <p>You have certified; the other primary certifiers still have to.</p>
        ) : (
          <>
            <p>
              By certifying you confirm that the district’s data for {event.eventName} is complete and true.
            </p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={nothingToReport}
                onChange={(e) => setNothingToReport(e.target.checked)}
              />{' '}
              Nothing to report: the district has no data for this event (for example no behavior incidents)
            </label>
            <p>
              <button type="submit" className="button-primary" disabled={state.busy}>
                {nothingToReport ? 'Certify: nothing to report' : 'Certify'}
              </button>
            </p>
          </>
        )}
        <ActionStatus state={state} context="Not certified" />
      </form>
    );
  if (event.status !== 'sent-to-state' && event.status !== 'approved')
    return <ActionStatus state={state} context="Not sent" />;
  return (
    <form
      className="stack-form panel"
      aria-label="Request recertification"
      onSubmit={(e) => {
        e.preventDefault();
        command('recertification-request', { reason: reason.trim() }, 'Recertification requested.');
      }}
    >
      <h2>Request recertification</h2>
      <div className="field">
        <label htmlFor="recert-reason">Why the district needs to certify again</label>
        <textarea
          id="recert-reason"
          required
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <p>
        <button type="submit" className="button-secondary" disabled={state.busy || reason.trim() === ''}>
          Request recertification
        </button>
      </p>
      <ActionStatus state={state} context="Not sent" />
    </form>
  );
}
