import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { studentsPath, useStudentPlace } from '../features/students/student-place.ts';
import { StudentEntry } from '../features/students/student-entry.tsx';
import { getStudentRecord, listPlaces, type StudentPlace } from '../features/students/students-api.ts';
import { getTemplate } from '../features/templates/templates-api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import { NotFoundPage } from './not-found.page.tsx';

const positive = (s: string | null) => (s && /^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

/** Hand entry of one record of a student: enroll, withdraw, edit identity or any record type with a template. */
export function StudentEntryPage() {
  const place = useStudentPlace();
  const { studentId = '', template = '' } = useParams();
  const [search] = useSearchParams();
  const id = positive(studentId);
  if (!place || id === null || !/^[a-z0-9-]{1,60}$/.test(template)) return <NotFoundPage />;
  return (
    <EntryLoader
      place={place}
      id={id}
      templateId={template}
      enrollmentId={positive(search.get('enrollment'))}
      recordId={positive(search.get('record'))}
      withdraw={search.get('withdraw') === '1'}
    />
  );
}

interface LoaderProps {
  place: StudentPlace;
  id: number;
  templateId: string;
  enrollmentId: number | null;
  recordId: number | null;
  withdraw: boolean;
}

function EntryLoader({ place, id, templateId, enrollmentId, recordId, withdraw }: LoaderProps) {
  // Editing the identity needs the protected fields; asking for them is logged like any reveal.
  const reveal = templateId === 'student-demographics';
  const key = `${place.district}:${place.school}:${id}:${templateId}`;
  const [template, reloadTemplate] = useResource(`template:${templateId}`, (s) => getTemplate(templateId, s));
  const [record, reloadRecord] = useResource(`entry-record:${key}`, (s) =>
    getStudentRecord(place, id, reveal, s),
  );
  const [places, reloadPlaces] = useResource(`places:${place.district}:${place.school}`, (s) =>
    listPlaces(place, s),
  );
  const heading = withdraw ? 'Withdraw' : template.status === 'ok' ? template.data.name : 'Record';
  const back = (
    <p className="back">
      <Link to={studentsPath(place, `/${id}`)}>← Back to the student</Link>
    </p>
  );
  const failed = [template, record, places].find((r) => r.status === 'error');
  let body;
  if (failed?.status === 'error')
    body = isForbidden(failed.problem) ? (
      <NotAllowed problem={failed.problem} what="this entry" level={2} />
    ) : (
      <ProblemAlert
        context="Could not open the form"
        problem={failed.problem}
        onRetry={() => {
          reloadTemplate();
          reloadRecord();
          reloadPlaces();
        }}
      />
    );
  else if (template.status !== 'ok' || record.status !== 'ok' || places.status !== 'ok')
    body = <Loading what="the form" />;
  else
    body = (
      <StudentEntry
        place={place}
        template={template.data}
        record={record.data}
        places={places.data.places}
        request={{
          templateId,
          enrollmentId,
          recordId,
          withdraw,
          schoolYear: places.data.schoolYear,
          district: place.district,
        }}
      />
    );
  return (
    <>
      <title>{`${heading} · student ${id} · ${PRODUCT_NAME}`}</title>
      {back}
      <h1>
        {heading}{' '}
        {record.status === 'ok' && (
          <span className="subtitle">{`${String(record.data.identity.lastName)}, ${String(record.data.identity.firstName)}`}</span>
        )}
      </h1>
      {body}
    </>
  );
}
