import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORTING_SETTINGS } from '@bitterroot/core';
import type { PublicTable } from '@bitterroot/contracts';
import type { Placed } from './outcomes.repository.ts';
import { enrollmentTables, rate } from './public-tables.ts';

const s = DEFAULT_REPORTING_SETTINGS.suppression;
let n = 0;
const student = (
  grade: string,
  race: string | null,
  o: Partial<Placed> = {},
): Placed & { race: string | null } => ({
  stateId: String(++n).padStart(9, '0'),
  birthDate: null,
  sex: 'F',
  hispanic: false,
  races: [],
  idea: false,
  el: false,
  ecodis: false,
  homeless: false,
  s504: false,
  cclc: false,
  districtNumber: '0001',
  schoolNumber: '0101',
  grade,
  race,
  ...o,
});
const many = (k: number, f: () => Placed & { race: string | null }) => Array.from({ length: k }, f);

/** True when some hidden cell equals a published line total minus the line's published cells. */
function recoverable(t: PublicTable): boolean {
  const rows = t.cells.map((r, i) => [...r, t.rowTotals[i]!]);
  rows.push([...t.columnTotals, t.grandTotal]);
  const lines = [...rows, ...rows[0]!.map((_, c) => rows.map((r) => r[c]!))];
  return lines.some((line) => line.filter((v) => v === s.symbol).length === 1);
}

describe('public enrollment tables (decision 0039, 0052)', () => {
  it('hides small counts and their complements, so no hidden cell follows from the totals', () => {
    const students = [
      ...many(12, () => student('05', 'WH7')),
      ...many(3, () => student('05', 'AM7', { el: true })),
      ...many(11, () => student('06', 'WH7', { sex: 'M' })),
      ...many(10, () => student('06', 'AM7')),
    ];
    const [byRace, bySex, el] = enrollmentTables(students, s);
    expect(byRace!.cells[0]![0]).toBe('*'); // 3 American Indian fifth graders
    expect(byRace!.grandTotal).toBe('36');
    expect(byRace!.cells.flat().filter((c) => c === '*').length).toBeGreaterThan(1);
    for (const t of enrollmentTables(students, s)) expect(recoverable(t), t.title).toBe(false);
    expect(bySex!.cells[0]).toEqual(['25', '11', '0']);
    expect(el!.cells[0]).toEqual(['*', '*']);
  });

  it('hides every table of a population whose total is hidden', () => {
    const tables = enrollmentTables(
      many(6, () => student('01', 'WH7')),
      s,
    );
    expect(
      tables.every((t) => t.grandTotal === '*' && t.cells.flat().every((c) => c === '*' || c === '0')),
    ).toBe(true);
  });

  it('suppresses rates of fewer than 10 students and codes extremes', () => {
    expect(rate('x', 3, 4, 4, s).display).toBe('*');
    expect(rate('x', 20, 20, 20, s).display).toBe('≥95%');
    expect(rate('x', 1700, 1800, 12, s).display).toBe('94%');
  });
});
