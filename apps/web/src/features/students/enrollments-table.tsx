import { Link } from 'react-router';
import type { StudentRecord } from '@bitterroot/contracts';
import { formatDate } from './record-format.ts';
import { studentsPath } from './student-place.ts';
import type { StudentPlace } from './students-api.ts';

/** An enrollment as the record page returns it. */
export type EnrollmentRow = {
  districtNumber: string;
  districtName: string;
  schoolYear: number;
  startDate: string;
  endDate: string | null;
  own: boolean;
  schoolNumber: string | null;
  schoolName: string | null;
  gradeLevel: string | null;
  startStatus: string | null;
  endStatus: string | null;
  serviceType: string | null;
  enrollmentId: number | null;
  calendarNumber: string | null;
  stored: Record<string, unknown> | null;
};

/** The record page's enrollments, typed. */
export function enrollmentsOf(record: StudentRecord): EnrollmentRow[] {
  return record.enrollments as EnrollmentRow[];
}

/** Enrollments across years and districts; other districts' show only district and dates (issue 9 §4). */
export function EnrollmentsTable({ place, record }: { place: StudentPlace; record: StudentRecord }) {
  const rows = enrollmentsOf(record);
  const id = Number(record.identity.studentId);
  return (
    <section className="panel" aria-labelledby="enrollments-heading">
      <div className="panel-header">
        <h2 id="enrollments-heading">Enrollments</h2>
        <Link className="button-primary" to={studentsPath(place, `/${id}/entry/student-enrollment`)}>
          Enroll
        </Link>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Enrollments, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Year</th>
              <th scope="col">Grade</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">End status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  Not enrolled anywhere yet.
                </td>
              </tr>
            )}
            {rows.map((e, i) => (
              <tr key={`${e.enrollmentId ?? 'other'}-${i}`}>
                <th scope="row">
                  {e.own
                    ? `${e.schoolName ?? ''} (${e.schoolNumber ?? ''})`
                    : `${e.districtName} (district ${e.districtNumber})`}
                </th>
                <td>{e.schoolYear}</td>
                <td>{e.gradeLevel ?? ''}</td>
                <td>{formatDate(e.startDate)}</td>
                <td>{e.endDate ? formatDate(e.endDate) : 'continuing'}</td>
                <td>{e.endStatus ?? ''}</td>
                <td>
                  {e.own && e.enrollmentId !== null && (
                    <span className="record-actions">
                      <Link
                        to={studentsPath(place, `/${id}/entry/student-enrollment`, {
                          enrollment: e.enrollmentId,
                          withdraw: 1,
                        })}
                        aria-label={`Withdraw from ${e.schoolName ?? 'this school'} (started ${formatDate(e.startDate)})`}
                      >
                        Withdraw
                      </Link>
                      <Link
                        to={studentsPath(place, `/${id}/entry/student-enrollment`, {
                          enrollment: e.enrollmentId,
                        })}
                        aria-label={`Edit the enrollment at ${e.schoolName ?? 'this school'} (started ${formatDate(e.startDate)})`}
                      >
                        Edit
                      </Link>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
