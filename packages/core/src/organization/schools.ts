import { agencySchoolName, elementaryName, highName, middleName, townOf } from './names.ts';
import type { DistrictSeed, GradeCode, SchoolKind } from './types.ts';

/** A planned school before numbering. */
export interface SchoolPlan {
  name: string;
  kind: SchoolKind;
  lowGrade: GradeCode;
  highGrade: GradeCode;
}

// Below this enrollment a district runs one school (one-room and colony schools: montana-facts.md §1.5).
// Above it, Montana accredits the 7-8 program as its own school, which is why ~826 schools serve ~400
// districts (montana-facts.md §1.1); the thresholds are tuned so the statewide total lands there.
const SINGLE_SCHOOL_BELOW = 45;
// Rough school sizes used to decide how many schools a large district runs.
const ELEMENTARY_SIZE = 280;
const MIDDLE_SIZE = 800;
const HIGH_SIZE = 1100;
const ALTERNATIVE_FROM = 600;
// K-8 share of an elementary district (montana-facts.md §1.3: 9 of 13 grades, ~67% statewide K-12).
const ELEMENTARY_SHARE = 0.67;
const PK_FROM = 250;

function count(enrollment: number, size: number): number {
  return Math.max(1, Math.round(enrollment / size));
}

function elementaryAndMiddle(town: string, enrollment: number, withPk: boolean): SchoolPlan[] {
  const nElem = count(enrollment * ELEMENTARY_SHARE, ELEMENTARY_SIZE);
  const nMid = count(enrollment * (1 - ELEMENTARY_SHARE), MIDDLE_SIZE);
  // Larger systems run K-5 plus 6-8 middle schools; small ones K-6 plus a 7-8 program.
  const split = nElem >= 3;
  const low: GradeCode = withPk ? 'PK' : 'KG';
  const plans: SchoolPlan[] = [];
  for (let i = 0; i < nElem; i++) {
    plans.push({
      name: elementaryName(town, i, nElem),
      kind: 'elementary',
      lowGrade: low,
      highGrade: split ? '05' : '06',
    });
  }
  for (let i = 0; i < nMid; i++) {
    plans.push({
      name: middleName(town, i, nMid),
      kind: 'middle',
      lowGrade: split ? '06' : '07',
      highGrade: '08',
    });
  }
  return plans;
}

function highSchools(town: string, enrollment: number): SchoolPlan[] {
  const n = count(enrollment, HIGH_SIZE);
  const plans: SchoolPlan[] = Array.from({ length: n }, (_, i) => ({
    name: highName(town, i, n),
    kind: 'high' as const,
    lowGrade: '09' as const,
    highGrade: '12' as const,
  }));
  // Larger high-school systems also run an alternative high school (e.g. Billings' Lincoln Center).
  if (enrollment >= ALTERNATIVE_FROM) {
    plans.push({ name: `${town} Alternative High School`, kind: 'high', lowGrade: '09', highGrade: '12' });
  }
  return plans;
}

/** The schools a district runs, derived only from its level and CCD enrollment. */
export function planSchools(seed: DistrictSeed): SchoolPlan[] {
  const town = townOf(seed.name);
  const e = seed.ccdEnrollment;
  switch (seed.level) {
    case 'state_agency':
      return [{ name: agencySchoolName(seed), kind: 'k12', lowGrade: '06', highGrade: '12' }];
    case 'high_school':
      return highSchools(town, e);
    case 'elementary':
      if (e < SINGLE_SCHOOL_BELOW) {
        return [{ name: elementaryName(town, 0, 1), kind: 'elementary', lowGrade: 'KG', highGrade: '08' }];
      }
      return elementaryAndMiddle(town, e, e >= PK_FROM);
    case 'k12':
      if (e < SINGLE_SCHOOL_BELOW) {
        return [{ name: `${town} School`, kind: 'k12', lowGrade: 'KG', highGrade: '12' }];
      }
      // About 9/13 of a K-12 district's students are in K-8.
      return [...elementaryAndMiddle(town, e * 0.69, e >= PK_FROM), ...highSchools(town, e * 0.31)];
  }
}
