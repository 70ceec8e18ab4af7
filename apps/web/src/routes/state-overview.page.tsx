import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { District } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { applyDistrictView } from '../features/districts/district-filter.ts';
import { DistrictFilters } from '../features/districts/district-filters.tsx';
import { DistrictsTable } from '../features/districts/districts-table.tsx';
import type { EnrollmentMeasure } from '../features/districts/enrollment-chart.tsx';
import { EnrollmentChart } from '../features/districts/enrollment-chart.tsx';
import { StateHeadline } from '../features/districts/state-headline.tsx';
import { useDistrictView } from '../features/districts/use-district-view.ts';
import { listDistricts } from '../lib/api.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** The state overview: totals, enrollment chart, and the filterable, sortable list of every district. */
export function StateOverviewPage() {
  // ~400 districts: one request loads them all; filtering and sorting then happen instantly in the browser.
  const [districts, reload] = useResource('districts', (signal) => listDistricts({}, signal));
  return (
    <>
      <title>{`State overview · ${PRODUCT_NAME}`}</title>
      <h1>{STATE_NAME} state overview</h1>
      {districts.status === 'loading' && <Loading what="districts" />}
      {districts.status === 'error' && (
        <ProblemAlert context="Could not load districts" problem={districts.problem} onRetry={reload} />
      )}
      {districts.status === 'ok' && <Overview districts={districts.data} />}
    </>
  );
}

function Overview({ districts }: { districts: readonly District[] }) {
  const [view, setView] = useDistrictView();
  const [params, setParams] = useSearchParams();
  const measure: EnrollmentMeasure = params.get('measure') === 'ccd' ? 'ccd' : 'students';
  const shown = useMemo(() => applyDistrictView(districts, view), [districts, view]);
  const setMeasure = (m: EnrollmentMeasure) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (m === 'students') next.delete('measure');
        else next.set('measure', m);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <StateHeadline districts={districts} />
      <EnrollmentChart
        districts={shown}
        total={districts.length}
        measure={measure}
        onMeasureChange={setMeasure}
      />
      <section className="panel" aria-labelledby="districts-heading">
        <div className="panel-header">
          <h2 id="districts-heading">Districts</h2>
          <DistrictFilters view={view} onChange={setView} />
        </div>
        <DistrictsTable
          districts={shown}
          total={districts.length}
          sort={view.sort}
          order={view.order}
          onSort={(sort, order) => setView({ sort, order })}
        />
      </section>
    </>
  );
}
