import { describe, expect, it } from 'vitest';
import type { DashboardRow } from './collections-api.ts';
import { DEFAULT_DASHBOARD_VIEW, parseDashboardView, selectRows, statusBars } from './certification-view.ts';

const row = (over: Partial<DashboardRow>): DashboardRow => ({
  eventId: 1,
  eventName: 'Fall count',
  district: '0001',
  districtName: 'Alpha',
  status: 'not-started',
  displayStatus: 'not-started',
  overdue: false,
  statusChangedAt: null,
  certificationOpens: '2025-10-07',
  dueDate: '2025-10-22',
  extendedUntil: null,
  openFatals: 0,
  unacknowledgedWarnings: 0,
  primaries: 2,
  certified: 0,
  round: 1,
  snapshotId: null,
  ...over,
});

const rows = [
  row({ district: '0001', districtName: 'Alpha', displayStatus: 'approved', status: 'approved' }),
  row({ district: '0002', districtName: 'Beta', displayStatus: 'overdue', overdue: true, openFatals: 3 }),
  row({ district: '0003', districtName: 'Gamma', eventId: 2, eventName: 'Spring count' }),
];

describe('certification dashboard view', () => {
  it('filters by event, status, overdue, fatals and district text', () => {
    const pick = (over: Partial<typeof DEFAULT_DASHBOARD_VIEW>) =>
      selectRows(rows, { ...DEFAULT_DASHBOARD_VIEW, ...over }).map((r) => r.district);
    expect(pick({ eventId: '2' })).toEqual(['0003']);
    expect(pick({ status: 'approved' })).toEqual(['0001']);
    expect(pick({ overdueOnly: true })).toEqual(['0002']);
    expect(pick({ fatalsOnly: true })).toEqual(['0002']);
    expect(pick({ q: 'gam' })).toEqual(['0003']);
  });

  it('sorts by status in workflow order: waiting and overdue before approved', () => {
    expect(selectRows(rows, DEFAULT_DASHBOARD_VIEW).map((r) => r.district)).toEqual(['0003', '0002', '0001']);
  });

  it('counts rows by status for the chart and reads unknown URL values as defaults', () => {
    const bars = statusBars(rows);
    expect(bars.find((b) => b.label === 'Overdue')?.value).toBe(1);
    expect(bars.reduce((n, b) => n + b.value, 0)).toBe(3);
    expect(parseDashboardView(new URLSearchParams('status=bogus&sort=x&event=abc'))).toEqual(
      DEFAULT_DASHBOARD_VIEW,
    );
  });
});
