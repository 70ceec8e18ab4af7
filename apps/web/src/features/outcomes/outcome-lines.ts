import type { OutcomeLine } from '@bitterroot/contracts';

/** Filters of the per-student table: state ID prefix, school, status and whether the line is counted. */
export interface LineFilter {
  q: string;
  school: string;
  status: string;
  counted: 'all' | 'yes' | 'no';
}

/** No filter. */
export const NO_FILTER: LineFilter = { q: '', school: '', status: '', counted: 'all' };

/** The lines matching a filter, in report order. */
export function filterLines(lines: readonly OutcomeLine[], f: LineFilter): OutcomeLine[] {
  const q = f.q.trim();
  return lines.filter(
    (l) =>
      (q === '' || l.stateId.startsWith(q)) &&
      (f.school === '' || l.schoolNumber === f.school) &&
      (f.status === '' || l.status === f.status) &&
      (f.counted === 'all' || l.counted === (f.counted === 'yes')),
  );
}

/** Each status with its number of lines, most frequent first (the status filter's options). */
export function statusCounts(lines: readonly OutcomeLine[]): { status: string; lines: number }[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  return [...counts]
    .map(([status, n]) => ({ status, lines: n }))
    .toSorted((a, b) => b.lines - a.lines || a.status.localeCompare(b.status));
}

/** The school numbers of the lines, sorted, once each. */
export function schoolsOf(lines: readonly OutcomeLine[]): string[] {
  return [...new Set(lines.map((l) => l.schoolNumber).filter((s) => s !== ''))].toSorted();
}

/** Words for the EDFacts cohort statuses and the lines' own codes; other statuses show as sent. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {
  COHYES: 'In cohort, graduated',
  COHNO: 'In cohort, not graduated',
};
