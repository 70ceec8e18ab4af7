import { useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { Link } from 'react-router';
import { toProblem } from '../../lib/use-resource.ts';
import { completePasswordReset } from './access-api.ts';

// The server's rule (at least 12 characters); the browser checks it first to save a round trip.
const MIN_LENGTH = 12;

/** New password twice for a reset token; the server's refusal (expired link, weak password) shows inline. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const mismatch = confirm.length > 0 && confirm !== password;
  if (done)
    return (
      <div className="outcome outcome-good" role="status">
        <h2>Password changed</h2>
        <p>
          <Link to="/sign-in">Sign in</Link> with your new password.
        </p>
      </div>
    );
  const submit = () => {
    setBusy(true);
    setProblem(null);
    completePasswordReset(token, password).then(
      () => setDone(true),
      (error: unknown) => {
        setProblem(toProblem(error));
        setBusy(false);
      },
    );
  };
  return (
    <form
      className="stack-form"
      aria-labelledby="reset-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!mismatch) submit();
      }}
    >
      <h2 id="reset-heading">Choose a new password</h2>
      {problem && (
        <div id="reset-error" className="alert" role="alert">
          <p className="alert-title">{problem.title}</p>
          {problem.detail && <p>{problem.detail}</p>}
          {problem.status === 400 && problem.type.includes('invalid-token') && (
            <p>
              <Link to="/sign-in">Ask for a new link</Link>
            </p>
          )}
        </div>
      )}
      <div className="field form-field">
        <label htmlFor="reset-password">New password</label>
        <input
          id="reset-password"
          type="password"
          value={password}
          required
          minLength={MIN_LENGTH}
          maxLength={256}
          autoComplete="new-password"
          aria-describedby="reset-hint"
          onChange={(e) => setPassword(e.target.value)}
        />
        <span id="reset-hint" className="note">
          At least {MIN_LENGTH} characters; a short sentence is easy to remember.
        </span>
      </div>
      <div className="field form-field">
        <label htmlFor="reset-confirm">New password again</label>
        <input
          id="reset-confirm"
          type="password"
          value={confirm}
          required
          maxLength={256}
          autoComplete="new-password"
          aria-invalid={mismatch ? true : undefined}
          aria-describedby={mismatch ? 'reset-mismatch' : undefined}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {mismatch && (
          <span id="reset-mismatch" className="status-bad">
            The two passwords differ.
          </span>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={busy || mismatch}>
        {busy ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
