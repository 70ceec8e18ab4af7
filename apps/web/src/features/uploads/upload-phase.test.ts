import { describe, expect, it } from 'vitest';
import { isFinal, phaseLabel, phaseOf, phasePercent, PHASES } from './upload-phase.ts';

describe('phaseOf', () => {
  it('prefers live progress over the stored status while running', () => {
    expect(phaseOf({ status: 'parsing', progress: { phase: 'validating', rows: 10 } })).toBe('validating');
    expect(phaseOf({ status: 'parsing', progress: { phase: 'committing', rows: 10 } })).toBe('committing');
  });

  it('falls back to the status, and to received for an unknown live phase', () => {
    expect(phaseOf({ status: 'parsing', progress: null })).toBe('parsing');
    expect(phaseOf({ status: 'received', progress: { phase: 'mystery', rows: 0 } })).toBe('received');
  });

  it('is done for every final status, whatever the progress says', () => {
    for (const status of ['validated', 'rejected', 'committed', 'failed'] as const) {
      expect(phaseOf({ status, progress: { phase: 'parsing', rows: 3 } })).toBe('done');
      expect(isFinal(status)).toBe(true);
    }
    expect(isFinal('validating')).toBe(false);
  });
});

describe('phasePercent', () => {
  it('grows with each step and ends at 100', () => {
    const percents = PHASES.map(phasePercent);
    expect(percents).toEqual(percents.toSorted((a, b) => a - b));
    expect(new Set(percents).size).toBe(PHASES.length);
    expect(percents[0]).toBeGreaterThan(0);
    expect(phasePercent('done')).toBe(100);
  });

  it('labels the steps', () => {
    expect(PHASES.map(phaseLabel)).toEqual(['Received', 'Parsing', 'Validating', 'Committing', 'Done']);
  });
});
