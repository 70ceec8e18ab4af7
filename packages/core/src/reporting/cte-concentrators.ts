import type { GradeCode } from '../organization/types.ts';
import { gradeLevel } from '../organization/grades.ts';
import type { ReportingSettings } from './settings.ts';

/** One student × pathway row of the EOY CTE collection (eoy-cte.yaml). */
export type CtePathwayRow = {
  stateId: string;
  pathway: string;
  grade: GradeCode;
  districtCredits: number;
  transferCredits: number;
  /** cte_concentrator as the district reported it. */
  reportedConcentrator?: boolean | undefined;
};

/** One student's concentrator verdict over all pathways. */
export type CteLine = { stateId: string; concentrator: boolean; pathways: string[]; explanation: string };

/** Participants and concentrators, unduplicated by student. */
export type CteResult = { participants: number; concentrators: number; lines: CteLine[] };

/**
 * CTE concentrators (montana-aim.md §2.6 S34, §6.4 R27): a pathway's credits are district + transfer credits;
 * a student with at least 2.0 credits in one pathway is a concentrator. EOY CTE covers grades 9–12 (S35).
 * A reported flag that disagrees is named in the explanation (R27 is a warning).
 */
export function cteConcentrators(
  rows: readonly CtePathwayRow[],
  settings: Pick<ReportingSettings, 'cteConcentratorCredits'>,
): CteResult {
  const min = settings.cteConcentratorCredits;
  const byStudent = new Map<string, CtePathwayRow[]>();
  for (const r of rows) {
    if (gradeLevel(r.grade) < 9) continue;
    byStudent.set(r.stateId, [...(byStudent.get(r.stateId) ?? []), r]);
  }
  const lines = [...byStudent.entries()].map(([stateId, list]): CteLine => {
    const credited = list.map((r) => ({ ...r, credits: r.districtCredits + r.transferCredits }));
    const met = credited.filter((r) => r.credits >= min);
    const best = [...credited].sort((a, b) => b.credits - a.credits)[0]!;
    const detail = (r: (typeof credited)[number]) =>
      `${r.credits} credits in ${r.pathway} (district ${r.districtCredits} + transfer ${r.transferCredits})`;
    const concentrator = met.length > 0;
    const base = concentrator
      ? `concentrator: ${met.map(detail).join('; ')}, at least ${min}`
      : `participant: at most ${detail(best)}, below ${min}`;
    const reported = list.some((r) => r.reportedConcentrator === true);
    const flagged = list.some((r) => r.reportedConcentrator !== undefined);
    const mismatch = flagged && reported !== concentrator ? `; reported ${reported ? 'Y' : 'N'} (R27)` : '';
    return { stateId, concentrator, pathways: list.map((r) => r.pathway), explanation: base + mismatch };
  });
  return { participants: lines.length, concentrators: lines.filter((l) => l.concentrator).length, lines };
}
