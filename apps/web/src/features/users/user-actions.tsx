import { useState } from 'react';
import type { GrantBody, Problem } from '@bitterroot/contracts';
import type { Role } from '@bitterroot/core';
import { toProblem } from '../../lib/use-resource.ts';
import { describeGrant, grantFor } from './grant-options.ts';
import type { RoleChoice } from './role-fields.tsx';
import { RoleFields } from './role-fields.tsx';
import type { User } from './users-api.ts';
import { changeGrant, setActive } from './users-api.ts';

/** Props of UserActions. */
export interface UserActionsProps {
  user: User;
  roles: readonly Role[];
  district: string | null;
  onChanged: (user: User) => void;
}

/**
 * Row actions of the user list: deactivate or reactivate, and (under "Roles") revoke a role or grant one.
 * The server refuses what the user may not do; its reason shows in the row.
 */
export function UserActions({ user, roles, district, onChanged }: UserActionsProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [choice, setChoice] = useState<RoleChoice>({ role: '', district: '', school: '' });
  const run = (action: () => Promise<User>) => {
    setBusy(true);
    setProblem(null);
    action().then(
      (updated) => {
        setBusy(false);
        onChanged(updated);
      },
      (error: unknown) => {
        setProblem(toProblem(error));
        setBusy(false);
      },
    );
  };
  const grant = (): GrantBody | null =>
    choice.role === ''
      ? null
      : grantFor(choice.role, district ?? (choice.district || null), choice.school || null);
  const prefix = `user-${user.id}`;
  return (
    <div className="user-actions">
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        aria-label={`${user.active ? 'Deactivate' : 'Activate'} ${user.displayName}`}
        onClick={() => run(() => setActive(user.id, !user.active))}
      >
        {user.active ? 'Deactivate' : 'Activate'}
      </button>
      <details>
        <summary>Roles</summary>
        <ul className="grant-list">
          {user.grants.map((g) => (
            <li key={describeGrant(g)}>
              {describeGrant(g)}{' '}
              <button
                type="button"
                className="button-secondary"
                disabled={busy}
                aria-label={`Revoke ${describeGrant(g)} from ${user.displayName}`}
                onClick={() => run(() => changeGrant(user.id, g, 'remove'))}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
        {roles.length > 0 && (
          <form
            className="filters"
            aria-label={`Grant a role to ${user.displayName}`}
            onSubmit={(e) => {
              e.preventDefault();
              const g = grant();
              if (g) run(() => changeGrant(user.id, g, 'add'));
            }}
          >
            <RoleFields
              idPrefix={prefix}
              roles={roles}
              fixedDistrict={district}
              value={choice}
              onChange={setChoice}
            />
            <button type="submit" className="button-secondary" disabled={busy || choice.role === ''}>
              Grant
            </button>
          </form>
        )}
      </details>
      {problem && (
        <p className="status-bad" role="alert">
          {problem.title}
          {problem.detail ? `: ${problem.detail}` : ''}
        </p>
      )}
    </div>
  );
}
