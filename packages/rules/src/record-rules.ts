/**
 * Pure rules over one stored record beyond enrollment (montana-aim.md §6.4; fields §2.3–§2.6, §2.4, §8.1).
 * The statewide engine evaluates the same conditions in SQL; these are their executable specification.
 */
import { blank, type RowRule } from './row-rule.ts';

/** Count-date values of one enrollment (fall or spring, §2.4). */
export type CountFacts = { absent: number | null; excludeAnb: boolean | null };

/** R12: 11+ consecutive absences up to the count date must be flagged Exclude ANB [V S11, S04]. */
export const tenDayRule: RowRule<CountFacts> = {
  id: 'CNT-012',
  check: (c) =>
    (c.absent ?? 0) >= 11 && c.excludeAnb !== true
      ? `Absent ${c.absent} days up to the count date but not flagged Exclude ANB`
      : null,
};

/** End-of-year attendance totals of one enrollment (§2.4). */
export type AttendanceFacts = { daysEnrolled: number; daysPresent: number; essaDaysAbsent: number };

/** R21 [I]: days present and ESSA days absent cannot exceed days enrolled. */
export const attendanceExceedsEnrolled: RowRule<AttendanceFacts> = {
  id: 'ATT-021',
  check: (a) =>
    a.daysPresent > a.daysEnrolled
      ? `Days present ${a.daysPresent} exceed days enrolled ${a.daysEnrolled}`
      : a.essaDaysAbsent > a.daysEnrolled
        ? `ESSA days absent ${a.essaDaysAbsent} exceed days enrolled ${a.daysEnrolled}`
        : null,
};

/** Program participation fields the rules read (§2.3.4, §2.3.5). */
export type ProgramFacts = {
  homeless: boolean | null;
  homelessNighttimeResidence: string | null;
  giftedEvaluatedDate?: string | null;
};

/** R24 [I]: homeless flag and nighttime residence go together ("McKinney-Vento/Homeless Mismatch"). */
export const homelessMismatch: RowRule<ProgramFacts> = {
  id: 'PP-024',
  check: (p) =>
    p.homeless === true && blank(p.homelessNighttimeResidence)
      ? 'Homeless without a nighttime residence'
      : p.homeless !== true && !blank(p.homelessNighttimeResidence)
        ? `Nighttime residence ${p.homelessNighttimeResidence} without the homeless flag`
        : null,
};

/** R26 (first half): the gifted evaluated date may not be in the future [V S40]. */
export const giftedEvaluatedInFuture: RowRule<ProgramFacts, { today: string }> = {
  id: 'PP-026',
  check: (p, x) =>
    !blank(p.giftedEvaluatedDate) && p.giftedEvaluatedDate! > x.today
      ? `Gifted evaluated date ${p.giftedEvaluatedDate} is in the future`
      : null,
};

/** One EOY CTE pathway row (§2.6). */
export type CtePathwayFacts = {
  districtCredits: number;
  transferCredits: number;
  pathwayCredits: number;
  concentrator: boolean;
};

/** R27: 2.0 or more pathway credits but not a concentrator (a warning) [V S34]. */
export const cteConcentrator: RowRule<CtePathwayFacts, { concentratorCredits: number }> = {
  id: 'CTE-027',
  check: (c, p) =>
    c.pathwayCredits >= p.concentratorCredits && !c.concentrator
      ? `${c.pathwayCredits} pathway credits but not a concentrator`
      : null,
};

/** R27: pathway credits must equal district + transfer credits [V S34]. */
export const cteCreditsSum: RowRule<CtePathwayFacts> = {
  id: 'CTE-027A',
  check: (c) =>
    Math.abs(c.pathwayCredits - (c.districtCredits + c.transferCredits)) > 1e-9
      ? `Pathway credits ${c.pathwayCredits} are not district ${c.districtCredits} + transfer ${c.transferCredits}`
      : null,
};

/** A Fall CTE follow-up contact (§2.6). */
export type CteContactFacts = { dateContacted: string | null; exitDate: string | null };

/** R28: Date Contacted falls Oct 1 – Dec 31 of the school year, on/after the exit date, not in the future [V S35]. */
export const cteContactDate: RowRule<CteContactFacts, { schoolYear: number; today: string }> = {
  id: 'CTE-028',
  check: (c, p) => {
    if (blank(c.dateContacted)) return null;
    const d = c.dateContacted!;
    const [from, to] = [`${p.schoolYear - 1}-10-01`, `${p.schoolYear - 1}-12-31`];
    if (d < from || d > to) return `Date contacted ${d} is outside ${from} – ${to}`;
    if (c.exitDate !== null && d < c.exitDate)
      return `Date contacted ${d} is before the exit date ${c.exitDate}`;
    return d > p.today ? `Date contacted ${d} is in the future` : null;
  },
};
