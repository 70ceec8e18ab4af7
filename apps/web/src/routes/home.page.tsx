import { Navigate } from 'react-router';
import { homePath } from '../features/access/navigation.ts';
import { useSignedInSession } from '../lib/session.ts';
import { StateOverviewPage } from './state-overview.page.tsx';

/** "/": the state overview for state roles; district and school users go to their own page. */
export function HomePage() {
  const home = homePath(useSignedInSession());
  if (home !== '/') return <Navigate replace to={home} />;
  return <StateOverviewPage />;
}
