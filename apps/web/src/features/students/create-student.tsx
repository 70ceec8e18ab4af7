import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { IdentityCandidate, Problem, TemplateDetail } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { toIsoDate } from './entry-values.ts';
import { studentsPath } from './student-place.ts';
import { findCandidates, searchStudents, type StudentPlace } from './students-api.ts';
import { TemplateForm } from './template-form.tsx';

type Row = Record<string, string>;
type Pending = { row: Row; save: (row: Row) => void; candidates: IdentityCandidate[] };

/**
 * New student: the Student Demographic form, then — before any state ID is issued — the statewide identities
 * the person may already be ("is this one of these students?"). Choosing one links to that state ID; "none of
 * these" sends the row without one, and the upload's matching runs again on the server.
 */
export function CreateStudent({ place, template }: { place: StudentPlace; template: TemplateDetail }) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const sent = useRef<Row | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [pending]);

  const beforeSave = (row: Row, save: (row: Row) => void) => {
    const birthDate = toIsoDate(row.birth_date ?? '');
    const send = (r: Row) => {
      sent.current = r;
      setPending(null);
      save(r);
    };
    // Without a name and birth date there is nothing to match: the pipeline reports what is missing.
    if (!birthDate || !row.last_name?.trim() || !row.first_name?.trim()) return send(row);
    setProblem(null);
    findCandidates(place, {
      lastName: row.last_name.trim(),
      firstName: row.first_name.trim(),
      middleName: row.middle_name?.trim() || undefined,
      birthDate,
      gender: row.gender?.trim() || undefined,
    }).then(
      (candidates) => (candidates.length ? setPending({ row, save: send, candidates }) : send(row)),
      (error: unknown) => setProblem(toProblem(error)),
    );
  };

  const onSaved = () => {
    const row = sent.current;
    const localId = row?.student_local_id?.trim() ?? '';
    const query = localId || `${row?.last_name ?? ''}, ${row?.first_name ?? ''}`;
    void searchStudents(place, query).then((hits) => {
      const hit = hits.find((h) => (localId ? h.localId === localId : true));
      const saved = 'Student saved.';
      void navigate(hit ? studentsPath(place, `/${hit.studentId}`) : studentsPath(place, '', { q: query }), {
        state: { saved },
      });
    });
  };

  return (
    <>
      {problem && <ProblemAlert context="Could not look for existing students" problem={problem} />}
      {pending && (
        <section className="panel" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading" ref={heading} tabIndex={-1}>
            Is this one of these students?
          </h2>
          <p className="note">
            These students already have a state ID and look like the one you are entering. If one is the same
            child, use it: a second state ID for one child splits their record.
          </p>
          <ul className="grant-list">
            {pending.candidates.map((c) => (
              <li key={c.stateId}>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => pending.save({ ...pending.row, student_state_id: c.stateId })}
                >
                  {`Yes: ${c.lastName}, ${c.firstName} · state ID ${c.stateId}`}
                </button>{' '}
                <span className="note">
                  {`born ${c.birthDate ?? 'unknown'}, last district ${c.lastDistrict ?? 'none'}, ${c.decision === 'match' ? 'very likely' : 'possibly'} the same (score ${c.score})`}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="button-primary" onClick={() => pending.save(pending.row)}>
            None of these: create a new student
          </button>
        </section>
      )}
      <TemplateForm
        template={template}
        place={place}
        initial={{ district_number: place.district }}
        context={new Set(['record_type', 'district_number', 'student_state_id'])}
        submitLabel="Continue"
        beforeSave={beforeSave}
        onSaved={onSaved}
      />
    </>
  );
}
