import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { getRatesOverTime, getStudents } from '../features/early-warning/ews-api.ts';
import { FlaggedStudents } from '../features/early-warning/flagged-students.tsx';
import { RatesChart } from '../features/early-warning/rates-chart.tsx';
import { UploadedStudentsSection } from '../features/early-warning/uploaded-students.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A district's or school's (?school=) students at risk with reasons, and its flag rate beside the state's. */
export function DistrictEarlyWarningPage() {
  const district = useParams().districtNumber ?? '';
  const [search, setSearch] = useSearchParams();
  const school = search.get('school');
  const asOf = search.get('asOf');
  const where = school ? `School ${school}` : `District ${district}`;
  const [students, reload] = useResource(`ews:${district}:${school}:${asOf}`, (signal) =>
    getStudents(district, school, asOf, signal),
  );
  const [rates] = useResource(`ews-rates:${district}:${school}`, (signal) =>
    getRatesOverTime(district, school, signal),
  );
  if (students.status === 'error' && isForbidden(students.problem))
    return <NotAllowed problem={students.problem} what={`early-warning scores of ${where.toLowerCase()}`} />;
  return (
    <>
      <title>{`Early warning · ${where} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}`}>← District {district}</Link>
      </p>
      <h1>
        Early warning <span className="subtitle">{where}</span>
      </h1>
      <p>
        Risk of dropping out, from this year's records so far. A flag is a reason to look at a student, not a
        verdict: read the reasons and the model card's accuracy before acting.
      </p>
      <label>
        As of{' '}
        <input
          type="date"
          value={asOf ?? (students.status === 'ok' ? students.data.asOf : '')}
          onChange={(e) => {
            const next = new URLSearchParams(search);
            if (e.target.value) next.set('asOf', e.target.value);
            else next.delete('asOf');
            setSearch(next);
          }}
        />
      </label>
      {students.status === 'loading' && <Loading what="the scores" />}
      {students.status === 'error' && (
        <ProblemAlert context="Could not score the students" problem={students.problem} onRetry={reload} />
      )}
      {students.status === 'ok' && (
        <>
          {students.data.unscoredGrades.length > 0 && (
            <p className="notice">{`No current model yet for grade ${students.data.unscoredGrades.join(', ')}: those students are not scored.`}</p>
          )}
          <FlaggedStudents
            students={students.data.students}
            district={district}
            school={school}
            asOf={students.data.asOf}
          />
          <UploadedStudentsSection
            district={district}
            scored={students.data.uploadedScored}
            listed={students.data.students.filter((s) => s.source === 'uploaded').length}
          />
        </>
      )}
      <section aria-labelledby="over-time">
        <h2 id="over-time">{`${where} and the state over time`}</h2>
        {rates.status === 'ok' && <RatesChart data={rates.data} label={where} />}
        {rates.status === 'error' && (
          <ProblemAlert context="Could not load the comparison" problem={rates.problem} />
        )}
      </section>
    </>
  );
}
