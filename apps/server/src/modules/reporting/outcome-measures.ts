/**
 * Turns the outcome reads into the pure core measures (graduationCohort, countDropouts, cteConcentrators,
 * reportableBehavior) and back into per-student lines and per-unit figures. No I/O: the service feeds it.
 */
import {
  countDropouts,
  cteConcentrators,
  graduationCohort,
  reportableBehavior,
  type CohortStudent,
  type GradeCode,
  type ReportingSettings,
} from '@bitterroot/core';
import type { OutcomeLine, OutcomeUnit } from '@bitterroot/contracts';
import type { BehaviorRead, CteRead } from './activity.repository.ts';
import type { CohortRead, DropoutRead, Placed } from './outcomes.repository.ts';
import type { EndStatuses, OutcomeSettings } from './outcome-settings.ts';

/** A measure's result before presentation: lines (with place), figures by unit, extra exact counts. */
export type MeasureResult = { lines: OutcomeLine[]; details: Record<string, number> };

const line = (p: Placed, status: string, counted: boolean, explanation: string): OutcomeLine => ({
  stateId: p.stateId,
  districtNumber: p.districtNumber,
  schoolNumber: p.schoolNumber,
  grade: p.grade,
  status,
  counted,
  explanation,
});

/** Reads grouped by district, in first-seen order (one pass, not a filter per district). */
function byDistrict<T extends { districtNumber: string }>(reads: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of reads) {
    const list = out.get(r.districtNumber);
    if (list) list.push(r);
    else out.set(r.districtNumber, [r]);
  }
  return out;
}

/** The pure cohort input of one cohort member (decision 0049: removals and diploma kinds from settings). */
export function cohortStudent(r: CohortRead, s: OutcomeSettings, ends: EndStatuses): CohortStudent {
  const end = r.endStatus === null ? undefined : ends.get(r.endStatus);
  const removal = r.endStatus === null ? undefined : s.cohortRemovals[r.endStatus];
  const kind =
    (r.diplomaType === null ? undefined : s.diplomaKinds[r.diplomaType]) ??
    (r.endStatus === s.proficiencyEndStatus ? 'proficiency' : 'regular');
  return {
    stateId: r.stateId,
    firstEntered9thGrade: r.firstEntered9th,
    transferredIn: r.firstDistrict !== null && r.firstDistrict !== r.districtNumber,
    removal: removal && r.endDate ? { ...removal, date: r.endDate } : null,
    diploma: r.diplomaDate ? { date: r.diplomaDate, kind } : null,
    otherCompleter: end?.family === 'completer' && !end.graduate,
    dropout: end?.family === 'dropout',
  };
}

/** ACGR lines: COHYES counts; the adjusted cohort is COHYES + COHNO (edfacts.md §7). */
export function graduationMeasure(
  reads: readonly CohortRead[],
  cohort: { cohortYear: number; years: number },
  settings: { reporting: ReportingSettings; outcomes: OutcomeSettings; ends: EndStatuses },
): MeasureResult {
  const students = reads.map((r) => cohortStudent(r, settings.outcomes, settings.ends));
  const result = graduationCohort(students, cohort, settings.reporting);
  const lines = result.lines.map((l, i) => line(reads[i]!, l.status, l.status === 'COHYES', l.explanation));
  return { lines, details: { removed: result.removed, cohortYear: cohort.cohortYear, years: cohort.years } };
}

/** Dropout lines per district (one unit per district: the last enrollment there), with 7–8 and 9–12 groups. */
export function dropoutMeasure(
  reads: readonly DropoutRead[],
  membership: readonly Placed[],
  schoolYear: number,
  settings: { reporting: ReportingSettings; ends: EndStatuses },
): MeasureResult {
  const lines: OutcomeLine[] = [];
  const details = { dropouts7to8: 0, membership7to8: 0, dropouts9to12: 0, membership9to12: 0 };
  const grades = new Map<string, Partial<Record<GradeCode, number>>>();
  for (const m of membership) {
    const perGrade = grades.get(m.districtNumber) ?? {};
    perGrade[m.grade as GradeCode] = (perGrade[m.grade as GradeCode] ?? 0) + 1;
    grades.set(m.districtNumber, perGrade);
  }
  for (const [d, own] of byDistrict(reads)) {
    const perGrade = grades.get(d) ?? {};
    const rows = own.map((r) => ({
      stateId: r.stateId,
      grade: r.grade as GradeCode,
      endStatus: r.endStatus,
      endStatusFamily: r.endStatus === null ? null : (settings.ends.get(r.endStatus)?.family ?? 'unknown'),
      noShow: r.noShow,
      unaccountedFor: r.endDate !== null && r.endStatus === null,
      // A later enrollment on the state's own record is the documentation of a re-enrolment.
      reenrolled: r.reenrolled ? { date: r.reenrolled, documented: true } : null,
    }));
    const result = countDropouts(rows, { schoolYear, membership: perGrade }, settings.reporting);
    result.lines.forEach((l, i) =>
      lines.push(line(own[i]!, l.dropout ? 'dropout' : 'not-dropout', l.dropout, l.explanation)),
    );
    details.dropouts7to8 += result.grades7to8.dropouts;
    details.membership7to8 += result.grades7to8.membership;
    details.dropouts9to12 += result.grades9to12.dropouts;
    details.membership9to12 += result.grades9to12.membership;
  }
  return { lines, details };
}

