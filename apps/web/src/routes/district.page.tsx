import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { mayInDistrict } from '../features/access/navigation.ts';
import { DistrictSummary } from '../features/districts/district-summary.tsx';
import { RecordCounts } from '../features/districts/record-counts.tsx';
import { SchoolsTable } from '../features/districts/schools-table.tsx';
import { getDistrict, listSchools } from '../lib/api.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

function BackLink() {
  return (
    <p className="back">
      <Link to="/">← All districts</Link>
    </p>
  );
}

/** One district: identity, verification summary (records per type) and its schools. */
export function DistrictPage() {
  const raw = useParams().districtNumber ?? '';
  // People type "59" for 0059; the canonical URL is the zero-padded number.
  if (/^\d{1,3}$/.test(raw)) return <Navigate replace to={`/districts/${raw.padStart(4, '0')}`} />;
  if (!/^\d{4}$/.test(raw)) return <DistrictNotFound districtNumber={raw} />;
  return <DistrictDetails districtNumber={raw} />;
}

function DistrictDetails({ districtNumber }: { districtNumber: string }) {
  const session = useSignedInSession();
  const [detail, reloadDetail] = useResource(`district:${districtNumber}`, (signal) =>
    getDistrict(districtNumber, signal),
  );
  const [schools, reloadSchools] = useResource(`schools:${districtNumber}`, (signal) =>
    listSchools(districtNumber, signal),
  );
  if (detail.status === 'loading') {
    return (
      <>
        <BackLink />
        <Loading what={`district ${districtNumber}`} />
      </>
    );
  }
  if (detail.status === 'error') {
    if (detail.problem.status === 404) return <DistrictNotFound districtNumber={districtNumber} />;
    if (isForbidden(detail.problem))
      return (
        <>
          <BackLink />
          <NotAllowed problem={detail.problem} what={`district ${districtNumber}`} />
        </>
      );
    return (
      <>
        <BackLink />
        <ProblemAlert
          context={`Could not load district ${districtNumber}`}
          problem={detail.problem}
          onRetry={reloadDetail}
        />
      </>
    );
  }
  const district = detail.data;
  return (
    <>
      <title>{`${district.name} · ${PRODUCT_NAME}`}</title>
      <BackLink />
      <div className="page-heading">
        <h1>
          {district.name} <span className="subtitle">District {district.districtNumber}</span>
        </h1>
        {mayInDistrict(session, 'upload:write', district.districtNumber) && (
          <Link className="button-primary" to={`/districts/${district.districtNumber}/upload`}>
            Upload a file
          </Link>
        )}
      </div>
      <p>
        <Link to={`/districts/${district.districtNumber}/findings`}>Validation findings</Link>
        {mayInDistrict(session, 'users:manage', district.districtNumber) && (
          <>
            {' · '}
            <Link to={`/districts/${district.districtNumber}/users`}>Users</Link>
          </>
        )}
      </p>
      <DistrictSummary district={district} />
      <RecordCounts counts={district.counts} />
      {schools.status === 'loading' && <Loading what="schools" />}
      {schools.status === 'error' && (
        <ProblemAlert context="Could not load schools" problem={schools.problem} onRetry={reloadSchools} />
      )}
      {schools.status === 'ok' && <SchoolsTable schools={schools.data} />}
    </>
  );
}

function DistrictNotFound({ districtNumber }: { districtNumber: string }) {
  return (
    <>
      <title>{`District not found · ${PRODUCT_NAME}`}</title>
      <BackLink />
      <h1>District not found</h1>
      <p className="notice" role="status">
        There is no district numbered <strong>{districtNumber || '(blank)'}</strong>. District numbers have
        four digits, such as 0059. Find the district in the <Link to="/">list of all districts</Link>.
      </p>
    </>
  );
}
