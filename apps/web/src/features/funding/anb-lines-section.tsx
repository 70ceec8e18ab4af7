import { useMemo, useState } from 'react';
import type { AnbLineBody, School } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { AnbRow, LineSortKey } from './anb-lines.ts';
import { applyLineView, reasonCounts, toRows, weightSum } from './anb-lines.ts';
import { AnbLineFilters, schoolChoices } from './anb-line-filters.tsx';
import { BUDGET_UNIT_LABELS, formatWeight } from './funding-format.ts';
import { useLineView } from './use-url-view.ts';

// A large district has tens of thousands of lines; the page renders them in slices to stay responsive.
const SLICE = 200;

const STATUS_LABELS: Record<AnbLineBody['status'], string> = {
  counted: 'Counted',
  excluded: 'Excluded',
  'not-counted': 'Not counted',
};

const COLUMNS: readonly Column<AnbRow, LineSortKey>[] = [
  { key: 'stateId', label: 'State ID', sortValue: (r) => r.stateId },
  {
    key: 'count',
    label: 'Count',
    sortValue: (r) => r.count,
    // The two count dates are in the notice above; the cell keeps the table narrow.
    render: (r) => <span title={`Count date ${r.countDate}`}>{r.count === 'fall' ? 'Fall' : 'Spring'}</span>,
  },
  { key: 'schoolNumber', label: 'School', sortValue: (r) => r.schoolNumber },
  {
    key: 'budgetUnit',
    label: 'Budget unit',
    sortValue: (r) => r.budgetUnit,
    render: (r) => BUDGET_UNIT_LABELS[r.budgetUnit],
  },
  { key: 'status', label: 'Status', sortValue: (r) => r.status, render: (r) => STATUS_LABELS[r.status] },
  {
    key: 'weight',
    label: 'Weight',
    numeric: true,
    sortValue: (r) => r.weight,
    render: (r) => formatWeight(r.weight),
  },
  {
    key: 'explanation',
    label: 'Explanation',
    sortValue: (r) => r.explanation,
    render: (r) => (
      <>
        {r.explanation}
        {r.esa && <span className="note"> · ESA</span>}
        {r.earlyGraduate && <span className="note"> · early graduate</span>}
      </>
    ),
  },
];

/** Props of AnbLinesSection. */
export interface AnbLinesSectionProps {
  lines: readonly AnbLineBody[];
  schools: readonly School[];
  csvUrl: string;
}

/** Every student line of both counts: filters, state ID search, sortable table, CSV download. */
export function AnbLinesSection({ lines, schools, csvUrl }: AnbLinesSectionProps) {
  const [view, setView] = useLineView();
  const [shown, setShown] = useState(SLICE);
  const rows = useMemo(() => toRows(lines), [lines]);
  const reasons = useMemo(() => reasonCounts(rows), [rows]);
  const choices = useMemo(
    () =>
      schoolChoices(
        rows.map((r) => r.schoolNumber),
        schools,
      ),
    [rows, schools],
  );
  const matching = useMemo(() => applyLineView(rows, view), [rows, view]);
  const change = (patch: Partial<typeof view>) => {
    setShown(SLICE);
    setView(patch);
  };
  const caption =
    matching.length === rows.length
      ? `${plural(rows.length, 'line')}, weights add up to ${formatWeight(weightSum(rows))}`
      : `${formatCount(matching.length)} of ${plural(rows.length, 'line')}, weights add up to ${formatWeight(weightSum(matching))}`;
  return (
    <section className="panel" aria-labelledby="anb-lines-heading">
      <div className="panel-header">
        <h2 id="anb-lines-heading">Per-student lines</h2>
        <p className="finding-downloads">
          <a href={csvUrl} download>
            Download every line (CSV)
          </a>
        </p>
      </div>
      <p className="note">
        One line per enrollment on each count date, with the weight it adds and why. The CSV holds every line
        of both counts for the figures shown above.
      </p>
      <AnbLineFilters view={view} schools={choices} reasons={reasons} onChange={change} />
      <DataTable
        caption={caption}
        columns={COLUMNS}
        rows={matching.slice(0, shown)}
        rowKey={(r) => String(r.id)}
        rowHeader="stateId"
        sort={view.sort}
        order={view.order}
        onSort={(sort, order) => setView({ sort, order })}
        empty="No line matches these filters."
      />
      {matching.length > shown && (
        <p className="show-more">
          <button type="button" className="button-secondary" onClick={() => setShown((n) => n + SLICE)}>
            Show {formatCount(Math.min(SLICE, matching.length - shown))} more of{' '}
            {formatCount(matching.length - shown)} not shown
          </button>
        </p>
      )}
    </section>
  );
}
