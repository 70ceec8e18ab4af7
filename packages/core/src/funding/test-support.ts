// Test factories for the funding calculations (ARCHITECTURE.md §5.8: factories with overrides).
import type { CountDateRow } from './anb-types.ts';

/** Fall count date 2025-26: first Monday in October (montana-aim.md §5.1 example, Oct 6 2025). */
export const FALL_2025 = '2025-10-06';
/** Spring count date 2025-26: first Monday in February 2026. */
export const SPRING_2026 = '2026-02-02';

let next = 1;

/** A full-time grade 5 primary enrollment spanning both 2025-26 count dates, with overrides. */
export function buildCountRow(overrides: Partial<CountDateRow> = {}): CountDateRow {
  const stateId = String(next++).padStart(9, '0');
  return {
    stateId,
    districtNumber: '0101',
    schoolNumber: '0001',
    grade: '05',
    birthDate: '2015-03-01',
    serviceType: 'P',
    startDate: '2025-08-27',
    endDate: null,
    aggregateHours: 1080,
    ...overrides,
  };
}

/** `n` rows built from the same overrides. */
export function buildCountRows(n: number, overrides: Partial<CountDateRow> = {}): CountDateRow[] {
  return Array.from({ length: n }, () => buildCountRow(overrides));
}
