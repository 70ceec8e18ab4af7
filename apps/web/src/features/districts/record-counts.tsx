import { formatCount } from '../../lib/format.ts';
import { recordTypeLabel } from './labels.ts';

/**
 * The verification summary: how many records of each type the state holds for the district, so a data
 * manager can compare them with the district's own counts.
 */
export function RecordCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  return (
    <section className="panel" aria-labelledby="counts-heading">
      <h2 id="counts-heading">Verification summary</h2>
      <p className="note">
        Records the state holds for this district, by type. Compare them with the district's own system.
      </p>
      {entries.length === 0 ? (
        <p className="note">No records have been loaded for this district yet.</p>
      ) : (
        <table className="data-table compact counts">
          <caption className="visually-hidden">Records held per type</caption>
          <thead>
            <tr>
              <th scope="col">Record type</th>
              <th scope="col" className="numeric">
                Records
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([type, count]) => (
              <tr key={type}>
                <th scope="row">{recordTypeLabel(type)}</th>
                <td className="numeric">{formatCount(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
