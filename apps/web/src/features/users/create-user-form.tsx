import { useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import type { Role } from '@bitterroot/core';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { grantFor } from './grant-options.ts';
import type { RoleChoice } from './role-fields.tsx';
import { RoleFields } from './role-fields.tsx';
import type { User } from './users-api.ts';
import { createUser } from './users-api.ts';

/** Props of CreateUserForm. */
export interface CreateUserFormProps {
  roles: readonly Role[];
  /** The page's district (fixed) or null on the state page. */
  district: string | null;
  onCreated: (user: User) => void;
}

const EMPTY: RoleChoice = { role: '', district: '', school: '' };

/** New account with one role; a blank password makes the server e-mail a link to set one. */
export function CreateUserForm({ roles, district, onCreated }: CreateUserFormProps) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [choice, setChoice] = useState<RoleChoice>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState('');
  const submit = () => {
    if (choice.role === '') return;
    setBusy(true);
    setProblem(null);
    setCreated('');
    const grant = grantFor(choice.role, district ?? (choice.district || null), choice.school || null);
    createUser({
      email: email.trim(),
      displayName: displayName.trim(),
      password: password || undefined,
      grant,
    }).then(
      (user) => {
        setBusy(false);
        setCreated(`Created ${user.displayName} (${user.email}).`);
        setEmail('');
        setDisplayName('');
        setPassword('');
        setChoice(EMPTY);
        onCreated(user);
      },
      (error: unknown) => {
        setProblem(toProblem(error));
        setBusy(false);
      },
    );
  };
  return (
    <form
      className="panel"
      aria-labelledby="create-user-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="create-user-heading">Add a user</h2>
      <div className="filters">
        <div className="field form-field">
          <label htmlFor="new-user-name">Name</label>
          <input
            id="new-user-name"
            type="text"
            value={displayName}
            required
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="field form-field">
          <label htmlFor="new-user-email">E-mail</label>
          <input
            id="new-user-email"
            type="email"
            value={email}
            required
            maxLength={320}
            autoComplete="off"
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <RoleFields
          idPrefix="new-user"
          roles={roles}
          fixedDistrict={district}
          value={choice}
          onChange={setChoice}
        />
        <div className="field form-field">
          <label htmlFor="new-user-password">Initial password (optional)</label>
          <input
            id="new-user-password"
            type="password"
            value={password}
            maxLength={256}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint"
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="new-user-password-hint" className="note">
            Leave blank to e-mail them a link to choose one.
          </span>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {created}
      </p>
      {problem && <ProblemAlert context="The user was not added" problem={problem} />}
    </form>
  );
}
