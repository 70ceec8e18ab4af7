import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { anbKey } from '../features/funding/anb-params.ts';
import { getStateAnb } from '../features/funding/funding-api.ts';
import { ReportProblem } from '../features/funding/report-problem.tsx';
import { AnbControls, SourceNotice } from '../features/funding/source-controls.tsx';
import { StateAnbOverview } from '../features/funding/state-anb-overview.tsx';
import { useAnbParams } from '../features/funding/use-url-view.ts';
import { listDistricts } from '../lib/api.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import type { AnbParams } from '../features/funding/anb-params.ts';

async function loadState(params: AnbParams, signal: AbortSignal) {
  // District names and levels come from the district list: the summary carries numbers only.
  const [summary, districts] = await Promise.all([getStateAnb(params, signal), listDistricts({}, signal)]);
  return { summary, districts };
}

/** Statewide ANB: totals, charts and every district's counts and ANB, live or certified. */
export function StateAnbPage() {
  const [params, setParams] = useAnbParams();
  const [data, reload] = useResource(anbKey('state-anb', params), (signal) => loadState(params, signal));
  if (data.status === 'error' && isForbidden(data.problem))
    return <NotAllowed problem={data.problem} what="the statewide ANB" />;
  return (
    <>
      <title>{`ANB · ${STATE_NAME} · ${PRODUCT_NAME}`}</title>
      <h1>
        Average Number Belonging (ANB) <span className="subtitle">{STATE_NAME}, every district</span>
      </h1>
      <AnbControls params={params} onChange={setParams} />
      {data.status === 'loading' && <Loading what="the statewide ANB" />}
      {data.status === 'error' && (
        <ReportProblem
          problem={data.problem}
          what="the statewide ANB"
          certified={params.source === 'certified'}
          onRetry={reload}
        />
      )}
      {data.status === 'ok' && (
        <>
          <SourceNotice
            source={data.data.summary.source}
            schoolYear={data.data.summary.schoolYear}
            fallCountDate={data.data.summary.fallCountDate}
            springCountDate={data.data.summary.springCountDate}
          />
          <StateAnbOverview summary={data.data.summary} districts={data.data.districts} params={params} />
        </>
      )}
    </>
  );
}
