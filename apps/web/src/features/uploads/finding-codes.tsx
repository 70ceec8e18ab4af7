import type { Upload } from '@bitterroot/contracts';
import { formatCount } from '../../lib/format.ts';

/** Props of FindingCodes. */
export interface FindingCodesProps {
  counts: Upload['findingCounts'];
  /** The code the findings table is filtered to ('' for none). */
  active: string;
  onSelect: (code: string) => void;
}

/** Findings counted by code; each code is a toggle that filters the findings table to it. */
export function FindingCodes({ counts, active, onSelect }: FindingCodesProps) {
  return (
    <table className="data-table compact finding-codes">
      <caption>Findings by code (choose a code to show only its findings)</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Severity</th>
          <th scope="col" className="numeric">
            Findings
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={`${c.code}:${c.severity}`}>
            <th scope="row">
              <button
                type="button"
                className="link-button"
                aria-pressed={active === c.code}
                onClick={() => onSelect(active === c.code ? '' : c.code)}
              >
                {c.code}
              </button>
            </th>
            <td>
              <span className={`severity severity-${c.severity}`}>{c.severity}</span>
            </td>
            <td className="numeric">{formatCount(c.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
