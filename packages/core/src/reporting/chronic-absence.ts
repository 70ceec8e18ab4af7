import type { GradeCode } from '../organization/types.ts';
import type { ReportingSettings } from './settings.ts';

/** One enrollment's EOY values (eoy-attendance.yaml: ada_days_enrolled, essa_days_absent). */
export type ChronicAbsenceRow = {
  stateId: string;
  districtNumber: string;
  schoolNumber: string;
  grade: GradeCode;
  daysEnrolled: number;
  essaDaysAbsent: number;
};

/** One student at one school, with the sums and the verdict. */
export type ChronicAbsenceLine = {
  stateId: string;
  districtNumber: string;
  schoolNumber: string;
  daysEnrolled: number;
  daysAbsent: number;
  /** null when the student is not judged (grade left out or too few days enrolled). */
  chronic: boolean | null;
  explanation: string;
};

/** Chronically absent students per school and the lines behind them. */
export type ChronicAbsenceResult = {
  lines: ChronicAbsenceLine[];
  schools: { districtNumber: string; schoolNumber: string; students: number; chronic: number }[];
};

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * ESSA chronic absence (montana-facts.md §3.10; montana-aim.md §8.4; edfacts.md §8 FS195): ESSA days absent
 * ≥ 10% of days enrolled, both summed over the student's enrollments at one school. A student counts at
 * every school where this holds, so school counts do not add up to a district count.
 */
export function chronicAbsence(
  rows: readonly ChronicAbsenceRow[],
  settings: Pick<
    ReportingSettings,
    'chronicAbsenceThreshold' | 'chronicAbsenceMinDaysEnrolled' | 'chronicAbsenceExcludedGrades'
  >,
): ChronicAbsenceResult {
  const sums = new Map<string, ChronicAbsenceLine & { grades: Set<string> }>();
  for (const r of rows) {
    const key = `${r.districtNumber}|${r.schoolNumber}|${r.stateId}`;
    const line = sums.get(key) ?? {
      stateId: r.stateId,
      districtNumber: r.districtNumber,
      schoolNumber: r.schoolNumber,
      daysEnrolled: 0,
      daysAbsent: 0,
      chronic: null,
      explanation: '',
      grades: new Set<string>(),
    };
    line.daysEnrolled += r.daysEnrolled;
    line.daysAbsent += r.essaDaysAbsent;
    line.grades.add(r.grade);
    sums.set(key, line);
  }
  const lines = [...sums.values()].map(({ grades, ...line }) => judge(line, grades, settings));
  const schools = new Map<string, ChronicAbsenceResult['schools'][number]>();
  for (const l of lines) {
    if (l.chronic === null) continue;
    const key = `${l.districtNumber}|${l.schoolNumber}`;
    const school = schools.get(key) ?? {
      districtNumber: l.districtNumber,
      schoolNumber: l.schoolNumber,
      students: 0,
      chronic: 0,
    };
    school.students += 1;
    if (l.chronic) school.chronic += 1;
    schools.set(key, school);
  }
  return { lines, schools: [...schools.values()] };
}

function judge(
  line: ChronicAbsenceLine,
  grades: Set<string>,
  s: Pick<
    ReportingSettings,
    'chronicAbsenceThreshold' | 'chronicAbsenceMinDaysEnrolled' | 'chronicAbsenceExcludedGrades'
  >,
): ChronicAbsenceLine {
  // Generate 13.2 limits FS195 to K–12 and UG (edfacts.md §8); a student judged in any counted grade stays in.
  if ([...grades].every((g) => s.chronicAbsenceExcludedGrades.includes(g)))
    return { ...line, explanation: `not judged: grade ${[...grades].join('/')} is outside chronic absence` };
  if (line.daysEnrolled < s.chronicAbsenceMinDaysEnrolled || line.daysEnrolled <= 0)
    return { ...line, explanation: `not judged: ${line.daysEnrolled} days enrolled` };
  const share = line.daysAbsent / line.daysEnrolled;
  const sums = `${line.daysAbsent} of ${line.daysEnrolled} days enrolled absent (${pct(share)})`;
  const limit = pct(s.chronicAbsenceThreshold);
  return share >= s.chronicAbsenceThreshold
    ? { ...line, chronic: true, explanation: `chronically absent: ${sums}, at least ${limit}` }
    : { ...line, chronic: false, explanation: `not chronically absent: ${sums}, below ${limit}` };
}
