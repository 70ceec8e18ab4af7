import type { IsoDate } from '../dates.ts';
import { decideRow } from './anb-eligibility.ts';
import type { RowDecision } from './anb-eligibility.ts';
import type { AnbCount, AnbLine, BudgetUnitCount, CountDateRow, CountKind } from './anb-types.ts';
import { budgetUnitOfGrade, formatWeight } from './grades.ts';
import type { FundingSettings } from './settings.ts';

type Judged = { row: CountDateRow; decision: RowDecision; line: AnbLine };

function lineOf(row: CountDateRow, d: RowDecision): AnbLine {
  return {
    stateId: row.stateId,
    districtNumber: row.districtNumber,
    schoolNumber: row.schoolNumber,
    budgetUnit: row.budgetUnit ?? budgetUnitOfGrade(row.grade, row.grades78HighSchoolAccredited === true),
    status: d.status,
    weight: d.status === 'counted' ? d.bandWeight : 0,
    bandWeight: d.bandWeight,
    esa: row.esaParticipant === true,
    earlyGraduate: d.earlyGraduate,
    explanation: d.explanation,
  };
}

/** 20-9-313 criterion 5: an early graduate also counted as a regular spring pupil is not added back. */
function dropDoubleEarlyGraduates(lines: Judged[]): void {
  const regular = new Set(
    lines.filter((j) => j.line.status === 'counted' && !j.line.earlyGraduate).map((j) => j.row.stateId),
  );
  for (const j of lines) {
    if (!j.line.earlyGraduate || !regular.has(j.row.stateId)) continue;
    j.line = {
      ...j.line,
      status: 'not-counted',
      weight: 0,
      earlyGraduate: false,
      explanation: 'not counted as early graduate: already counted in this spring count',
    };
  }
}

const where = (l: AnbLine) => `district ${l.districtNumber} school ${l.schoolNumber}`;

/** Primary enrollments first, then the heavier one; ties by district and school so results are stable. */
function primaryFirst(a: Judged, b: Judged): number {
  const p = Number(b.row.serviceType === 'P') - Number(a.row.serviceType === 'P');
  if (p !== 0) return p;
  if (a.line.bandWeight !== b.line.bandWeight) return b.line.bandWeight - a.line.bandWeight;
  return where(a.line).localeCompare(where(b.line));
}

/**
 * One pupil never counts more than 1.0 across enrollments (20-9-311(4)(e)(i); montana-facts.md §3.3).
 * How the state splits a pupil between districts is a GAP (montana-aim.md §11 item 8): decision 0036.
 */
function applyCap(lines: Judged[], settings: FundingSettings): void {
  const byStudent = new Map<string, Judged[]>();
  for (const j of lines) {
    if (j.line.status !== 'counted') continue;
    const list = byStudent.get(j.row.stateId) ?? [];
    list.push(j);
    byStudent.set(j.row.stateId, list);
  }
  for (const list of byStudent.values()) {
    const total = list.reduce((sum, j) => sum + j.line.bandWeight, 0);
    if (total <= 1) continue;
    if (settings.capOrder === 'proportional') {
      for (const j of list) {
        const weight = j.line.bandWeight / total;
        const note = `; capped to ${formatWeight(weight)}: pupil's enrollments add up to ${formatWeight(total)}, shared pro rata`;
        j.line = { ...j.line, weight, explanation: j.line.explanation + note };
      }
      continue;
    }
    let left = 1;
    const taken: string[] = [];
    for (const j of [...list].sort(primaryFirst)) {
      const weight = Math.min(j.line.bandWeight, left);
      left -= weight;
      if (weight < j.line.bandWeight) {
        const before = taken.length > 0 ? ` already counted ${taken.join(', ')}` : '';
        const note = `; capped to ${formatWeight(weight)}: one pupil counts at most 1.0,${before}`;
        j.line = { ...j.line, weight, explanation: j.line.explanation + note };
      }
      if (weight > 0) taken.push(`${formatWeight(weight)} in ${where(j.line)}`);
    }
  }
}

function totals(lines: AnbLine[]): BudgetUnitCount[] {
  const units = new Map<string, BudgetUnitCount>();
  for (const l of lines) {
    const key = `${l.districtNumber}|${l.budgetUnit}`;
    const unit = units.get(key) ?? {
      districtNumber: l.districtNumber,
      budgetUnit: l.budgetUnit,
      count: 0,
      esaCount: 0,
      earlyGraduateCount: 0,
    };
    unit.count += l.weight;
    if (l.esa) unit.esaCount += l.weight;
    if (l.earlyGraduate) unit.earlyGraduateCount += l.weight;
    units.set(key, unit);
  }
  return [...units.values()].sort(
    (a, b) => a.districtNumber.localeCompare(b.districtNumber) || a.budgetUnit.localeCompare(b.budgetUnit),
  );
}

/**
 * The fall or spring ANB count of a count date (MCA 20-9-311(1)(a); ARM 10.20.102; montana-aim.md §8.1–8.2):
 * every row gets a line with its weight and explanation, and each district budget unit a total. Pass the
 * whole state's rows so the one-pupil cap sees enrollments in other districts.
 */
export function countAnb(
  rows: readonly CountDateRow[],
  kind: CountKind,
  countDate: IsoDate,
  settings: FundingSettings,
): AnbCount {
  const judged: Judged[] = rows.map((row) => {
    const decision = decideRow(row, kind, countDate, settings);
    return { row, decision, line: lineOf(row, decision) };
  });
  dropDoubleEarlyGraduates(judged);
  applyCap(judged, settings);
  const lines = judged.map((j) => j.line);
  return { kind, countDate, lines, units: totals(lines) };
}

/** The count of one district budget unit, 0 when it has no rows. */
export function unitCount(
  count: AnbCount,
  districtNumber: string,
  unit: BudgetUnitCount['budgetUnit'],
): number {
  return count.units.find((u) => u.districtNumber === districtNumber && u.budgetUnit === unit)?.count ?? 0;
}
