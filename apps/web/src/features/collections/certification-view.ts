import type { DistrictDisplayStatus } from '@bitterroot/core';
import { DISTRICT_STATUS_LABELS, EVENT_STATE_LABELS, USER_STATUS_LABELS } from '@bitterroot/core';
import type { Bar } from '../../components/bar-chart.tsx';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import type { DashboardRow } from './collections-api.ts';

// Pure helpers of the certification pages: labels (the words of montana-aim.md §7.2 via packages/core), the
// dashboard's filters, sorting and status counts.

export { DISTRICT_STATUS_LABELS, EVENT_STATE_LABELS, USER_STATUS_LABELS };

/** Display statuses in workflow order (the chart's bars and the filter's options). */
export const DISPLAY_STATUSES: readonly DistrictDisplayStatus[] = [
  'not-started',
  'in-progress',
  'overdue',
  'returned',
  'sent-to-state',
  'recertification-requested',
  'recertification-in-progress',
  'approved',
];

/** Columns of the dashboard table. */
export type DashboardSortKey = 'district' | 'event' | 'status' | 'due' | 'fatals' | 'certified';

/** Filters and sort of the dashboard (kept in the URL so a view can be shared). */
export interface DashboardView {
  eventId: string;
  status: DistrictDisplayStatus | '';
  overdueOnly: boolean;
  fatalsOnly: boolean;
  q: string;
  sort: DashboardSortKey;
  order: SortOrder;
}

/** The dashboard before anyone filters it: every row, overdue and blocked districts first. */
export const DEFAULT_DASHBOARD_VIEW: DashboardView = {
  eventId: '',
  status: '',
  overdueOnly: false,
  fatalsOnly: false,
  q: '',
  sort: 'status',
  order: 'asc',
};

const SORT_KEYS: readonly DashboardSortKey[] = ['district', 'event', 'status', 'due', 'fatals', 'certified'];

/** Reads the view from URL parameters; unknown values fall back to the defaults. */
export function parseDashboardView(params: URLSearchParams): DashboardView {
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    eventId: /^\d+$/.test(params.get('event') ?? '') ? params.get('event')! : '',
    status: (DISPLAY_STATUSES as readonly string[]).includes(status) ? (status as DistrictDisplayStatus) : '',
    overdueOnly: params.get('overdue') === 'true',
    fatalsOnly: params.get('fatals') === 'true',
    q: params.get('q') ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as DashboardSortKey) : 'status',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The value a dashboard column sorts by; status sorts in workflow order, so waiting districts come first. */
export function dashboardSortValue(row: DashboardRow, key: DashboardSortKey): SortValue {
  switch (key) {
    case 'district':
      return `${row.districtName} ${row.district}`;
    case 'event':
      return row.eventName;
    case 'status':
      return DISPLAY_STATUSES.indexOf(row.displayStatus);
    case 'due':
      return row.extendedUntil ?? row.dueDate;
    case 'fatals':
      return row.openFatals;
    case 'certified':
      return row.primaries === 0 ? null : row.certified / row.primaries;
  }
}

/** The rows a view selects (event, status, overdue, open fatals, district text), sorted. */
export function selectRows(rows: readonly DashboardRow[], view: DashboardView): DashboardRow[] {
  const q = view.q.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (view.eventId === '' || String(r.eventId) === view.eventId) &&
      (view.status === '' || r.displayStatus === view.status) &&
      (!view.overdueOnly || r.overdue) &&
      (!view.fatalsOnly || r.openFatals > 0) &&
      (q === '' || r.district.includes(q) || r.districtName.toLowerCase().includes(q)),
  );
  return sortRows(kept, (r) => dashboardSortValue(r, view.sort), view.order);
}

/** Rows counted by display status, one bar per status in workflow order. */
export function statusBars(rows: readonly DashboardRow[]): Bar[] {
  const counts = new Map<DistrictDisplayStatus, number>();
  for (const r of rows) counts.set(r.displayStatus, (counts.get(r.displayStatus) ?? 0) + 1);
  return DISPLAY_STATUSES.map((s) => ({ label: DISTRICT_STATUS_LABELS[s], value: counts.get(s) ?? 0 }));
}

/** Today's date in the state's time zone (due dates end at midnight there, decision 0040). */
export function stateToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Denver',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
