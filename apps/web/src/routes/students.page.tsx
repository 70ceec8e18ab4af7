import { Link } from 'react-router';
import { studentsPath, useStudentPlace } from '../features/students/student-place.ts';
import { StudentSearch } from '../features/students/student-search.tsx';
import { UndoLastChange } from '../features/students/undo-last-change.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';
import { NotFoundPage } from './not-found.page.tsx';

/** Student search of a district (a school user: their school), with "New student" and undo of the last change. */
export function StudentsPage() {
  const place = useStudentPlace();
  if (!place) return <NotFoundPage />;
  return (
    <>
      <title>{`Students · ${PRODUCT_NAME}`}</title>
      <div className="page-heading">
        <h1>
          Students{' '}
          <span className="subtitle">
            {place.school
              ? `School ${place.school}, district ${place.district}`
              : `District ${place.district}`}
          </span>
        </h1>
        <Link className="button-primary" to={studentsPath(place, '/new')}>
          New student
        </Link>
      </div>
      <UndoLastChange place={place} onUndone={() => undefined} />
      <StudentSearch place={place} />
    </>
  );
}
