import { describe, expect, it } from 'vitest';
import type { Upload } from '@bitterroot/contracts';
import { failureReason, hasNewStateIds, outcomeOf, summaryEntries, summaryLabel } from './upload-outcome.ts';

function upload(overrides: Partial<Upload>): Upload {
  return {
    batchId: 1,
    template: 'student-demographics',
    district: '0059',
    status: 'committed',
    dryRun: false,
    rows: 3,
    accepted: 3,
    rejected: 0,
    committed: true,
    summary: { assigned: 2, matched: 1 },
    failure: null,
    progress: null,
    findingCounts: [],
    findings: [],
    ...overrides,
  };
}

describe('outcomeOf', () => {
  it('is green with the committed row count', () => {
    expect(outcomeOf(upload({}))).toMatchObject({ tone: 'good', title: '3 rows committed' });
  });

  it('says a dry run wrote nothing', () => {
    const o = outcomeOf(upload({ status: 'validated', dryRun: true, committed: false }));
    expect(o.tone).toBe('neutral');
    expect(o.title).toMatch(/valid; nothing was written/);
  });

  it('is red for a rejection, counting rejected rows', () => {
    const o = outcomeOf(upload({ status: 'rejected', rejected: 1, accepted: 0, committed: false }));
    expect(o).toMatchObject({ tone: 'bad', title: 'Nothing was written. 1 row has problems' });
    expect(outcomeOf(upload({ status: 'rejected', rejected: 0 })).title).toBe(
      'Nothing was written. The file has problems',
    );
  });

  it('gives the failure reason when the server sends one', () => {
    const failed = upload({ status: 'failed' });
    expect(outcomeOf(failed).detail).toMatch(/did not say why/);
    expect(failureReason({ ...failed, failure: 'disk full' } as Upload)).toBe('disk full');
    expect(outcomeOf({ ...failed, failure: 'disk full' } as Upload).detail).toBe('disk full');
  });
});

describe('summaryEntries and hasNewStateIds', () => {
  it('orders known counts first, then others A–Z', () => {
    expect(summaryEntries({ zeta: 1, unchanged: 4, inserted: 2, alpha: 0 }).map(([k]) => k)).toEqual([
      'inserted',
      'unchanged',
      'alpha',
      'zeta',
    ]);
    expect(summaryLabel('assigned')).toBe('New state IDs assigned');
    expect(summaryLabel('zeta')).toBe('zeta');
  });

  it('offers the new-state-ID file only for Student Demographic commits that assigned IDs', () => {
    expect(hasNewStateIds(upload({}))).toBe(true);
    expect(hasNewStateIds(upload({ summary: { assigned: 0, matched: 3 } }))).toBe(false);
    expect(hasNewStateIds(upload({ template: 'student-enrollment' }))).toBe(false);
    expect(hasNewStateIds(upload({ status: 'validated', dryRun: true }))).toBe(false);
  });
});
