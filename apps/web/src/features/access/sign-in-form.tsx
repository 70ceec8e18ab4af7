import { useRef, useState } from 'react';
import type { Problem, SessionBody } from '@bitterroot/contracts';
import { setSignedIn } from '../../lib/session.ts';
import { toProblem } from '../../lib/use-resource.ts';
import { signIn } from './access-api.ts';
import { signInMessage } from './sign-in-messages.ts';

/** Props of SignInForm. */
export interface SignInFormProps {
  onSignedIn: (session: SessionBody) => void;
}

/** E-mail and password; a refusal (wrong password, locked, throttled) shows above the fields and takes focus. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const submit = () => {
    setBusy(true);
    setProblem(null);
    signIn(email.trim(), password).then(
      (session) => {
        setSignedIn(session);
        onSignedIn(session);
      },
      (error: unknown) => {
        setProblem(toProblem(error));
        setPassword('');
        setBusy(false);
        passwordField.current?.focus();
      },
    );
  };
  const message = problem && signInMessage(problem);
  const describedBy = message ? 'sign-in-error' : undefined;
  return (
    <form
      className="stack-form"
      aria-labelledby="sign-in-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="sign-in-heading">Sign in</h2>
      {message && (
        <div id="sign-in-error" className="alert" role="alert">
          <p className="alert-title">{message.title}</p>
          <p>{message.detail}</p>
        </div>
      )}
      <div className="field form-field">
        <label htmlFor="sign-in-email">E-mail</label>
        <input
          id="sign-in-email"
          type="email"
          value={email}
          required
          maxLength={320}
          autoComplete="username"
          autoFocus
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field form-field">
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          ref={passwordField}
          type="password"
          value={password}
          required
          maxLength={256}
          autoComplete="current-password"
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
