import { Link, Navigate, useLocation, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { AnbLinesSection } from '../features/funding/anb-lines-section.tsx';
import { anbKey } from '../features/funding/anb-params.ts';
import { AnbUnits } from '../features/funding/anb-units.tsx';
import { anbCsvUrl, getDistrictAnb } from '../features/funding/funding-api.ts';
import { ReportProblem } from '../features/funding/report-problem.tsx';
import { AnbControls, SourceNotice } from '../features/funding/source-controls.tsx';
import { useAnbParams } from '../features/funding/use-url-view.ts';
import { listSchools } from '../lib/api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A district's ANB: fall and spring counts per budget unit, the formula, and every student's line. */
export function DistrictAnbPage() {
  const raw = useParams().districtNumber ?? '';
  const { search } = useLocation();
  // As on the district page: "59" means 0059, and the canonical URL is the zero-padded number.
  if (/^\d{1,3}$/.test(raw))
    return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/anb${search}`} />;
  return <DistrictAnb district={raw} />;
}

function DistrictAnb({ district }: { district: string }) {
  const [params, setParams] = useAnbParams();
  const [report, reload] = useResource(anbKey(`anb:${district}`, params), (signal) =>
    getDistrictAnb(district, params, signal),
  );
  // School names for the filter only: the page works without them.
  const [schools] = useResource(`schools:${district}`, (signal) => listSchools(district, signal));
  if (report.status === 'error' && isForbidden(report.problem))
    return <NotAllowed problem={report.problem} what={`the ANB of district ${district}`} />;
  return (
    <>
      <title>{`ANB · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}`}>← District {district}</Link> ·{' '}
        <Link to={`/districts/${district}/attendance`}>Attendance</Link>
      </p>
      <h1>
        Average Number Belonging (ANB) <span className="subtitle">District {district}</span>
      </h1>
      <AnbControls params={params} onChange={setParams} />
      {report.status === 'loading' && <Loading what="the ANB report" />}
      {report.status === 'error' && (
        <ReportProblem
          problem={report.problem}
          what={`the ANB of district ${district}`}
          certified={params.source === 'certified'}
          onRetry={reload}
          onShowLive={() => setParams({ source: 'live' })}
        />
      )}
      {report.status === 'ok' && (
        <>
          <SourceNotice
            source={report.data.source}
            schoolYear={report.data.schoolYear}
            fallCountDate={report.data.fallCountDate}
            springCountDate={report.data.springCountDate}
            snapshots={report.data.snapshots}
          />
          <AnbUnits units={report.data.units} pirDays={report.data.pirDays} />
          <AnbLinesSection
            lines={report.data.lines}
            schools={schools.status === 'ok' ? schools.data : []}
            csvUrl={anbCsvUrl(district, params)}
          />
        </>
      )}
    </>
  );
}
