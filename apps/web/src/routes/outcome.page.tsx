import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { OutcomeMeasure } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ReportProblem } from '../features/funding/report-problem.tsx';
import { MeasureTabs, OutcomeControls, OutcomeSourceNotice } from '../features/outcomes/outcome-controls.tsx';
import { OutcomeLinesSection } from '../features/outcomes/outcome-lines-section.tsx';
import { isMeasure, MEASURES, outcomeSearch } from '../features/outcomes/outcome-params.ts';
import { OutcomeDetails, OutcomeStats, OutcomeUnits } from '../features/outcomes/outcome-summary.tsx';
import { getOutcome, outcomeCsvUrl } from '../features/outcomes/outcomes-api.ts';
import { useOutcomeParams } from '../features/outcomes/use-outcome-params.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import { NotFoundPage } from './not-found.page.tsx';

/** A district's outcome measure (graduation cohort, dropouts, CTE, behavior) with every student's line. */
export function DistrictOutcomePage() {
  const { districtNumber: raw = '', measure } = useParams();
  const { search } = useLocation();
  if (/^\d{1,3}$/.test(raw))
    return (
      <Navigate
        replace
        to={`/districts/${raw.padStart(4, '0')}/outcomes/${measure ?? 'graduation'}${search}`}
      />
    );
  if (measure === undefined)
    return <Navigate replace to={`/districts/${raw}/outcomes/graduation${search}`} />;
  if (!isMeasure(measure)) return <NotFoundPage />;
  return <Outcome district={raw} measure={measure} />;
}

/** A statewide outcome measure per district, with every student's line. */
export function StateOutcomePage() {
  const { measure } = useParams();
  const { search } = useLocation();
  if (measure === undefined) return <Navigate replace to={`/outcomes/graduation${search}`} />;
  if (!isMeasure(measure)) return <NotFoundPage />;
  return <Outcome district={null} measure={measure} />;
}

function Outcome({ district, measure }: { district: string | null; measure: OutcomeMeasure }) {
  const [params, setParams] = useOutcomeParams();
  const key = `outcome:${measure}:${district ?? 'state'}:${params.source}:${params.years}:${params.year ?? ''}`;
  const [report, reload] = useResource(key, (signal) => getOutcome(measure, district, params, signal));
  const where = district === null ? STATE_NAME : `District ${district}`;
  const what = `the ${MEASURES[measure].title.toLowerCase()} of ${district === null ? 'the state' : `district ${district}`}`;
  if (report.status === 'error' && isForbidden(report.problem))
    return <NotAllowed problem={report.problem} what={what} />;
  const base = district === null ? '/outcomes' : `/districts/${district}/outcomes`;
  return (
    <>
      <title>{`${MEASURES[measure].title} · ${where} · ${PRODUCT_NAME}`}</title>
      {district !== null && (
        <p className="back">
          <Link to={`/districts/${district}`}>← District {district}</Link>
        </p>
      )}
      <h1>
        {MEASURES[measure].title} <span className="subtitle">{where}</span>
      </h1>
      <MeasureTabs base={base} params={params} />
      <p className="note">{MEASURES[measure].about}</p>
      <OutcomeControls measure={measure} params={params} onChange={setParams} />
      {report.status === 'loading' && <Loading what={what} />}
      {report.status === 'error' && (
        <ReportProblem
          problem={report.problem}
          what={what}
          certified={params.source === 'certified'}
          onRetry={reload}
        />
      )}
      {report.status === 'ok' && (
        <>
          <OutcomeSourceNotice
            source={report.data.source}
            schoolYear={report.data.schoolYear}
            snapshots={report.data.snapshots}
          />
          <OutcomeStats report={report.data} label={`${MEASURES[measure].title}, ${where}`} />
          <OutcomeDetails details={report.data.details} />
          <OutcomeUnits
            report={report.data}
            {...(district === null
              ? {
                  districtLink: (d: string) =>
                    `/districts/${d}/outcomes/${measure}${outcomeSearch(params, measure)}`,
                }
              : {})}
          />
          <OutcomeLinesSection lines={report.data.lines} csvUrl={outcomeCsvUrl(measure, district, params)} />
        </>
      )}
    </>
  );
}
