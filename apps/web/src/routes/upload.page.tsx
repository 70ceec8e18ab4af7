import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { mayInDistrict } from '../features/access/navigation.ts';
import { UploadForm } from '../features/uploads/upload-form.tsx';
import { UploadStatus } from '../features/uploads/upload-status.tsx';
import { useUpload } from '../features/uploads/use-upload.ts';
import { getDistrict } from '../lib/api.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A district's upload page: send a Student Demographic or Enrollment file, follow it, fix its findings. */
export function UploadPage() {
  const raw = useParams().districtNumber ?? '';
  if (/^\d{1,3}$/.test(raw)) return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/upload`} />;
  if (!/^\d{4}$/.test(raw)) return <Navigate replace to={`/districts/${encodeURIComponent(raw)}`} />;
  return <UploadDetails districtNumber={raw} />;
}

function UploadDetails({ districtNumber }: { districtNumber: string }) {
  const session = useSignedInSession();
  const [detail, reload] = useResource(`district:${districtNumber}`, (signal) =>
    getDistrict(districtNumber, signal),
  );
  const { state, upload, resume } = useUpload(districtNumber);
  // `?template=` preselects the file type (the early-warning page links here with its data file).
  const initialTemplate = useSearchParams()[0].get('template') ?? '';
  const back = (
    <p className="back">
      <Link to={`/districts/${districtNumber}`}>← District {districtNumber}</Link>
    </p>
  );
  if (detail.status === 'loading') {
    return (
      <>
        {back}
        <Loading what={`district ${districtNumber}`} />
      </>
    );
  }
  // The district page explains a missing district; send people there.
  if (detail.status === 'error' && detail.problem.status === 404)
    return <Navigate replace to={`/districts/${districtNumber}`} />;
  if (detail.status === 'error' && isForbidden(detail.problem))
    return (
      <>
        {back}
        <NotAllowed problem={detail.problem} what={`district ${districtNumber}`} />
      </>
    );
  if (detail.status === 'error') {
    return (
      <>
        {back}
        <ProblemAlert
          context={`Could not load district ${districtNumber}`}
          problem={detail.problem}
          onRetry={reload}
        />
      </>
    );
  }
  const name = detail.data.name;
  // Readers of the district (auditors, state staff) reach this page by URL; the form is for those who upload.
  if (!mayInDistrict(session, 'upload:write', districtNumber))
    return (
      <>
        {back}
        <NotAllowed
          problem={{ type: 'about:blank', title: 'Forbidden', status: 403 }}
          what={`uploads for ${name}`}
        />
      </>
    );
  const busy = state.kind === 'sending' || state.kind === 'processing';
  return (
    <>
      <title>{`Upload · ${name} · ${PRODUCT_NAME}`}</title>
      {back}
      <h1>
        Upload a file <span className="subtitle">{`${name} · District ${districtNumber}`}</span>
      </h1>
      <p className="notice">
        Upload Student Demographic first, because it assigns state IDs to new students; then upload Student
        Enrollment, which needs those IDs.
      </p>
      <UploadForm busy={busy} onUpload={upload} initialTemplate={initialTemplate} />
      <UploadStatus state={state} onResume={resume} />
    </>
  );
}
