import { Link } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { listDistricts } from '../lib/api.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/**
 * A school user's home: the schools they work for, with their district's name. School users see their own
 * school's students only, so there are no district-wide pages to link to.
 */
export function MySchoolPage() {
  const session = useSignedInSession();
  const schools = session.grants.filter((g) => g.schoolNumber !== null);
  // The district list is directory data every signed-in user may read; it names the districts.
  const [districts, reload] = useResource('districts', (signal) => listDistricts({}, signal));
  const nameOf = (d: string) =>
    districts.status === 'ok' ? (districts.data.find((x) => x.districtNumber === d)?.name ?? '') : '';
  return (
    <>
      <title>{`My school · ${PRODUCT_NAME}`}</title>
      <h1>My school</h1>
      {districts.status === 'loading' && <Loading what="your district" />}
      {districts.status === 'error' && (
        <ProblemAlert context="Could not load district names" problem={districts.problem} onRetry={reload} />
      )}
      {schools.length === 0 ? (
        <p className="notice" role="status">
          Your account has no school role. Go to your <Link to="/">home page</Link>.
        </p>
      ) : (
        <dl className="facts" aria-label="Your schools">
          {schools.map((g) => (
            <div key={`${g.districtNumber}-${g.schoolNumber}`}>
              <dt>{`School ${g.schoolNumber}`}</dt>
              <dd>
                {nameOf(g.districtNumber!) || `District ${g.districtNumber}`}
                <span className="stat-note">{` · district ${g.districtNumber}`}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="note">
        You can see and enter the records of the students of your school. Your district&apos;s data steward
        handles uploads and validation findings for the whole district.
      </p>
    </>
  );
}
