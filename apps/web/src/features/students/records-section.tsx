import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { StudentRecord, TemplateSummary } from '@bitterroot/contracts';
import { enrollmentsOf } from './enrollments-table.tsx';
import { formatDate, recordFacts } from './record-format.ts';
import { studentsPath } from './student-place.ts';
import { columnLabel, humanizeKey, useTemplateLabels } from './template-labels.ts';
import type { StudentPlace } from './students-api.ts';
import { Link } from 'react-router';

/** Templates a student's record page can add to: student rows other than identity and enrollment. */
export function recordTemplates(templates: readonly TemplateSummary[]): TemplateSummary[] {
  return templates.filter(
    (t) =>
      (t.level === 'student' || t.level === 'district-student') &&
      t.id !== 'student-demographics' &&
      t.id !== 'student-enrollment' &&
      // EWS student data is for students not in the system (decision 0071): never added to a record here.
      t.id !== 'ews-student-data',
  );
}

/** Props of RecordsSection. */
export interface RecordsSectionProps {
  place: StudentPlace;
  record: StudentRecord;
  templates: readonly TemplateSummary[];
}

/** Every record of the student in the district, by record type, each with an Edit link; and "Add a record". */
export function RecordsSection({ place, record, templates }: RecordsSectionProps) {
  const id = Number(record.identity.studentId);
  const nameOf = (t: string | null, table: string) =>
    templates.find((x) => x.id === t)?.name ?? humanizeKey(table);
  // Facts are labelled as the template names its columns, not by the stored column names.
  const labels = useTemplateLabels(record.records.flatMap((r) => (r.template ? [r.template] : [])));
  return (
    <section className="panel" aria-labelledby="records-heading">
      <h2 id="records-heading">Records</h2>
      <AddRecord place={place} record={record} templates={recordTemplates(templates)} />
      {record.records.length === 0 && (
        <p className="note">No programs, attendance, behavior or other records yet.</p>
      )}
      {record.records.map((r, i) => {
        const rowId = r.row.id as number | undefined;
        const enrollment = r.row.enrollment_id as number | undefined;
        const name = nameOf(r.template, r.table);
        return (
          <article key={`${r.table}-${rowId ?? i}`} className="record-card" aria-label={name}>
            <h3>
              {name} <span className="subtitle">{String(r.row.school_year ?? '')}</span>
            </h3>
            <dl className="facts">
              {recordFacts(r.row, (key) => columnLabel(labels, r.template, key))
                .filter((f) => f.key !== 'school_year')
                .map((f) => (
                  <div key={f.key}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
            </dl>
            {r.template && (
              <Link
                to={studentsPath(place, `/${id}/entry/${r.template}`, { record: rowId, enrollment })}
                aria-label={`Edit ${name}`}
              >
                Edit
              </Link>
            )}
          </article>
        );
      })}
    </section>
  );
}

function AddRecord({ place, record, templates }: RecordsSectionProps) {
  const navigate = useNavigate();
  const own = enrollmentsOf(record).filter((e) => e.own && e.enrollmentId !== null);
  const [template, setTemplate] = useState('');
  const [enrollment, setEnrollment] = useState(String(own[0]?.enrollmentId ?? ''));
  const id = Number(record.identity.studentId);
  return (
    <form
      className="filters"
      aria-label="Add a record"
      onSubmit={(e) => {
        e.preventDefault();
        if (template) void navigate(studentsPath(place, `/${id}/entry/${template}`, { enrollment }));
      }}
    >
      <div className="field">
        <label htmlFor="add-record-type">Record type</label>
        <select id="add-record-type" value={template} onChange={(e) => setTemplate(e.target.value)}>
          <option value="">— choose —</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="add-record-enrollment">For the enrollment</label>
        <select id="add-record-enrollment" value={enrollment} onChange={(e) => setEnrollment(e.target.value)}>
          {own.length === 0 && <option value="">— not enrolled —</option>}
          {own.map((e) => (
            <option key={e.enrollmentId} value={String(e.enrollmentId)}>
              {`${e.schoolName ?? ''} ${e.schoolYear}, from ${formatDate(e.startDate)}`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary" disabled={!template}>
        Add record
      </button>
    </form>
  );
}
