import { useState } from 'react';
import type { Problem, ValidationFinding } from '@bitterroot/contracts';
import { toProblem } from '../../lib/use-resource.ts';
import { acknowledgeFinding } from './findings-api.ts';

/** Props of AcknowledgeAction. */
export interface AcknowledgeActionProps {
  finding: ValidationFinding;
  /** The district whose page this is: the API only acknowledges findings the district is party to. */
  district: string;
  onAcknowledged: (finding: ValidationFinding) => void;
}

// The API asks for at least 3 characters: a reason a reviewer can read later, not a click-through.
const MIN_REASON = 3;

/** "Acknowledge" on an open warning: asks for a reason, POSTs it, and hands the updated finding back. */
export function AcknowledgeAction({ finding, district, onAcknowledged }: AcknowledgeActionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Problem | null>(null);
  if (!open)
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        Acknowledge
      </button>
    );
  const submit = () => {
    setBusy(true);
    setError(null);
    acknowledgeFinding(finding.id, district, reason.trim()).then(onAcknowledged, (e: unknown) => {
      setError(toProblem(e));
      setBusy(false);
    });
  };
  const id = `ack-reason-${finding.id}`;
  return (
    <form
      className="ack-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id}>Reason for acknowledging {finding.rule}</label>
      <input
        id={id}
        type="text"
        value={reason}
        maxLength={500}
        required
        minLength={MIN_REASON}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <span>
        <button type="submit" className="button-primary" disabled={busy || reason.trim().length < MIN_REASON}>
          {busy ? 'Saving…' : 'Save acknowledgement'}
        </button>{' '}
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </span>
      {error && (
        <span className="status-bad" role="alert">
          {error.title}
          {error.detail ? `: ${error.detail}` : ''}
        </span>
      )}
    </form>
  );
}