/** CTE concentrator lines per district (a student once per district, grades 9–12). */
export function cteMeasure(reads: readonly CteRead[], reporting: ReportingSettings): MeasureResult {
  const lines: OutcomeLine[] = [];
  for (const own of byDistrict(reads).values()) {
    const result = cteConcentrators(
      own.map((r) => ({
        stateId: r.stateId,
        pathway: r.pathway,
        grade: (r.grade || '12') as GradeCode,
        districtCredits: r.districtCredits,
        transferCredits: r.transferCredits,
        reportedConcentrator: r.reported,
      })),
      reporting,
    );
    const at = new Map(own.map((r) => [r.stateId, r]));
    for (const l of result.lines) {
      lines.push(
        line(
          at.get(l.stateId)!,
          l.concentrator ? 'concentrator' : 'participant',
          l.concentrator,
          l.explanation,
        ),
      );
    }
  }
  return { lines, details: {} };
}

/**
 * Reportable behavior lines, one per offender × resolution (montana-aim.md §2.7 S15): in-school suspension is
 * reportable for students with an IEP or in a 21st CCLC program (issue 8); FS006 counts IEP students only.
 */
export function behaviorMeasure(
  reads: readonly BehaviorRead[],
  schoolYear: number,
  reporting: ReportingSettings,
): MeasureResult {
  const rows = (only: (r: BehaviorRead) => boolean, flag: (r: BehaviorRead) => boolean) =>
    reads.filter(only).map((r) => ({
      incidentId: r.incidentId,
      stateId: r.stateId,
      incidentDate: r.incidentDate,
      eventCode: r.eventCode,
      primaryEvent: r.primaryEvent,
      resolutionCode: r.resolutionCode,
      durationDays: r.durationDays,
      studentHasDisability: flag(r),
    }));
  const all = reportableBehavior(
    rows(
      () => true,
      (r) => r.idea || r.cclc,
    ),
    { schoolYear },
    reporting,
  );
  const idea = reportableBehavior(
    rows(
      (r) => r.idea,
      () => true,
    ),
    { schoolYear },
    reporting,
  ).idea;
  const lines = all.lines.map((l, i) =>
    line(reads[i]!, reads[i]!.resolutionCode, l.reportable, l.explanation),
  );
  const details: Record<string, number> = {
    incidents: all.incidents,
    ideaInSchoolUpTo10: idea.inSchool.upTo10,
    ideaInSchoolOver10: idea.inSchool.over10,
    ideaOutOfSchoolUpTo10: idea.outOfSchool.upTo10,
    ideaOutOfSchoolOver10: idea.outOfSchool.over10,
  };
  for (const [code, n] of Object.entries(all.byResolution)) details[`resolution${code}`] = n;
  return { lines, details };
}

/** A student in a unit: a denominator member. */
export type Member = { stateId: string; districtNumber: string; schoolNumber: string };

/**
 * Unduplicated figures per district and per school: the numerator is the counted lines' students, the
 * denominator the members' (students, not rows; a school-less line counts for its district only).
 */
export function unitsOf(
  lines: readonly OutcomeLine[],
  members: readonly Member[],
  withRate: boolean,
): OutcomeUnit[] {
  const acc = new Map<string, { d: string; s: string | null; num: Set<string>; den: Set<string> }>();
  const add = (m: Member, side: 'num' | 'den') => {
    const keys: [string, string | null][] = [[`${m.districtNumber}|`, null]];
    if (m.schoolNumber) keys.push([`${m.districtNumber}|${m.schoolNumber}`, m.schoolNumber]);
    for (const [key, school] of keys) {
      const u = acc.get(key) ?? { d: m.districtNumber, s: school, num: new Set(), den: new Set() };
      u[side].add(m.stateId);
      acc.set(key, u);
    }
  };
  for (const m of members) add(m, 'den');
  for (const l of lines) if (l.counted) add(l, 'num');
  return [...acc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, u]) => figures(u.d, u.s, u.num.size, u.den.size, withRate));
}

/** One unit's figures. */
export function figures(
  d: string | null,
  s: string | null,
  numerator: number,
  denominator: number,
  withRate: boolean,
): OutcomeUnit {
  const rate = withRate && denominator > 0 ? numerator / denominator : null;
  return { districtNumber: d, schoolNumber: s, numerator, denominator, rate };
}
