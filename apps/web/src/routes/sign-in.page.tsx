import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ForgotPasswordForm } from '../features/access/forgot-password-form.tsx';
import { safeNext } from '../features/access/navigation.ts';
import { SignInForm } from '../features/access/sign-in-form.tsx';
import { useSession } from '../lib/session.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';

/** Sign-in, with "forgot your password?" beside it; afterwards back to `next` (a same-site path) or home. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get('next'));
  // Already signed in (e.g. the back button after signing in): go on.
  if (session.status === 'signed-in') return <Navigate replace to={next} />;
  return (
    <>
      <title>{`Sign in · ${PRODUCT_NAME}`}</title>
      <h1>
        {PRODUCT_NAME} <span className="subtitle">{STATE_NAME} statewide student data</span>
      </h1>
      {params.has('next') && (
        <p className="notice" role="status">
          Sign in to continue. Sessions end after a while without activity.
        </p>
      )}
      <div className="sign-in-columns">
        <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
        <ForgotPasswordForm />
      </div>
    </>
  );
}
