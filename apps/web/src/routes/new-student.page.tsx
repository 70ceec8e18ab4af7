import { Link } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { CreateStudent } from '../features/students/create-student.tsx';
import { studentsPath, useStudentPlace } from '../features/students/student-place.ts';
import { getTemplate } from '../features/templates/templates-api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import { NotFoundPage } from './not-found.page.tsx';

/** Hand entry of a new student (Student Demographic), matched against the state before an ID is issued. */
export function NewStudentPage() {
  const place = useStudentPlace();
  const [template, reload] = useResource('template:student-demographics', (s) =>
    getTemplate('student-demographics', s),
  );
  if (!place) return <NotFoundPage />;
  return (
    <>
      <title>{`New student · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={studentsPath(place)}>← Students</Link>
      </p>
      <h1>New student</h1>
      {template.status === 'loading' && <Loading what="the form" />}
      {template.status === 'error' && (
        <ProblemAlert context="Could not open the form" problem={template.problem} onRetry={reload} />
      )}
      {template.status === 'ok' && <CreateStudent place={place} template={template.data} />}
    </>
  );
}
