import type { Rng } from './prng.ts';
import type { Student } from './student.ts';

/** Yearly attendance, behaviour and course results for one student. */
export interface YearFeatures {
  absenceRate: number;
  incidents: number;
  suspensionDays: number;
  coursesAttempted: number;
  coursesFailed: number;
  creditsAttempted: number;
  creditsEarned: number;
}

/** What the outcome sees besides the year's features: age for grade and mid-year moves this year. */
export interface OutcomeContext {
  overAge: boolean;
  moves: number;
}

/** A year or more older than usual for the grade on Sept 10 (Montana's age cut-off, decision 0030). */
export function isOverAge(birthDate: string, grade: number, year: number): boolean {
  const cutoff = `${year - 1}-09-10`;
  const years = year - 1 - Number(birthDate.slice(0, 4));
  const age = cutoff.slice(5) < birthDate.slice(5) ? years - 1 : years;
  return grade >= 1 && age >= grade + 6;
}

/** Schools the student already left this year (partial spans recorded before this school's). */
export function movesIn(s: Student, year: number): number {
  return s.years.filter((r) => r.year === year).length;
}

/** How a student's year ends in the simulation. */
export type Outcome = 'continue' | 'retain' | 'graduate' | 'dropout' | 'move-out-state' | 'move-in-state';

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Draws a year's features from the student's latent risk plus yearly noise, so features predict outcomes
 * well but not perfectly. Tuned towards montana-facts.md §2: chronic absence ~25–30% overall and higher in
 * high school and for American Indian students; 2–4% with an out-of-school suspension.
 */
export function yearFeatures(rng: Rng, s: Student, grade: number): YearFeatures {
  const z = rng.normal();
  const base = grade >= 9 ? 0.08 : grade >= 6 ? 0.068 : 0.061;
  const absenceRate = Math.min(0.7, base * Math.exp(0.5 * s.risk + 0.38 * z));
  const lambda = (grade >= 6 ? 0.03 : 0.008) * Math.exp(0.95 * s.risk + 0.3 * z);
  const incidents = rng.poisson(Math.min(lambda, 3));
  let suspensionDays = 0;
  for (let i = 0; i < incidents; i++) suspensionDays += rng.int(1, 5);
  if (grade < 6)
    return {
      absenceRate,
      incidents,
      suspensionDays,
      coursesAttempted: 0,
      coursesFailed: 0,
      creditsAttempted: 0,
      creditsEarned: 0,
    };
  const coursesAttempted = grade >= 9 ? 7 : 6;
  const failP = Math.min(
    0.8,
    0.025 * Math.exp(0.95 * s.risk + 0.45 * z + 3 * Math.max(0, absenceRate - 0.1)),
  );
  let coursesFailed = 0;
  for (let i = 0; i < coursesAttempted; i++) if (rng.chance(failP)) coursesFailed++;
  const high = grade >= 9;
  return {
    absenceRate,
    incidents,
    suspensionDays,
    coursesAttempted,
    coursesFailed,
    creditsAttempted: high ? coursesAttempted : 0,
    creditsEarned: high ? coursesAttempted - coursesFailed : 0,
  };
}

/**
 * The year's outcome. Dropout hazard depends on risk, failures, absence and suspensions (grades 7–12),
 * calibrated to the 9–12 annual event rate of ~3.8% (8.9% American Indian; montana-facts.md §2); seniors
 * graduate unless they drop out or fall short of credits, giving a 4-year rate near 86%.
 */
export function yearOutcome(
  rng: Rng,
  s: Student,
  grade: number,
  f: YearFeatures,
  moveOutRate: number,
  context: OutcomeContext = { overAge: false, moves: 0 },
): Outcome {
  if (rng.chance(moveOutRate)) return rng.chance(0.45) ? 'move-out-state' : 'move-in-state';
  if (grade >= 7) {
    // Over-age and mid-year moves raise the hazard as in the EWS literature (early-warning.md §5.2); the
    // unobserved latent risk keeps the features from separating the outcomes.
    const x =
      -4.8 +
      0.75 * s.risk +
      0.3 * f.coursesFailed +
      5 * Math.max(0, f.absenceRate - 0.1) +
      0.25 * f.incidents +
      0.6 * (context.overAge ? 1 : 0) +
      0.5 * Math.min(context.moves, 2) +
      (grade >= 9 ? 0.9 : -0.6);
    if (rng.chance(logistic(x))) return 'dropout';
  }
  if (grade === 12)
    return rng.chance(logistic(3.3 - 0.55 * s.risk - 0.45 * f.coursesFailed)) ? 'graduate' : 'retain';
  if (grade >= 9 && f.coursesFailed >= 3 && rng.chance(0.35)) return 'retain';
  if (grade >= 0 && grade < 9 && rng.chance(0.01 * Math.exp(0.5 * s.risk))) return 'retain';
  return 'continue';
}
