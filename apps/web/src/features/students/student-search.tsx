import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { studentsPath } from './student-place.ts';
import { searchStudents, type StudentPlace } from './students-api.ts';

/** Search by name ("smith, jo"), state ID or local ID; the query lives in `?q=` so Back returns to it. */
export function StudentSearch({ place }: { place: StudentPlace }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  return (
    <>
      <form
        role="search"
        className="filters"
        aria-label="Search students"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(params);
          if (draft.trim()) next.set('q', draft.trim());
          else next.delete('q');
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="student-query">Name, state ID or local ID</label>
          <input
            id="student-query"
            type="search"
            value={draft}
            maxLength={100}
            autoComplete="off"
            aria-describedby="student-query-hint"
            onChange={(e) => setDraft(e.target.value)}
          />
          <span id="student-query-hint" className="note">
            Last name first: “smith, jo”. Numbers find state and local IDs.
          </span>
        </div>
        <button type="submit" className="button-primary">
          Search
        </button>
      </form>
      {q && <Results place={place} q={q} />}
    </>
  );
}

function Results({ place, q }: { place: StudentPlace; q: string }) {
  const [hits, reload] = useResource(`students:${place.district}:${place.school}:${q}`, (signal) =>
    searchStudents(place, q, signal),
  );
  if (hits.status === 'loading') return <Loading what="students" />;
  if (hits.status === 'error')
    return <ProblemAlert context="Could not search students" problem={hits.problem} onRetry={reload} />;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{`${hits.data.length} ${hits.data.length === 1 ? 'student' : 'students'} for “${q}”`}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">State ID</th>
            <th scope="col">Local ID</th>
          </tr>
        </thead>
        <tbody>
          {hits.data.length === 0 && (
            <tr>
              <td colSpan={3} className="empty">
                No student matches. Check the spelling, or add a new student.
              </td>
            </tr>
          )}
          {hits.data.map((h) => (
            <tr key={`${h.studentId}-${h.districtNumber}`}>
              <th scope="row">
                <Link to={studentsPath(place, `/${h.studentId}`)}>{`${h.lastName}, ${h.firstName}`}</Link>
              </th>
              <td>{h.stateId}</td>
              <td>{h.localId ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
