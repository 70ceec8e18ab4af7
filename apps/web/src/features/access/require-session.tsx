import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { setSignedIn, setSignedOut, useSession } from '../../lib/session.ts';
import { toProblem } from '../../lib/use-resource.ts';
import { loadSession } from './access-api.ts';
import { signInPath } from './navigation.ts';

/**
 * Renders its children only for a signed-in user. On first load it asks the server who is signed in (the
 * cookie is HttpOnly, so the page cannot tell); when no one is, or a later request answered 401, it goes to
 * the sign-in page with the current address as `next`.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const { pathname, search } = useLocation();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (session.status !== 'unknown') return;
    const controller = new AbortController();
    loadSession(controller.signal).then(setSignedIn, (error: unknown) => {
      if (controller.signal.aborted) return;
      const p = toProblem(error);
      if (p.status === 401) setSignedOut('expired');
      else setProblem(p);
    });
    return () => controller.abort();
  }, [session.status, attempt]);
  if (session.status === 'signed-in') return <>{children}</>;
  if (session.status === 'signed-out') {
    const to = session.reason === 'expired' ? signInPath(`${pathname}${search}`) : '/sign-in';
    return <Navigate replace to={to} />;
  }
  if (problem)
    return (
      <ProblemAlert
        context="Could not check your session"
        problem={problem}
        onRetry={() => {
          setProblem(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  return <Loading what="your session" />;
}
