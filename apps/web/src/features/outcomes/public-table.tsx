import type { PublicReport, PublicTable } from '@bitterroot/contracts';

/** Whether a displayed cell is suppressed (`*`) or top/bottom coded (`≥95%`, `≤5%`). */
function masked(cell: string): boolean {
  return cell === '*' || cell.startsWith('≥') || cell.startsWith('≤');
}

const Cell = ({ value }: { value: string }) => (
  <td className="numeric" data-suppressed={masked(value) ? 'true' : undefined}>
    {value}
  </td>
);

/** One suppressed table exactly as published: displayed strings only, row and column totals. */
export function PublicTableView({ table }: { table: PublicTable }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>{table.title}</caption>
        <thead>
          <tr>
            <td />
            {table.columnLabels.map((c) => (
              <th key={c} scope="col" className="numeric">
                {c}
              </th>
            ))}
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rowLabels.map((r, i) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {table.cells[i]!.map((cell, j) => (
                <Cell key={table.columnLabels[j]} value={cell} />
              ))}
              <Cell value={table.rowTotals[i] ?? ''} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {table.columnTotals.map((cell, j) => (
              <Cell key={table.columnLabels[j]} value={cell} />
            ))}
            <Cell value={table.grandTotal} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The report's rates as published, each with how it was computed or why it is hidden. */
export function PublicRates({ rates }: { rates: PublicReport['rates'] }) {
  return (
    <dl className="stats" aria-label="Public rates">
      {rates.map((r) => (
        <div className="stat" key={r.label}>
          <dt>{r.label}</dt>
          <dd>
            <span className="stat-value">{r.display}</span>
            <span className="stat-note">{r.explanation}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
