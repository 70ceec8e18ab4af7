import type { ValidationFinding } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FINDING_VIEW,
  canAcknowledge,
  findingState,
  parseFindingView,
  sortFindings,
  sortRuleCounts,
} from './finding-view.ts';

function finding(overrides: Partial<ValidationFinding>): ValidationFinding {
  return {
    id: 1,
    rule: 'ENR-001',
    severity: 'warning',
    district: '0001',
    otherDistrict: null,
    stateId: '1000000001',
    recordTable: 'enrollment',
    recordId: 1,
    message: 'm',
    firstSeen: '2026-11-01T00:00:00Z',
    lastSeen: '2026-11-01T00:00:00Z',
    resolvedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgementReason: null,
    recordLink: null,
    fixLink: null,
    ...overrides,
  };
}

describe('parseFindingView', () => {
  it('reads a heat-map link and ignores nonsense', () => {
    expect(parseFindingView(new URLSearchParams('rule=ENR-012&severity=warning&status=all'))).toEqual({
      ...DEFAULT_FINDING_VIEW,
      rule: 'ENR-012',
      severity: 'warning',
      status: 'all',
    });
    expect(parseFindingView(new URLSearchParams('rule=<x>&severity=bad&status=x&sort=y&order=z'))).toEqual(
      DEFAULT_FINDING_VIEW,
    );
  });
});

describe('finding state and acknowledgement', () => {
  it('acknowledges only open warnings and info findings', () => {
    expect(canAcknowledge(finding({}))).toBe(true);
    expect(canAcknowledge(finding({ severity: 'info' }))).toBe(true);
    expect(canAcknowledge(finding({ severity: 'fatal' }))).toBe(false);
    expect(canAcknowledge(finding({ acknowledgedAt: '2026-11-02T00:00:00Z' }))).toBe(false);
    expect(findingState(finding({ acknowledgedAt: 'x', resolvedAt: 'y' }))).toBe('resolved');
  });
});

describe('sorting', () => {
  it('sorts severity by seriousness and rule counts fatal first', () => {
    const rows = [finding({ id: 1, severity: 'info' }), finding({ id: 2, severity: 'fatal' })];
    expect(sortFindings(rows, DEFAULT_FINDING_VIEW).map((f) => f.id)).toEqual([2, 1]);
    expect(sortFindings(rows, { ...DEFAULT_FINDING_VIEW, order: 'desc' }).map((f) => f.id)).toEqual([1, 2]);
    const counts = sortRuleCounts([
      { rule: 'B', severity: 'warning' as const, count: 9 },
      { rule: 'C', severity: 'fatal' as const, count: 1 },
      { rule: 'A', severity: 'warning' as const, count: 9 },
    ]);
    expect(counts.map((c) => c.rule)).toEqual(['C', 'A', 'B']);
  });
});
