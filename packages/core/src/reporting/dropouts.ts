import type { IsoDate } from '../dates.ts';
import type { GradeCode } from '../organization/types.ts';
import { gradeLevel } from '../organization/grades.ts';
import type { SchoolYear } from '../school-year.ts';
import type { ReportingSettings } from './settings.ts';

/** End-status family from profiles/montana/code-sets/end-status.yaml (attributes.family). */
export type EndStatusFamily =
  'grade-change' | 'year-end' | 'transfer' | 'dropout' | 'completer' | 'exclusion' | 'unknown';

/** A student's last enrollment of the year in one unit; with several rows per student the last one counts. */
export type DropoutRow = {
  stateId: string;
  grade: GradeCode;
  endStatus?: string | null | undefined;
  endStatusFamily?: EndStatusFamily | null | undefined;
  noShow?: boolean | undefined;
  /** Left before the last day without an end status and no later enrollment is known. */
  unaccountedFor?: boolean | undefined;
  /** GED through an entity other than the district: a dropout (2005 handbook, montana-aim-gaps-2.md §1.1). */
  gedOtherEntity?: boolean | undefined;
  reenrolled?: { date: IsoDate; documented: boolean } | null | undefined;
};

/** One student's dropout verdict. */
export type DropoutLine = { stateId: string; grade: GradeCode; dropout: boolean; explanation: string };

/** Dropouts and event rate of one certification group (7–8 or 9–12, montana-aim.md §2.10). */
export type DropoutGroup = { dropouts: number; membership: number; rate: number | null };

/** Dropout counts by grade and by group, with each student's line. */
export type DropoutResult = {
  lines: DropoutLine[];
  byGrade: Record<string, number>;
  grades7to8: DropoutGroup;
  grades9to12: DropoutGroup;
};

function reason(row: DropoutRow): string | null {
  if (row.endStatusFamily === 'dropout') return `dropout end status ${row.endStatus ?? ''}`.trim();
  if (row.noShow) return 'no-show';
  if (row.unaccountedFor) return 'unaccounted for before the last day';
  if (row.gedOtherEntity) return 'GED through another entity';
  return null;
}

function judge(row: DropoutRow, cutoff: IsoDate): DropoutLine {
  const base = { stateId: row.stateId, grade: row.grade };
  if (gradeLevel(row.grade) < 7)
    return { ...base, dropout: false, explanation: `not counted: grade ${row.grade} is below 7` };
  const why = reason(row);
  if (why === null) {
    const family = row.endStatusFamily ?? 'no end status';
    return { ...base, dropout: false, explanation: `not a dropout: ${family}` };
  }
  // montana-aim.md §2.10, §7.3: the flag comes off only for a documented re-enrolment by Sept 30.
  const back = row.reenrolled;
  if (back && back.date <= cutoff && back.documented)
    return {
      ...base,
      dropout: false,
      explanation: `not a dropout: ${why}, re-enrolled ${back.date} with documentation`,
    };
  const late = back
    ? back.documented
      ? `; re-enrolled ${back.date}, after ${cutoff}`
      : '; re-enrolment undocumented'
    : '';
  return { ...base, dropout: true, explanation: `dropout: ${why}${late}` };
}

function group(
  lines: DropoutLine[],
  membership: Partial<Record<GradeCode, number>>,
  from: number,
  to: number,
): DropoutGroup {
  const inRange = (g: string) => {
    const n = gradeLevel(g as GradeCode);
    return n >= from && n <= to;
  };
  const dropouts = lines.filter((l) => l.dropout && inRange(l.grade)).length;
  const members = Object.entries(membership)
    .filter(([g]) => inRange(g))
    .reduce((sum, [, v]) => sum + (v ?? 0), 0);
  return { dropouts, membership: members, rate: members > 0 ? dropouts / members : null };
}

/**
 * Dropouts of grades 7–12 (montana-aim.md §2.10; montana-aim-gaps-2.md §1.1; edfacts.md §6 FS032): a dropout
 * end status, a no-show, unaccounted for, or a GED elsewhere, unless re-enrolled by Sept 30 after the year
 * with documentation. The event rate divides by `membership` per grade (decision 0038: October count).
 */
export function countDropouts(
  rows: readonly DropoutRow[],
  input: { schoolYear: SchoolYear; membership: Partial<Record<GradeCode, number>> },
  settings: Pick<ReportingSettings, 'dropoutReenrollmentCutoff'>,
): DropoutResult {
  const c = settings.dropoutReenrollmentCutoff;
  const cutoff = `${input.schoolYear}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  // One student is one dropout however many rows the unit holds (FS032 counts students): the last row wins.
  const last = new Map<string, DropoutRow>();
  for (const row of rows) last.set(row.stateId, row);
  const lines = [...last.values()].map((row) => judge(row, cutoff));
  const byGrade: Record<string, number> = {};
  for (const l of lines) if (l.dropout) byGrade[l.grade] = (byGrade[l.grade] ?? 0) + 1;
  return {
    lines,
    byGrade,
    grades7to8: group(lines, input.membership, 7, 8),
    grades9to12: group(lines, input.membership, 9, 12),
  };
}
