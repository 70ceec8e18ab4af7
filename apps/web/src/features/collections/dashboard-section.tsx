import { useMemo } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { plural } from '../../lib/format.ts';
import type { Dashboard, DashboardRow } from './collections-api.ts';
import { dashboardCsvUrl } from './collections-api.ts';
import type { DashboardSortKey, DashboardView } from './certification-view.ts';
import {
  DISPLAY_STATUSES,
  DISTRICT_STATUS_LABELS,
  dashboardSortValue,
  selectRows,
  statusBars,
} from './certification-view.ts';

/** Props of DashboardSection. */
export interface DashboardSectionProps {
  dashboard: Dashboard;
  view: DashboardView;
  onChange: (patch: Partial<DashboardView>) => void;
}

function Status({ row }: { row: DashboardRow }) {
  // Overdue is the one status that needs the state's attention first: it is styled like a fatal finding.
  const className = row.overdue ? 'severity severity-fatal' : 'badge';
  return <span className={className}>{DISTRICT_STATUS_LABELS[row.displayStatus]}</span>;
}

function Filters({ dashboard, view, onChange }: DashboardSectionProps) {
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter the dashboard"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="dash-event">Event</label>
        <select id="dash-event" value={view.eventId} onChange={(e) => onChange({ eventId: e.target.value })}>
          <option value="">All events</option>
          {dashboard.progress.map((p) => (
            <option key={p.eventId} value={String(p.eventId)}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-status">Status</label>
        <select
          id="dash-status"
          value={view.status}
          onChange={(e) => onChange({ status: e.target.value as DashboardView['status'] })}
        >
          <option value="">All statuses</option>
          {DISPLAY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DISTRICT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-q">District name or number</label>
        <input
          id="dash-q"
          type="search"
          value={view.q}
          maxLength={100}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={view.overdueOnly}
          onChange={(e) => onChange({ overdueOnly: e.target.checked })}
        />{' '}
        Overdue only
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={view.fatalsOnly}
          onChange={(e) => onChange({ fatalsOnly: e.target.checked })}
        />{' '}
        With open fatal findings
      </label>
    </form>
  );
}

/** The state dashboard: progress per event, a chart of statuses, and the filterable district × event table. */
export function DashboardSection({ dashboard, view, onChange }: DashboardSectionProps) {
  const rows = useMemo(() => selectRows(dashboard.rows, view), [dashboard, view]);
  const column = (
    key: DashboardSortKey,
    label: string,
    extra: Partial<Column<DashboardRow, DashboardSortKey>>,
  ) => ({
    key,
    label,
    sortValue: (r: DashboardRow) => dashboardSortValue(r, key),
    ...extra,
  });
  const columns: Column<DashboardRow, DashboardSortKey>[] = [
    column('district', 'District', {
      render: (r) => (
        <Link to={`/certification/${r.eventId}/districts/${r.district}`}>
          {r.districtName} ({r.district})
        </Link>
      ),
    }),
    column('event', 'Event', {}),
    column('status', 'Status', { render: (r) => <Status row={r} /> }),
    column('due', 'Due', { render: (r) => (r.extendedUntil ? `${r.extendedUntil} (extended)` : r.dueDate) }),
    column('fatals', 'Open fatals', { numeric: true }),
    column('certified', 'Primaries certified', {
      numeric: true,
      render: (r) => (r.primaries === 0 ? 'none named' : `${r.certified} of ${r.primaries}`),
    }),
  ];
  return (
    <>
      <ul className="stats">
        {dashboard.progress.map((p) => (
          <li key={p.eventId} className="stat">
            <span className="stat-value">
              <progress max={p.districts} value={p.certified} aria-label={`${p.name}: districts certified`} />{' '}
              {p.certified} / {p.districts}
            </span>
            <span className="stat-note">{p.name}: districts certified</span>
          </li>
        ))}
      </ul>
      <BarChart
        title="Districts by certification status"
        description="Number of district × event rows in each status, for the events and filters shown."
        bars={statusBars(selectRows(dashboard.rows, { ...view, status: '' }))}
        xLabel="Status"
        yLabel="Districts"
      />
      <Filters dashboard={dashboard} view={view} onChange={onChange} />
      <p className="downloads">
        <a href={dashboardCsvUrl} download>
          CSV
        </a>{' '}
        <span className="note">(every row, formula-safe)</span>
      </p>
      <DataTable
        caption={`Certification status: ${plural(rows.length, 'row')}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.eventId}:${r.district}`}
        rowHeader="district"
        sort={view.sort}
        order={view.order}
        onSort={(sort, order) => onChange({ sort, order })}
        empty="No district matches these filters."
      />
    </>
  );
}
