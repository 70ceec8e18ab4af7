import type { IsoDate } from '@bitterroot/core';
import type { DistrictProfile } from './demography.ts';
import { RATES } from './demography.ts';
import { makeName } from './names.ts';
import type { NameOrigin, PersonName } from './names.ts';
import type { Rng } from './prng.ts';

/** Race codes of the profile's `race` code set: 2 American Indian, 3 Asian, 4 Black, 5 Pacific Islander, 6 White. */
export type RaceCode = '2' | '3' | '4' | '5' | '6';

/** One student-year as the state's history holds it (see README, state-baseline enrollments). */
export interface YearRecord {
  year: number;
  districtNumber: string;
  schoolNumber: string;
  grade: number;
  startDate: IsoDate;
  endDate: IsoDate;
  startStatus: string;
  endStatus: string;
  daysEnrolled: number;
  daysAbsent: number;
  incidents: number;
  suspensionDays: number;
  coursesAttempted: number;
  coursesFailed: number;
  creditsAttempted: number;
  creditsEarned: number;
  frl: boolean;
  iep: boolean;
  el: boolean;
  homeless: boolean;
}

/** A synthetic student with stable traits; `risk` is the latent driver of attendance, behaviour and outcomes. */
export interface Student {
  stateId: string;
  /** False for students new to the state this year: districts send them with a blank state ID. */
  known: boolean;
  localId: string;
  name: PersonName;
  gender: 'M' | 'F';
  birthDate: IsoDate;
  hispanic: boolean;
  races: RaceCode[];
  americanIndian: boolean;
  frl: 'F' | 'R' | 'N';
  iep: boolean;
  el: boolean;
  homeless: boolean;
  section504: boolean;
  gifted: boolean;
  military: boolean;
  risk: number;
  grade: number;
  firstGrade9Year: number | null;
  years: YearRecord[];
}

function races(rng: Rng, profile: DistrictProfile): RaceCode[] {
  if (rng.chance(profile.americanIndian)) return rng.chance(0.12) ? ['2', '6'] : ['2'];
  const x = rng.next();
  // Among non-Indian students: ~4.5% two or more, ~1% Black, ~1% Asian, ~0.3% Pacific (montana-facts.md §2).
  if (x < 0.045) return ['4', '6'];
  if (x < 0.056) return ['4'];
  if (x < 0.068) return ['3'];
  if (x < 0.071) return ['5'];
  return ['6'];
}

function origin(rng: Rng, s: { hispanic: boolean; races: RaceCode[] }, profile: DistrictProfile): NameOrigin {
  if (profile.colony) return 'hutterite';
  if (s.races.includes('2') && rng.chance(0.7)) return 'american-indian';
  if (s.hispanic && rng.chance(0.85)) return 'hispanic';
  if (s.races[0] === '3') return 'asian';
  return rng.chance(0.004) ? 'slavic' : 'general';
}

/** Birth date for a grade in a school year: 5 by Sept 10 for kindergarten (montana-facts.md §3.4), a few a year older. */
export function birthDateFor(rng: Rng, grade: number, schoolYear: number): IsoDate {
  const older = rng.chance(0.04) ? 1 : 0;
  const year = schoolYear - 1 - 5 - grade - older;
  const dayOfYear = rng.int(0, 364);
  const d = new Date(Date.UTC(year - 1, 8, 11 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

/** Draws a new student's traits; programme rates follow montana-facts.md §2 and correlate with each other. */
export function makeStudent(
  rng: Rng,
  profile: DistrictProfile,
  grade: number,
  schoolYear: number,
): Omit<Student, 'stateId' | 'localId' | 'known'> {
  const gender = rng.chance(0.51) ? 'M' : 'F';
  const hispanic = rng.chance(RATES.hispanic);
  const race = races(rng, profile);
  const ai = race.includes('2');
  // FRL ≈41% overall, higher for American Indian and Hispanic students (CEP schools on reservations).
  const frlP = Math.min(0.95, 0.355 * (ai ? (profile.reservation ? 2.4 : 1.8) : 1) * (hispanic ? 1.4 : 1));
  const frl = rng.chance(frlP) ? (rng.chance(0.85) ? 'F' : 'R') : 'N';
  const homeless = rng.chance(ai && profile.reservation ? 0.075 : 0.027);
  // EL ≈2%: Hutterite German speakers, reservation students, Hispanic newcomers (montana-facts.md §2 notes).
  const elP = profile.colony ? 0.5 : ai && profile.reservation ? 0.12 : hispanic ? 0.16 : 0.006;
  // IEP ≈14%, boys about 1.5 times girls.
  const iep = rng.chance(gender === 'M' ? 0.165 : 0.113);
  const risk =
    rng.normal() +
    (ai ? 0.55 : 0) +
    (profile.reservation ? 0.2 : 0) +
    (frl === 'F' ? 0.3 : 0) +
    (homeless ? 0.45 : 0) +
    (iep ? 0.2 : 0) -
    0.32;
  const s = { hispanic, races: race };
  return {
    name: makeName(rng, origin(rng, s, profile), gender),
    gender,
    birthDate: birthDateFor(rng, grade, schoolYear),
    hispanic,
    races: race,
    americanIndian: ai,
    frl,
    iep,
    el: grade >= 0 && rng.chance(elP),
    homeless,
    section504: !iep && rng.chance(0.025),
    gifted: !iep && rng.chance(0.05),
    military: rng.chance(0.012),
    risk,
    grade,
    firstGrade9Year: grade >= 9 ? schoolYear - (grade - 9) : null,
    years: [],
  };
}
