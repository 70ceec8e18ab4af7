import { useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { requestPasswordReset } from './access-api.ts';

/**
 * "Forgot your password?": asks for a reset link. The answer is the same whether or not the account exists,
 * so the form cannot be used to find out who has an account.
 */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = () => {
    setState('sending');
    setProblem(null);
    requestPasswordReset(email.trim()).then(
      () => setState('sent'),
      (error: unknown) => {
        setProblem(toProblem(error));
        setState('idle');
      },
    );
  };
  return (
    <form
      className="stack-form"
      aria-labelledby="forgot-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="forgot-heading">Forgot your password?</h2>
      <p className="note">
        We will e-mail you a link to choose a new one. The link works once, for a short time.
      </p>
      <div className="field form-field">
        <label htmlFor="forgot-email">E-mail</label>
        <input
          id="forgot-email"
          type="email"
          value={email}
          required
          maxLength={320}
          autoComplete="username"
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <button type="submit" className="button-secondary" disabled={state === 'sending'}>
        {state === 'sending' ? 'Sending…' : 'Send reset link'}
      </button>
      <p role="status" aria-live="polite">
        {state === 'sent' && 'If an account exists for that e-mail, a link is on its way. Check your inbox.'}
      </p>
      {problem && <ProblemAlert context="Could not send the link" problem={problem} />}
    </form>
  );
}
