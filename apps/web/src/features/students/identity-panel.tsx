import { Link } from 'react-router';
import type { StudentRecord } from '@bitterroot/contracts';
import { studentsPath } from './student-place.ts';
import type { StudentPlace } from './students-api.ts';

const MASK = '•••';

const FIELDS: [key: string, label: string][] = [
  ['stateId', 'State ID'],
  ['localId', 'Local ID'],
  ['lastName', 'Last name'],
  ['firstName', 'First name'],
  ['middleName', 'Middle name'],
  ['birthDate', 'Birth date'],
  ['gender', 'Gender'],
  ['hispanic', 'Hispanic/Latino'],
  ['raceCodes', 'Race codes'],
];

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** Props of IdentityPanel. */
export interface IdentityPanelProps {
  place: StudentPlace;
  record: StudentRecord;
  revealing: boolean;
  onReveal: () => void;
}

/** The student's identity; protected fields show ••• until "Show" (which the server records in the audit log). */
export function IdentityPanel({ place, record, revealing, onReveal }: IdentityPanelProps) {
  const id = Number(record.identity.studentId);
  return (
    <section className="panel" aria-labelledby="identity-heading">
      <div className="panel-header">
        <h2 id="identity-heading">Identity</h2>
        <div className="record-actions">
          {record.masked && (
            <button
              type="button"
              className="button-secondary"
              onClick={onReveal}
              disabled={revealing}
              aria-describedby="reveal-note"
            >
              {revealing ? 'Showing…' : 'Show protected fields'}
            </button>
          )}
          <Link className="button-secondary" to={studentsPath(place, `/${id}/entry/student-demographics`)}>
            Edit identity
          </Link>
        </div>
      </div>
      {record.masked && (
        <p id="reveal-note" className="note">
          Birth date, gender, ethnicity, race and middle name are hidden. Showing them is recorded in the
          audit log.
        </p>
      )}
      <dl className="facts" aria-label="Identity">
        {FIELDS.map(([key, label]) => {
          const value = record.identity[key];
          return (
            <div key={key}>
              <dt>{label}</dt>
              <dd className={value === MASK ? 'masked' : undefined}>
                {value === MASK ? <span aria-label="hidden">{MASK}</span> : shown(value)}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
