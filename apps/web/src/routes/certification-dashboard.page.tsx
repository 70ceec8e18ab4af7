import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import type { DashboardView } from '../features/collections/certification-view.ts';
import { DEFAULT_DASHBOARD_VIEW, parseDashboardView } from '../features/collections/certification-view.ts';
import { getDashboard } from '../features/collections/collections-api.ts';
import { DashboardSection } from '../features/collections/dashboard-section.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

const PARAM: Record<keyof DashboardView, string> = {
  eventId: 'event',
  status: 'status',
  overdueOnly: 'overdue',
  fatalsOnly: 'fatals',
  q: 'q',
  sort: 'sort',
  order: 'order',
};

/** The state's certification dashboard: every district × published event, with progress, a chart and filters. */
export function CertificationDashboardPage() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseDashboardView(params), [params]);
  const onChange = useCallback(
    (patch: Partial<DashboardView>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            const name = PARAM[key as keyof DashboardView];
            // Defaults stay out of the URL so shared links are short.
            if (value === DEFAULT_DASHBOARD_VIEW[key as keyof DashboardView]) next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const [dashboard, reload] = useResource('certification-dashboard', getDashboard);
  if (dashboard.status === 'error' && isForbidden(dashboard.problem))
    return <NotAllowed problem={dashboard.problem} what="the state certification dashboard" />;
  return (
    <>
      <title>{`Certification dashboard · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to="/certification">← Certification events</Link>
      </p>
      <h1>Certification dashboard</h1>
      {dashboard.status === 'loading' && <Loading what="the dashboard" />}
      {dashboard.status === 'error' && (
        <ProblemAlert context="Could not load the dashboard" problem={dashboard.problem} onRetry={reload} />
      )}
      {dashboard.status === 'ok' && (
        <DashboardSection dashboard={dashboard.data} view={view} onChange={onChange} />
      )}
    </>
  );
}
