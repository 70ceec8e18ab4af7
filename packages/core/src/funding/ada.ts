import type { GradeCode } from '../organization/types.ts';
import { isKindergarten } from './grades.ts';
import type { FundingSettings } from './settings.ts';

/** One pupil on one ADA report date: grade, program hours (to tell half-time kindergarten) and presence. */
export type AdaRow = {
  stateId: string;
  grade: GradeCode;
  aggregateHours?: number | null | undefined;
  present: boolean;
};

/** One row's share of ADA with its explanation. */
export type AdaLine = { stateId: string; date: 'fall' | 'spring'; contribution: number; explanation: string };

/** ADA with its full- and half-weight parts. */
export type AdaResult = {
  ada: number;
  fullWeightPresent: { fall: number; spring: number };
  halfWeightPresent: { fall: number; spring: number };
  lines: AdaLine[];
};

/**
 * Half weight for PK and half-time K (ARM 10.15.101(3)). Kindergarten is half-time below the full-time hours
 * (720, MCA 20-1-301 via montana-aim.md §1.4); without hours KF is taken as full-time (montana-aim-gaps-2.md §2).
 */
function halfWeight(
  row: AdaRow,
  settings: Pick<FundingSettings, 'fullTimeKindergartenHours'>,
): string | null {
  if (row.grade === 'PK') return 'prekindergarten';
  if (!isKindergarten(row.grade)) return null;
  const hours = row.aggregateHours;
  if (hours === null || hours === undefined) return row.grade === 'KF' ? null : 'half-time kindergarten (KG)';
  return hours < settings.fullTimeKindergartenHours ? `half-time kindergarten (${hours} h)` : null;
}

/**
 * ADA by ARM 10.15.101(3) (montana-facts.md §3.9; montana-aim.md §8.4): grades 1–12 and full-time K present
 * on the fall and spring dates, summed and ÷ 2; PK and half-time K present, summed and ÷ 4.
 */
export function averageDailyAttendance(
  input: { fall: readonly AdaRow[]; spring: readonly AdaRow[] },
  settings: Pick<FundingSettings, 'fullTimeKindergartenHours'>,
): AdaResult {
  const full = { fall: 0, spring: 0 };
  const half = { fall: 0, spring: 0 };
  const lines: AdaLine[] = [];
  for (const date of ['fall', 'spring'] as const) {
    for (const row of input[date]) {
      const halfReason = halfWeight(row, settings);
      if (!row.present) {
        lines.push({
          stateId: row.stateId,
          date,
          contribution: 0,
          explanation: `${date}: absent on the report date`,
        });
        continue;
      }
      if (halfReason) half[date] += 1;
      else full[date] += 1;
      const contribution = halfReason ? 0.25 : 0.5;
      const what = halfReason ?? `grade ${row.grade}`;
      const divisor = halfReason ? 4 : 2;
      lines.push({
        stateId: row.stateId,
        date,
        contribution,
        explanation: `${date}: present, ${what} → 1/${divisor}`,
      });
    }
  }
  const ada = (full.fall + full.spring) / 2 + (half.fall + half.spring) / 4;
  return { ada, fullWeightPresent: full, halfWeightPresent: half, lines };
}

/** One enrollment's end-of-year totals (eoy-attendance.yaml: ada_days_enrolled, ada_days_present). */
export type EoyAttendanceRow = {
  stateId: string;
  serviceType: string;
  daysEnrolled: number;
  daysPresent: number;
};

/** The EOY rate and how each enrollment entered it. */
export type EoyAttendanceRate = {
  daysEnrolled: number;
  daysPresent: number;
  /** Σ present ÷ Σ enrolled; null when no days are enrolled. */
  rate: number | null;
  lines: { stateId: string; included: boolean; explanation: string }[];
};

/**
 * EOY attendance rate Σ days present ÷ Σ days enrolled over the enrollments that must report EOY values
 * (montana-aim.md §2.4 S05/S16, §8.4; rate formula [I]). Impossible rows (present > enrolled, R21) stay out.
 */
export function eoyAttendanceRate(
  rows: readonly EoyAttendanceRow[],
  settings: Pick<FundingSettings, 'eoyServiceTypes'>,
): EoyAttendanceRate {
  let enrolled = 0;
  let present = 0;
  const lines = rows.map((r) => {
    const no = (why: string) => ({ stateId: r.stateId, included: false, explanation: `excluded: ${why}` });
    if (!settings.eoyServiceTypes.includes(r.serviceType))
      return no(`service type ${r.serviceType} reports no EOY days`);
    if (r.daysEnrolled <= 0) return no('no days enrolled');
    if (r.daysPresent < 0 || r.daysPresent > r.daysEnrolled)
      return no(`days present ${r.daysPresent} outside 0–${r.daysEnrolled} days enrolled (R21)`);
    enrolled += r.daysEnrolled;
    present += r.daysPresent;
    return {
      stateId: r.stateId,
      included: true,
      explanation: `included: ${r.daysPresent} of ${r.daysEnrolled} days present`,
    };
  });
  return {
    daysEnrolled: enrolled,
    daysPresent: present,
    rate: enrolled > 0 ? present / enrolled : null,
    lines,
  };
}
