import { useMemo, useState } from 'react';
import type { OutcomeLine } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import type { LineFilter } from './outcome-lines.ts';
import { filterLines, NO_FILTER, schoolsOf, STATUS_LABELS, statusCounts } from './outcome-lines.ts';

// A statewide report has a line per student; the page renders them in slices to stay responsive.
const SLICE = 200;

type LineKey = 'stateId' | 'districtNumber' | 'schoolNumber' | 'grade' | 'status' | 'counted' | 'explanation';

const COLUMNS: readonly Column<OutcomeLine, LineKey>[] = [
  { key: 'stateId', label: 'State ID', sortValue: (l) => l.stateId },
  { key: 'districtNumber', label: 'District', sortValue: (l) => l.districtNumber },
  { key: 'schoolNumber', label: 'School', sortValue: (l) => l.schoolNumber },
  { key: 'grade', label: 'Grade', sortValue: (l) => l.grade },
  {
    key: 'status',
    label: 'Status',
    sortValue: (l) => l.status,
    render: (l) => STATUS_LABELS[l.status] ?? l.status,
  },
  { key: 'counted', label: 'Counted', sortValue: (l) => (l.counted ? 'Yes' : 'No') },
  { key: 'explanation', label: 'Explanation', sortValue: (l) => l.explanation },
];

/** Props of OutcomeLinesSection. */
export interface OutcomeLinesSectionProps {
  lines: readonly OutcomeLine[];
  csvUrl: string;
}

/** Every student's verdict: filters, sortable table in slices, CSV download of every line. */
export function OutcomeLinesSection({ lines, csvUrl }: OutcomeLinesSectionProps) {
  const [filter, setFilter] = useState<LineFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: LineKey; order: SortOrder }>({ key: 'stateId', order: 'asc' });
  const [shown, setShown] = useState(SLICE);
  const statuses = useMemo(() => statusCounts(lines), [lines]);
  const schools = useMemo(() => schoolsOf(lines), [lines]);
  // A student can have several lines (one per resolution): the line's place in the report is its key.
  const ids = useMemo(() => new Map(lines.map((l, i) => [l, i])), [lines]);
  const matching = useMemo(() => {
    const valueOf = COLUMNS.find((c) => c.key === sort.key)!.sortValue;
    return sortRows(filterLines(lines, filter), valueOf, sort.order);
  }, [lines, filter, sort]);
  const change = (patch: Partial<LineFilter>) => {
    setShown(SLICE);
    setFilter((f) => ({ ...f, ...patch }));
  };
  const counted = matching.filter((l) => l.counted).length;
  const caption = `${matching.length === lines.length ? plural(lines.length, 'line') : `${formatCount(matching.length)} of ${plural(lines.length, 'line')}`}, ${formatCount(counted)} counted`;
  return (
    <section className="panel" aria-labelledby="outcome-lines-heading">
      <div className="panel-header">
        <h2 id="outcome-lines-heading">Per-student lines</h2>
        <p className="finding-downloads">
          <a href={csvUrl} download>
            Download every line (CSV)
          </a>
        </p>
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Filter the per-student lines"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="outcome-q">State ID</label>
          <input
            id="outcome-q"
            type="search"
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            value={filter.q}
            onChange={(e) => change({ q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="outcome-school">School</label>
          <select
            id="outcome-school"
            value={filter.school}
            onChange={(e) => change({ school: e.target.value })}
          >
            <option value="">All schools</option>
            {schools.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outcome-status">Status</label>
          <select
            id="outcome-status"
            value={filter.status}
            onChange={(e) => change({ status: e.target.value })}
          >
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s.status} value={s.status}>
                {`${STATUS_LABELS[s.status] ?? s.status} (${formatCount(s.lines)})`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outcome-counted">Counted</label>
          <select
            id="outcome-counted"
            value={filter.counted}
            onChange={(e) => change({ counted: e.target.value as LineFilter['counted'] })}
          >
            <option value="all">All lines</option>
            <option value="yes">Counted</option>
            <option value="no">Not counted</option>
          </select>
        </div>
        <button type="button" className="button-secondary" onClick={() => change(NO_FILTER)}>
          Clear filters
        </button>
      </form>
      <DataTable
        caption={caption}
        columns={COLUMNS}
        rows={matching.slice(0, shown)}
        rowKey={(l) => String(ids.get(l))}
        rowHeader="stateId"
        sort={sort.key}
        order={sort.order}
        onSort={(key, order) => setSort({ key, order })}
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
