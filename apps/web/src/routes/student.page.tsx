import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { EnrollmentsTable } from '../features/students/enrollments-table.tsx';
import { IdentityPanel } from '../features/students/identity-panel.tsx';
import { StudentAuditTrail, StudentFindings } from '../features/students/record-history.tsx';
import { RecordsSection } from '../features/students/records-section.tsx';
import { studentsPath, useStudentPlace } from '../features/students/student-place.ts';
import { getStudentRecord, type StudentPlace } from '../features/students/students-api.ts';
import { UndoLastChange } from '../features/students/undo-last-change.tsx';
import { listTemplates } from '../features/templates/templates-api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import { NotFoundPage } from './not-found.page.tsx';

/** One student: identity (masked until shown), enrollments, every record, findings and the audit trail. */
export function StudentPage() {
  const place = useStudentPlace();
  const raw = useParams().studentId ?? '';
  if (!place || !/^[1-9]\d{0,14}$/.test(raw)) return <NotFoundPage />;
  return <StudentRecordView key={raw} place={place} id={Number(raw)} />;
}

function StudentRecordView({ place, id }: { place: StudentPlace; id: number }) {
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [reveal, setReveal] = useState(false);
  const [version, setVersion] = useState(0);
  const [record, reload] = useResource(
    `student:${place.district}:${place.school}:${id}:${reveal}:${version}`,
    (signal) => getStudentRecord(place, id, reveal, signal),
  );
  const [templates] = useResource('templates', listTemplates);
  // Student names stay out of the title: titles end up in browser history.
  const title = <title>{`Student ${id} · ${PRODUCT_NAME}`}</title>;
  const back = (
    <p className="back">
      <Link to={studentsPath(place)}>← Students</Link>
    </p>
  );
  // The undo bar stays put while the record reloads after an undo, so its message is not lost.
  const undo = <UndoLastChange place={place} saved={saved} onUndone={() => setVersion((v) => v + 1)} />;
  if (record.status === 'error') {
    if (isForbidden(record.problem))
      return (
        <>
          {back}
          <NotAllowed problem={record.problem} what={`student ${id}`} />
        </>
      );
    return (
      <>
        {title}
        {back}
        {undo}
        <ProblemAlert context="Could not load the student record" problem={record.problem} onRetry={reload} />
      </>
    );
  }
  if (record.status === 'loading')
    return (
      <>
        {title}
        {back}
        {undo}
        <Loading what={reveal ? 'the protected fields' : 'the student record'} />
      </>
    );
  const r = record.data;
  return (
    <>
      {title}
      {back}
      {undo}
      <h1>
        {`${String(r.identity.lastName)}, ${String(r.identity.firstName)}`}{' '}
        <span className="subtitle">{`State ID ${String(r.identity.stateId)}`}</span>
      </h1>
      <IdentityPanel place={place} record={r} revealing={false} onReveal={() => setReveal(true)} />
      <EnrollmentsTable place={place} record={r} />
      <RecordsSection place={place} record={r} templates={templates.status === 'ok' ? templates.data : []} />
      <StudentFindings record={r} />
      <StudentAuditTrail record={r} />
    </>
  );
}
