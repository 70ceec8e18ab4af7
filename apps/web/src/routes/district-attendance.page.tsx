import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { DEFAULT_ANB_PARAMS } from '../features/funding/anb-params.ts';
import { AttendanceSection } from '../features/funding/attendance-section.tsx';
import { getDistrictAnb } from '../features/funding/funding-api.ts';
import { ReportProblem } from '../features/funding/report-problem.tsx';
import { listSchools } from '../lib/api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A district's EOY attendance rate and ESSA chronic absence, overall and by school. */
export function DistrictAttendancePage() {
  const raw = useParams().districtNumber ?? '';
  if (/^\d{1,3}$/.test(raw)) return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/attendance`} />;
  return <DistrictAttendance district={raw} />;
}

function DistrictAttendance({ district }: { district: string }) {
  // The ANB report carries the district's attendance, always from the live data (decision 0045).
  const [report, reload] = useResource(`attendance:${district}`, (signal) =>
    getDistrictAnb(district, DEFAULT_ANB_PARAMS, signal),
  );
  const [schools] = useResource(`schools:${district}`, (signal) => listSchools(district, signal));
  if (report.status === 'error' && isForbidden(report.problem))
    return <NotAllowed problem={report.problem} what={`the attendance of district ${district}`} />;
  return (
    <>
      <title>{`Attendance · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}`}>← District {district}</Link> ·{' '}
        <Link to={`/districts/${district}/anb`}>ANB</Link>
      </p>
      <h1>
        Attendance and chronic absence <span className="subtitle">District {district}</span>
      </h1>
      {report.status === 'loading' && <Loading what="attendance" />}
      {report.status === 'error' && (
        <ReportProblem
          problem={report.problem}
          what={`the attendance of district ${district}`}
          certified={false}
          onRetry={reload}
        />
      )}
      {report.status === 'ok' && (
        <>
          <p className="notice" role="status">
            <strong>Live data, not certified.</strong> School year {report.data.schoolYear}, from the
            end-of-year attendance as it stands now. Chronic absence follows ESSA: absent at least 10% of the
            days enrolled, summed over a student&apos;s enrollments at one school.
          </p>
          <AttendanceSection
            attendance={report.data.attendance}
            schools={schools.status === 'ok' ? schools.data : []}
          />
        </>
      )}
    </>
  );
}
