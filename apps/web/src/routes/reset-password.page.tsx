import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ResetPasswordForm } from '../features/access/reset-password-form.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';

// The token arrives in the hash (`/reset-password#token`), which browsers never send to servers or put in
// Referer headers; it is read once and removed from the address bar so it stays out of history.
function readToken(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/** The page a password-reset e-mail links to. */
export function ResetPasswordPage() {
  const [token] = useState(readToken);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return (
    <>
      <title>{`Choose a new password · ${PRODUCT_NAME}`}</title>
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="notice" role="status">
          This page needs the link from the password-reset e-mail. Ask for a new link on the{' '}
          <Link to="/sign-in">sign-in page</Link>.
        </p>
      )}
    </>
  );
}
