import type { StudentRecord } from '@bitterroot/contracts';

/** Open validation findings about the student that the district sees. */
export function StudentFindings({ record }: { record: StudentRecord }) {
  return (
    <section className="panel" aria-labelledby="student-findings-heading">
      <h2 id="student-findings-heading">Open findings</h2>
      {record.findings.length === 0 ? (
        <p className="note">No open findings.</p>
      ) : (
        <ul>
          {record.findings.map((f) => (
            <li key={String(f.id)}>
              <span className={`severity severity-${String(f.severity)}`}>{String(f.severity)}</span>{' '}
              <code>{String(f.rule_id)}</code> {String(f.message)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Who read or changed the student's record, newest first. */
export function StudentAuditTrail({ record }: { record: StudentRecord }) {
  return (
    <section className="panel" aria-labelledby="student-audit-heading">
      <h2 id="student-audit-heading">Audit trail</h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">Reads and changes of this record, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {record.audit.map((a, i) => (
              <tr key={`${a.at}-${i}`}>
                <td>{new Date(a.at).toLocaleString()}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
