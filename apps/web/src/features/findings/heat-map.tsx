import { Link } from 'react-router';
import { formatCount, plural } from '../../lib/format.ts';
import type { HeatGrid } from './heat-map.ts';
import { heatBand } from './heat-map.ts';

/** The districts × rules heat map: each cell's colour bands its count; a cell links to the district's findings for that rule. */
export function HeatMap({ grid }: { grid: HeatGrid }) {
  if (grid.rows.length === 0) return <p className="notice">No district has an open finding that matches.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table compact heat-map">
        <caption>
          Open findings by district and rule ({plural(grid.rows.length, 'district')}, darker is more)
        </caption>
        <thead>
          <tr>
            <th scope="col">District</th>
            {grid.rules.map((r) => (
              <th key={r.rule} scope="col" className={`numeric rule-id severity-${r.severity}`}>
                {r.rule}
              </th>
            ))}
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.district}>
              <th scope="row">
                <Link to={`/districts/${row.district}/findings`}>{row.name}</Link>{' '}
                <span className="note">{row.district}</span>
              </th>
              {grid.rules.map(({ rule }) => {
                const count = row.counts.get(rule) ?? 0;
                return (
                  <td key={rule} className={`numeric heat-${heatBand(count, grid.max)}`}>
                    {count > 0 && (
                      <Link
                        to={`/districts/${row.district}/findings?rule=${encodeURIComponent(rule)}`}
                        aria-label={`${row.name}: ${formatCount(count)} open ${rule} findings`}
                      >
                        {formatCount(count)}
                      </Link>
                    )}
                  </td>
                );
              })}
              <td className="numeric">{formatCount(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
