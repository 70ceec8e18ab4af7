import type { FindingPage } from '@bitterroot/contracts';
import { formatCount } from '../../lib/format.ts';
import { sortRuleCounts } from './finding-view.ts';

/** Props of RuleSummary. */
export interface RuleSummaryProps {
  counts: FindingPage['byRule'];
  /** The rule the table is filtered by ('' for none). */
  selected: string;
  onSelect: (rule: string) => void;
}

/** Open findings by rule, fatal first; a rule's button filters the findings table to it (again: clears). */
export function RuleSummary({ counts, selected, onSelect }: RuleSummaryProps) {
  if (counts.length === 0) return <p className="notice">No open findings. Run validation to check again.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>Open findings by rule</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Description</th>
            <th scope="col">Severity</th>
            <th scope="col" className="numeric">
              Open
            </th>
          </tr>
        </thead>
        <tbody>
          {sortRuleCounts(counts).map((c) => (
            <tr key={`${c.rule}:${c.severity}`}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button rule-id"
                  aria-pressed={selected === c.rule}
                  onClick={() => onSelect(selected === c.rule ? '' : c.rule)}
                >
                  {c.rule}
                </button>
              </th>
              <td>{c.description}</td>
              <td>
                <span className={`severity severity-${c.severity}`}>{c.severity}</span>
              </td>
              <td className="numeric">{formatCount(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
