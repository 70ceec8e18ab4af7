import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { getStudentHistory } from '../features/early-warning/ews-api.ts';
import { percent } from '../features/early-warning/ews-format.ts';
import { Interventions } from '../features/early-warning/interventions.tsx';
import { RiskTrend } from '../features/early-warning/risk-trend.tsx';
import { holds, useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** One student's early warning: risk trend with interventions marked, latest reasons, record an intervention. */
export function EwsStudentPage() {
  const params = useParams();
  const district = params.districtNumber ?? '';
  const stateId = params.stateId ?? '';
  const [search] = useSearchParams();
  const school = search.get('school');
  const session = useSignedInSession();
  const [history, reload] = useResource(`ews-student:${district}:${school}:${stateId}`, (signal) =>
    getStudentHistory(district, stateId, school, signal),
  );
  const back = `/districts/${district}/early-warning${school ? `?school=${encodeURIComponent(school)}` : ''}`;
  if (history.status === 'error' && isForbidden(history.problem))
    return <NotAllowed problem={history.problem} what="this student's early-warning history" />;
  const latest = history.status === 'ok' ? history.data.points.at(-1) : undefined;
  return (
    <>
      <title>{`Early warning · ${stateId} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={back}>← Early warning</Link>
      </p>
      <h1>
        Early warning{' '}
        <span className="subtitle">
          {history.status === 'ok' ? `${history.data.name} (${stateId})` : stateId}
        </span>
      </h1>
      {history.status === 'loading' && <Loading what="the history" />}
      {history.status === 'error' && (
        <ProblemAlert context="Could not load the history" problem={history.problem} onRetry={reload} />
      )}
      {history.status === 'ok' && (
        <>
          {latest && (
            <section aria-labelledby="latest">
              <h2 id="latest">{`Latest score: ${percent(latest.probability)} (${latest.band}), as of ${latest.asOf}`}</h2>
              {latest.reasons.length === 0 ? (
                <p>No feature raises this student's risk above the state's.</p>
              ) : (
                <ul className="reasons">
                  {latest.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="trend">
            <h2 id="trend">Risk over time</h2>
            <RiskTrend points={history.data.points} interventions={history.data.interventions} />
          </section>
          <Interventions
            district={district}
            school={school}
            stateId={stateId}
            interventions={history.data.interventions}
            canRecord={holds(session, 'student:write')}
            onRecorded={reload}
          />
        </>
      )}
    </>
  );
}
