import type { IdentityReview } from '@bitterroot/contracts';
import { displayDate, sameValue } from './review-labels.ts';

interface Row {
  label: string;
  incoming: string | null;
  candidate: string | null;
  /** Values compared for the "identical / differs" note; null when the row is informational only. */
  compare: [string | null, string | null] | null;
}

function rowsOf({ incoming, candidate, districtNumber }: IdentityReview): Row[] {
  const text = (label: string, a: string | null, b: string | null): Row => ({
    label,
    incoming: a,
    candidate: b,
    compare: [a, b],
  });
  return [
    text('Last name', incoming.lastName, candidate.lastName),
    text('First name', incoming.firstName, candidate.firstName),
    text('Middle name', incoming.middleName, candidate.middleName),
    // Both dates in one format, so a transposed digit is visible and the comparison is of the dates.
    text('Birth date', displayDate(incoming.birthDate), displayDate(candidate.birthDate)),
    text('Gender', incoming.gender, candidate.gender),
    { label: 'State ID', incoming: null, candidate: candidate.stateId, compare: null },
    {
      label: 'Districts',
      incoming: `${districtNumber} (local ID ${incoming.localId ?? '—'})`,
      candidate: candidate.districts.join(', ') || null,
      compare: null,
    },
  ];
}

function Verdict({ compare }: { compare: Row['compare'] }) {
  // Informational rows, and fields missing on both records, get no verdict.
  if (compare === null || compare.every((v) => (v ?? '').trim() === '' || v === '—')) return null;
  return sameValue(...compare) ? (
    <span className="severity severity-info">identical</span>
  ) : (
    <span className="severity severity-warning">differs</span>
  );
}

/** The uploaded row and the known student side by side, field by field, marking what differs. */
export function ReviewComparison({ item }: { item: IdentityReview }) {
  return (
    <section className="panel" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Side by side</h2>
      <div className="table-scroll">
        <table className="data-table comparison">
          <caption className="visually-hidden">The uploaded record and the closest known student</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Uploaded by district {item.districtNumber}</th>
              <th scope="col">Known student, state ID {item.candidate.stateId}</th>
              <th scope="col">
                <span className="visually-hidden">Comparison</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(item).map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.incoming || '—'}</td>
                <td>{row.candidate || '—'}</td>
                <td>
                  <Verdict compare={row.compare} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
