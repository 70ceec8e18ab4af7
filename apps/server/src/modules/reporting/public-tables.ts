/**
 * Public tables and rates from exact counts, suppressed for publication (decisions 0039, 0052): only the displayed
 * strings leave this file. The tables share one population, so they share its grand total: when the enrollment
 * table hides that total, every other table is hidden whole, and no table can give away another's hidden cell.
 */
import { publishRate, suppressTable, type SuppressedTable, type SuppressionSettings } from '@bitterroot/core';
import type { PublicTable } from '@bitterroot/contracts';
import type { Placed } from './outcomes.repository.ts';

const GRADES = ['PK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

const RACES: [string, string][] = [
  ['AM7', 'American Indian or Alaska Native'],
  ['AS7', 'Asian'],
  ['BL7', 'Black or African American'],
  ['HI7', 'Hispanic or Latino'],
  ['MU7', 'Two or more races'],
  ['PI7', 'Native Hawaiian or Other Pacific Islander'],
  ['WH7', 'White'],
];
const NOT_REPORTED = 'Not reported';

const shown = (title: string, t: SuppressedTable): PublicTable => ({
  title,
  rowLabels: t.rowLabels,
  columnLabels: t.columnLabels,
  cells: t.cells.map((r) => r.map((c) => c.display)),
  rowTotals: t.rowTotals.map((c) => c.display),
  columnTotals: t.columnTotals.map((c) => c.display),
  grandTotal: t.grandTotal.display,
});

const hiddenWhole = (t: PublicTable, symbol: string): PublicTable => ({
  ...t,
  cells: t.cells.map((r) => r.map(() => symbol)),
  rowTotals: t.rowTotals.map(() => symbol),
  columnTotals: t.columnTotals.map(() => symbol),
  grandTotal: symbol,
});

/** A one-row table of a split of the whole population (sex, or in / not in a program group). */
function split(title: string, labels: string[], counts: number[], s: SuppressionSettings): PublicTable {
  return shown(title, suppressTable({ rowLabels: ['All grades'], columnLabels: labels, cells: [counts] }, s));
}

/** The enrollment tables of a population: grade × race/ethnicity, sex, and each program group. */
export function enrollmentTables(
  students: readonly (Placed & { race: string | null })[],
  s: SuppressionSettings,
): PublicTable[] {
  const grade = (g: string) => (g === 'KF' ? 'KG' : g);
  const rows = GRADES.filter((g) => students.some((x) => grade(x.grade) === g));
  const columns = [...RACES.map(([, label]) => label), NOT_REPORTED];
  const cells = rows.map((g) => {
    const inGrade = students.filter((x) => grade(x.grade) === g);
    return [
      ...RACES.map(([code]) => inGrade.filter((x) => x.race === code).length),
      inGrade.filter((x) => x.race === null).length,
    ];
  });
  const byRace = suppressTable({ rowLabels: rows.map((g) => `Grade ${g}`), columnLabels: columns, cells }, s);
  const n = students.length;
  const count = (p: (x: Placed) => boolean) => students.filter(p).length;
  const groups: [string, (x: Placed) => boolean][] = [
    ['English learners', (x) => x.el],
    ['Students with disabilities (IDEA)', (x) => x.idea],
    ['Economically disadvantaged', (x) => x.ecodis],
    ['Homeless', (x) => x.homeless],
  ];
  const f = count((x) => x.sex === 'F');
  const m = count((x) => x.sex === 'M');
  const others = [
    split('Enrollment by sex', ['Female', 'Male', NOT_REPORTED], [f, m, n - f - m], s),
    ...groups.map(([label, p]) => {
      const k = count(p);
      return split(`Enrollment: ${label}`, ['In group', 'Not in group'], [k, n - k], s);
    }),
  ];
  const hidden = byRace.grandTotal.suppressed !== false;
  return [
    shown('Enrollment by grade and race/ethnicity', byRace),
    ...others.map((t) => (hidden ? hiddenWhole(t, s.symbol) : t)),
  ];
}

/** A published rate with its label. */
export type PublicRate = { label: string; display: string; explanation: string };

/** A rate with its own student count as the n that decides suppression (days, for attendance, are not people). */
export function rate(
  label: string,
  numerator: number,
  denominator: number,
  students: number,
  s: SuppressionSettings,
): PublicRate {
  if (students > 0 && students < s.minimumN)
    return { label, display: s.symbol, explanation: `suppressed: ${students} students, below ${s.minimumN}` };
  return { label, ...publishRate(numerator, denominator, s) };
}
