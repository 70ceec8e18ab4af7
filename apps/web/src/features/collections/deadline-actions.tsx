import { useState } from 'react';
import type { CertificationEvent } from './collections-api.ts';
import { extendDistrict, reopenEvent, sendReminders } from './collections-api.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/**
 * What state staff do with a published event's deadlines (montana-aim.md §7.2 steps 2 and 5): remind the
 * primaries who have not certified, reopen the event with a reason (telling certified districts whether they
 * must act), and give one district more time. None of them changes what the event page shows, so the forms stay
 * on screen with their outcome.
 */
export function DeadlineActions({ event }: { event: CertificationEvent }) {
  return (
    <section className="panel" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines and reminders</h2>
      <Reminders event={event} />
      <ReopenForm event={event} />
      <ExtensionForm event={event} />
    </section>
  );
}

function Reminders({ event }: { event: CertificationEvent }) {
  const [state, run] = useAction();
  const remind = () =>
    run(async () => {
      const n = await sendReminders(event.id);
      return n === 0
        ? 'Every primary certifier has certified: no reminder was needed.'
        : `Reminders stored for ${n} primary certifier${n === 1 ? ' who has' : 's who have'} not certified.`;
    });
  return (
    <>
      <p>
        Reminders go to the notifications of every primary certifier who has not certified yet (due{' '}
        {event.dueDate}).{' '}
        <button type="button" className="button-secondary" disabled={state.busy} onClick={remind}>
          Send reminders
        </button>
      </p>
      <ActionStatus state={state} context="Reminders were not sent" />
    </>
  );
}

function ReopenForm({ event }: { event: CertificationEvent }) {
  const [reason, setReason] = useState('');
  const [recertify, setRecertify] = useState(false);
  const [until, setUntil] = useState('');
  const [state, run] = useAction();
  const reopen = () =>
    run(async () => {
      const body = { reason: reason.trim(), recertify, ...(until ? { extendUntil: until } : {}) };
      const { reopened } = await reopenEvent(event.id, body);
      setReason('');
      if (!recertify) return 'Event reopened. Districts that had certified were told no action is needed.';
      return reopened.length === 0
        ? 'Event reopened. No district had certified yet.'
        : `Event reopened. ${reopened.length} district${reopened.length === 1 ? ' must' : 's must'} certify again: ${reopened.join(', ')}.`;
    });
  return (
    <form
      className="stack-form"
      aria-label="Reopen the event"
      onSubmit={(e) => (e.preventDefault(), reopen())}
    >
      <h3>Reopen the event</h3>
      <div className="field">
        <label htmlFor="reopen-reason">Reason (required; certified districts are told)</label>
        <textarea
          id="reopen-reason"
          required
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={recertify} onChange={(e) => setRecertify(e.target.checked)} />{' '}
        Districts that already certified must certify again
      </label>
      <div className="field">
        <label htmlFor="reopen-until">Extend the last day to certify to (optional)</label>
        <input id="reopen-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <p>
        <button type="submit" className="button-primary" disabled={state.busy || reason.trim() === ''}>
          Reopen
        </button>
      </p>
      <ActionStatus state={state} context="The event was not reopened" />
    </form>
  );
}

function ExtensionForm({ event }: { event: CertificationEvent }) {
  const [district, setDistrict] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [state, run] = useAction();
  const number = district.trim().padStart(4, '0');
  const extend = () =>
    run(async () => {
      const granted = await extendDistrict(event.id, number, { until, reason: reason.trim() });
      setReason('');
      return `District ${number} may certify until ${granted.until}.`;
    });
  return (
    <form
      className="stack-form"
      aria-label="Extend a district’s deadline"
      onSubmit={(e) => (e.preventDefault(), extend())}
    >
      <h3>Extend one district’s deadline</h3>
      <div className="field">
        <label htmlFor="extend-district">District number</label>
        <input
          id="extend-district"
          required
          inputMode="numeric"
          pattern="\d{1,4}"
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="extend-until">Last day to certify</label>
        <input
          id="extend-until"
          type="date"
          required
          min={event.dueDate}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="extend-reason">Reason</label>
        <textarea
          id="extend-reason"
          required
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <p>
        <button
          type="submit"
          className="button-primary"
          disabled={state.busy || !district.trim() || !until || !reason.trim()}
        >
          Grant extension
        </button>
      </p>
      <ActionStatus state={state} context="The extension was not granted" />
    </form>
  );
}
