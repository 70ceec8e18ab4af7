import type { IsoDate, OrgSchool } from '@bitterroot/core';
import type { GenContext, Origins, StudentSink } from './context.ts';
import { isOverAge, movesIn, yearFeatures, yearOutcome } from './features.ts';
import { DROPOUT_CODES, backfill, covers, moveMidYear, recordYear } from './history.ts';
import type { Rng } from './prng.ts';
import { makeStudent } from './student.ts';
import type { Student } from './student.ts';

/** How a current student came to be at the school this year. */
export interface Entry {
  student: Student;
  startStatus: string;
  /** Entered after the first day (move-ins only). */
  midYear: boolean;
  /** History years: the last day at the previous Montana school of a mid-year move. */
  startAfter?: IsoDate;
}

/** Result of simulating one school up to the current year. */
export interface SchoolPopulation {
  current: Entry[];
  /** Last year's graduates, for the Fall CTE follow-up. */
  lastYearGraduates: Student[];
}

// Annual share of students who leave mid-stream (montana-facts.md gives no rate; ~4% keeps new-to-state
// students at ~8–10% of the current year together with first-time kindergartners).
const MOVE_OUT = 0.04;
const OUT_OF_STATE_SHARE = 0.4;

function newStudent(ctx: GenContext, rng: Rng, school: OrgSchool, grade: number, year: number): Student {
  const profile = ctx.profiles.get(school.districtNumber)!;
  return {
    ...makeStudent(rng, profile, grade, year),
    stateId: ctx.nextStudentId(),
    known: year < ctx.schoolYear,
    localId: '',
  };
}

function entrant(
  ctx: GenContext,
  origins: Origins,
  rng: Rng,
  school: OrgSchool,
  grade: number,
  year: number,
  low: number,
): Entry {
  const s = newStudent(ctx, rng, school, grade, year);
  // Prekindergarten and kindergarten entrants are first-time students (start status 01).
  if (grade <= 0) return { student: s, startStatus: '01', midYear: false };
  const sameDistrict = (ctx.schoolsByDistrict.get(school.districtNumber) ?? []).some(
    (o) => o !== school && covers(o, grade - 1),
  );
  if (grade === low && rng.chance(0.92)) {
    // Promotion from a feeder school: same district if it runs the grade below, else a feeder district.
    const from = sameDistrict ? school.districtNumber : origins.feederDistrict(rng, school.districtNumber);
    if (backfill(ctx, rng, s, year, from)) {
      s.known = true;
      return { student: s, startStatus: '04', midYear: false };
    }
  }
  const midYear = rng.chance(0.3);
  if (rng.chance(OUT_OF_STATE_SHARE)) {
    return { student: s, startStatus: s.military ? '60' : rng.chance(0.05) ? '07' : '06', midYear };
  }
  if (!backfill(ctx, rng, s, year, origins.randomDistrict(rng)))
    return { student: s, startStatus: '06', midYear };
  s.known = true;
  // A history-year move within Montana leaves a partial year at the previous school (mobility, decision 0031).
  const startAfter = midYear && year < ctx.schoolYear ? moveMidYear(ctx, rng, s, year) : null;
  return {
    student: s,
    startStatus: s.military ? '40' : '04',
    midYear,
    ...(startAfter ? { startAfter } : {}),
  };
}

function endStatusOf(outcome: string, rng: Rng): string {
  if (outcome === 'graduate') return rng.chance(0.04) ? '410' : '400';
  if (outcome === 'dropout') return rng.pick(DROPOUT_CODES);
  if (outcome === 'move-out-state') return '210';
  if (outcome === 'move-in-state') return '200';
  return '160';
}

/**
 * Simulates a school from the first history year to the current one: each year students get features and
 * an outcome; leavers known to the state go to `sink`, students moving within Montana or up to the next
 * school are represented by the receiving school's entrants; gaps to the grade targets are refilled.
 */
export function simulateSchool(
  ctx: GenContext,
  origins: Origins,
  rng: Rng,
  school: OrgSchool,
  targets: Map<number, number>,
  sink: StudentSink,
): SchoolPopulation {
  const grades = [...targets.keys()].sort((a, b) => a - b);
  const low = grades[0] ?? 0;
  const high = grades[grades.length - 1] ?? 0;
  let pop: Entry[] = [];
  let lastYearGraduates: Student[] = [];
  for (let year = ctx.firstYear; year <= ctx.schoolYear; year++) {
    const counts = new Map<number, number>();
    for (const e of pop) counts.set(e.student.grade, (counts.get(e.student.grade) ?? 0) + 1);
    for (const g of grades) {
      const need = (targets.get(g) ?? 0) - (counts.get(g) ?? 0);
      for (let i = 0; i < need; i++) {
        const e =
          year === ctx.firstYear
            ? { student: newStudent(ctx, rng, school, g, year), startStatus: '02', midYear: false }
            : entrant(ctx, origins, rng, school, g, year, low);
        if (year === ctx.firstYear) e.student.known = true;
        pop.push(e);
      }
    }
    if (year === ctx.schoolYear) break;
    const next: Entry[] = [];
    const graduates: Student[] = [];
    for (const e of pop) {
      const s = e.student;
      const f = yearFeatures(rng, s, s.grade);
      const context = { overAge: isOverAge(s.birthDate, s.grade, year), moves: movesIn(s, year) };
      const outcome = yearOutcome(rng, s, s.grade, f, MOVE_OUT, context);
      const bounds = e.startAfter ? { startAfter: e.startAfter } : {};
      recordYear(ctx, rng, s, school, year, e.startStatus, endStatusOf(outcome, rng), f, bounds);
      const last = { districtNumber: school.districtNumber, schoolNumber: school.schoolNumber, year };
      if (outcome === 'graduate') graduates.push(s);
      if (outcome === 'graduate' || outcome === 'dropout' || outcome === 'move-out-state') sink(s, last);
      if (outcome !== 'continue' && outcome !== 'retain') continue;
      if (outcome === 'continue') s.grade++;
      if (s.grade === 9 && s.firstGrade9Year === null) s.firstGrade9Year = year + 1;
      if (s.grade > high) continue;
      next.push({ student: s, startStatus: '02', midYear: false });
    }
    pop = next;
    lastYearGraduates = graduates;
  }
  return { current: pop, lastYearGraduates };
}
