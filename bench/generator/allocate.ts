import type { OrgSchool } from '@bitterroot/core';
import { covers } from './history.ts';

// Relative grade sizes, montana-facts.md §1.3 suggested profile (K ≈ 10,900 … grade 9 ≈ 12,200 …
// grade 12 ≈ 11,000) plus ~1,000–1,500 mostly special-education prekindergarteners statewide.
const GRADE_WEIGHTS: Record<number, number> = {
  [-1]: 1.2,
  0: 10.9,
  1: 11.2,
  2: 11.3,
  3: 11.4,
  4: 11.5,
  5: 11.5,
  6: 11.6,
  7: 11.7,
  8: 11.7,
  9: 12.2,
  10: 11.8,
  11: 11.4,
  12: 11.0,
};

/** Splits `total` into integer shares proportional to `weights` (largest remainder, deterministic). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, f: e - Math.floor(e) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (rest-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** Per-school grade targets for a district's students: grades by the §1.3 profile, then split across schools teaching them. */
export function gradeTargets(schools: OrgSchool[], students: number): Map<string, Map<number, number>> {
  const grades = Object.keys(GRADE_WEIGHTS)
    .map(Number)
    .filter((g) => schools.some((s) => covers(s, g)))
    .sort((a, b) => a - b);
  const perGrade = apportion(
    students,
    grades.map((g) => GRADE_WEIGHTS[g]!),
  );
  const out = new Map(schools.map((s) => [s.schoolNumber, new Map<number, number>()]));
  grades.forEach((g, gi) => {
    const teaching = schools.filter((s) => covers(s, g));
    apportion(
      perGrade[gi]!,
      teaching.map(() => 1),
    ).forEach((n, i) => out.get(teaching[i]!.schoolNumber)!.set(g, n));
  });
  return out;
}
