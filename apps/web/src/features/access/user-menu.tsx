import { useState } from 'react';
import { useNavigate } from 'react-router';
import { setSignedOut, useSignedInSession } from '../../lib/session.ts';
import { signOut } from './access-api.ts';
import { roleSummary } from './navigation.ts';

/** Who is signed in, with which roles, and "Sign out". */
export function UserMenu() {
  const session = useSignedInSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const roles = roleSummary(session);
  const leave = () => {
    setBusy(true);
    // Leave even when the server cannot be reached: the user asked to go, and the session idles out.
    const done = () => {
      setSignedOut('sign-out');
      void navigate('/sign-in', { replace: true });
    };
    signOut().then(done, done);
  };
  return (
    <div className="user-menu">
      <p className="user-identity">
        <span className="visually-hidden">Signed in as </span>
        <span className="user-name" title={session.email}>
          {session.displayName}
        </span>
        <span className="user-roles">
          <span className="visually-hidden">Roles: </span>
          {roles.join('; ')}
        </span>
      </p>
      <button type="button" className="button-header" disabled={busy} onClick={leave}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
    </div>
  );
}
