import type { IsoDate } from '../dates.ts';
import type { MonthDay } from '../funding/grades.ts';
import { schoolYearLabel } from '../school-year.ts';
import type { SchoolYear } from '../school-year.ts';
import type { DiplomaKind, ReportingSettings } from './settings.ts';

/** Documented reasons that take a student out of the adjusted cohort (montana-aim.md §2.10; edfacts.md §7). */
export type CohortRemovalReason = 'transferred-out' | 'emigrated' | 'deceased';

/** A student as the cohort collection sees them, attributed to one school or district by the caller. */
export type CohortStudent = {
  stateId: string;
  /** date_first_entered_9th_grade: fixes the cohort for life, wherever the student moves. */
  firstEntered9thGrade: IsoDate | null;
  /** Joined this school or district after first entering grade 9 elsewhere. */
  transferredIn?: boolean | undefined;
  removal?: { reason: CohortRemovalReason; date: IsoDate; documented: boolean } | null | undefined;
  diploma?: { date: IsoDate; kind: DiplomaKind } | null | undefined;
  /** GED through a district program: a completer, not a graduate (montana-aim.md §2.10). */
  otherCompleter?: boolean | undefined;
  dropout?: boolean | undefined;
};

/** FS151 cohort status codes (edfacts.md §7), plus students who are not in this cohort at all. */
export type CohortStatus = 'COHYES' | 'COHNO' | 'COHREM' | 'not-in-cohort';

/** One student's cohort status and its explanation. */
export type CohortLine = { stateId: string; status: CohortStatus; explanation: string };

/** An adjusted cohort: its size after removals, graduates within the allowed years, and the rate. */
export type GraduationCohort = {
  cohortYear: SchoolYear;
  years: number;
  adjustedCohort: number;
  graduates: number;
  removed: number;
  /** graduates ÷ adjusted cohort; null for an empty cohort. */
  rate: number | null;
  lines: CohortLine[];
};

/** School year (by end year) of a date: July 1 starts a year (montana-aim.md §5.1). */
function schoolYearOf(date: IsoDate): SchoolYear {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year + 1 : year;
}

/** Summer graduates belong to the year just ended (montana-aim.md §2.2, §2.10; decision 0038). */
export function graduationYearOf(date: IsoDate, summerCutoff: MonthDay): SchoolYear {
  const year = Number(date.slice(0, 4));
  const cutoff = `${String(summerCutoff.month).padStart(2, '0')}-${String(summerCutoff.day).padStart(2, '0')}`;
  if (date.slice(5) >= '07-01' && date.slice(5) <= cutoff) return year;
  return schoolYearOf(date);
}

const REMOVAL_WORDS: Record<CohortRemovalReason, string> = {
  'transferred-out': 'transferred out',
  emigrated: 'emigrated',
  deceased: 'deceased',
};

function outcome(
  st: CohortStudent,
  lastYear: SchoolYear,
  s: Pick<ReportingSettings, 'acgrDiplomaKinds' | 'summerGraduateCutoff'>,
): { status: CohortStatus; text: string } {
  const d = st.diploma;
  const label = (y: SchoolYear) => schoolYearLabel(y);
  if (d) {
    const year = graduationYearOf(d.date, s.summerGraduateCutoff);
    if (!s.acgrDiplomaKinds.includes(d.kind))
      return {
        status: 'COHNO',
        text: `not a graduate for the rate: ${d.kind} diploma is not a regular diploma`,
      };
    if (year <= lastYear)
      return { status: 'COHYES', text: `graduate: ${d.kind} diploma ${d.date} (${label(year)})` };
    return {
      status: 'COHNO',
      text: `not in time: diploma ${d.date} (${label(year)}) after ${label(lastYear)}`,
    };
  }
  const r = st.removal;
  if (r?.documented)
    return { status: 'COHREM', text: `removed: ${REMOVAL_WORDS[r.reason]} ${r.date}, documented` };
  if (r)
    return {
      status: 'COHNO',
      text: `kept as non-graduate: ${REMOVAL_WORDS[r.reason]} ${r.date} without documentation`,
    };
  if (st.otherCompleter) return { status: 'COHNO', text: 'non-graduate: other completer (GED)' };
  if (st.dropout) return { status: 'COHNO', text: 'non-graduate: dropout' };
  return { status: 'COHNO', text: `non-graduate: no diploma by the end of ${label(lastYear)}` };
}

/**
 * The adjusted cohort graduation rate (montana-aim.md §2.10; edfacts.md §7 FS150/FS151): first-time 9th graders
 * of `cohortYear` plus transfers in, minus documented transfers out, emigrants and deaths; graduates are those
 * with a regular diploma within `years` years (summer included). Pass the students attributed to one unit.
 */
export function graduationCohort(
  students: readonly CohortStudent[],
  cohort: { cohortYear: SchoolYear; years?: number | undefined },
  settings: Pick<ReportingSettings, 'acgrDiplomaKinds' | 'summerGraduateCutoff'>,
): GraduationCohort {
  const years = cohort.years ?? 4;
  const lastYear = cohort.cohortYear + years - 1;
  const lines = students.map((st): CohortLine => {
    if (st.firstEntered9thGrade === null)
      return {
        stateId: st.stateId,
        status: 'not-in-cohort',
        explanation: 'not in cohort: no Date First Entered 9th Grade (R18)',
      };
    const first = schoolYearOf(st.firstEntered9thGrade);
    if (first !== cohort.cohortYear) {
      const explanation = `not in cohort: first entered grade 9 in ${schoolYearLabel(first)}`;
      return { stateId: st.stateId, status: 'not-in-cohort', explanation };
    }
    const joined = st.transferredIn ? 'transferred in; ' : '';
    const { status, text } = outcome(st, lastYear, settings);
    return { stateId: st.stateId, status, explanation: `${joined}${text}` };
  });
  const graduates = lines.filter((l) => l.status === 'COHYES').length;
  const adjustedCohort = graduates + lines.filter((l) => l.status === 'COHNO').length;
  const removed = lines.filter((l) => l.status === 'COHREM').length;
  const rate = adjustedCohort > 0 ? graduates / adjustedCohort : null;
  return { cohortYear: cohort.cohortYear, years, adjustedCohort, graduates, removed, rate, lines };
}
