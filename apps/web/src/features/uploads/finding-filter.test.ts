import { describe, expect, it } from 'vitest';
import type { Finding } from '@bitterroot/contracts';
import type { FindingView } from './finding-filter.ts';
import { applyFindingView, DEFAULT_FINDING_VIEW, findingMatchesText, isFiltered } from './finding-filter.ts';

function finding(overrides: Partial<Finding>): Finding {
  return {
    line: 2,
    column: 'school_number',
    field: 'School Number',
    value: '9999',
    code: 'ENR-SCHOOL',
    severity: 'fatal',
    message: 'School 9999 is not a school of district 0059.',
    fix: 'Use one of the district’s school numbers.',
    ...overrides,
  };
}

const findings = [
  finding({ line: 5 }),
  finding({ line: 3, code: 'FLD-DATE', column: 'start_date', field: 'Start Date', value: '02/30/2025' }),
  finding({ line: null, code: 'FILE-HEADER', severity: 'warning', column: null, field: null, value: null }),
  finding({ line: 4, code: 'ROW-INFO', severity: 'info', message: 'Grade changed' }),
];

function view(patch: Partial<FindingView>): FindingView {
  return { ...DEFAULT_FINDING_VIEW, ...patch };
}

describe('applyFindingView', () => {
  it('keeps file order by default, file-level findings (no line) last', () => {
    expect(applyFindingView(findings, DEFAULT_FINDING_VIEW).map((f) => f.line)).toEqual([3, 4, 5, null]);
  });

  it('filters by code and by severity', () => {
    expect(applyFindingView(findings, view({ code: 'ENR-SCHOOL' })).map((f) => f.line)).toEqual([5]);
    expect(applyFindingView(findings, view({ severity: 'warning' })).map((f) => f.code)).toEqual([
      'FILE-HEADER',
    ]);
    expect(applyFindingView(findings, view({ severity: 'fatal', code: 'ROW-INFO' }))).toEqual([]);
  });

  it('filters by text across line, column, value, message and fix', () => {
    expect(applyFindingView(findings, view({ q: 'start date' })).map((f) => f.code)).toEqual(['FLD-DATE']);
    expect(applyFindingView(findings, view({ q: 'GRADE' })).map((f) => f.code)).toEqual(['ROW-INFO']);
    expect(applyFindingView(findings, view({ q: '02/30' })).map((f) => f.line)).toEqual([3]);
  });

  it('sorts severity by seriousness and text columns A–Z', () => {
    const bySeverity = applyFindingView(findings, view({ sort: 'severity', order: 'asc' }));
    expect(bySeverity.map((f) => f.severity)).toEqual(['fatal', 'fatal', 'warning', 'info']);
    const byCodeDesc = applyFindingView(findings, view({ sort: 'code', order: 'desc' }));
    expect(byCodeDesc.map((f) => f.code)).toEqual(['ROW-INFO', 'FLD-DATE', 'FILE-HEADER', 'ENR-SCHOOL']);
  });
});

describe('findingMatchesText and isFiltered', () => {
  it('needs every word and ignores blank queries', () => {
    expect(findingMatchesText(findings[0]!, 'school 9999')).toBe(true);
    expect(findingMatchesText(findings[0]!, 'school 1234')).toBe(false);
    expect(findingMatchesText(findings[0]!, '   ')).toBe(true);
  });

  it('counts filters, not sorting', () => {
    expect(isFiltered(view({ sort: 'fix', order: 'desc' }))).toBe(false);
    expect(isFiltered(view({ code: 'ENR-SCHOOL' }))).toBe(true);
  });
});
