import type { OrgSchool } from '@bitterroot/core';
import type { GenContext } from './context.ts';
import { makeName } from './names.ts';
import type { PersonName } from './names.ts';
import type { Rng } from './prng.ts';
import type { Rec } from './tsv.ts';

/** A staff member with one school assignment. */
export interface Staff {
  stateId: string;
  name: PersonName;
  gender: 'M' | 'F';
  birthYear: number;
  employmentStart: string;
  schoolNumber: string;
  assignment: 'TCH' | 'PRN';
  fte: number;
}

/**
 * Staff of a district: teachers spread over schools by planned size (CCD instructional FTE, ~13.8 students
 * per FTE: montana-facts.md §1.2), plus a principal per school. About three in four teachers are women.
 */
export function makeStaff(
  ctx: GenContext,
  rng: Rng,
  schools: OrgSchool[],
  sizes: number[],
  teachers: number,
): Map<string, Staff[]> {
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  const out = new Map<string, Staff[]>();
  const person = (schoolNumber: string, assignment: Staff['assignment']): Staff => {
    const gender = rng.chance(assignment === 'TCH' ? 0.76 : 0.45) ? 'F' : 'M';
    const startYear = ctx.schoolYear - 1 - Math.min(35, Math.floor(rng.next() ** 1.7 * 35));
    return {
      stateId: ctx.nextStaffId(),
      name: { ...makeName(rng, rng.chance(0.04) ? 'american-indian' : 'general', gender), suffix: '' },
      gender,
      birthYear: startYear - rng.int(22, 30),
      employmentStart: `${startYear}-08-${String(rng.int(15, 28)).padStart(2, '0')}`,
      schoolNumber,
      assignment,
      fte: rng.chance(0.9) ? 1 : 0.5,
    };
  };
  schools.forEach((school, i) => {
    const n = Math.max(1, Math.round((teachers * sizes[i]!) / total));
    const list = [person(school.schoolNumber, 'PRN')];
    for (let k = 0; k < n; k++) list.push(person(school.schoolNumber, 'TCH'));
    out.set(school.schoolNumber, list);
  });
  return out;
}

/** Terms of Employment row (montana-aim.md §4.3). */
export function termsRecord(districtNumber: string, s: Staff, schoolYear: number): Rec {
  return {
    record_type: 'TE',
    district_number: districtNumber,
    staff_state_id: s.stateId,
    last_name: s.name.lastName,
    first_name: s.name.firstName,
    gender: s.gender,
    employment_start_date: s.employmentStart,
    employment_end_date: '',
    assignment_school_number: s.schoolNumber,
    assignment_code: s.assignment,
    assignment_fte: s.fte.toFixed(2),
    assignment_start_date: `${schoolYear - 1}-08-15`,
    assignment_end_date: '',
    school_year: schoolYear,
  };
}

/** District Assignment row. */
export function assignmentRecord(districtNumber: string, s: Staff, schoolYear: number): Rec {
  return {
    record_type: 'DA',
    district_number: districtNumber,
    staff_state_id: s.stateId,
    last_name: s.name.lastName,
    first_name: s.name.firstName,
    gender: s.gender,
    assignment_school_number: s.schoolNumber,
    assignment_start_date: `${schoolYear - 1}-08-15`,
    assignment_end_date: '',
    assignment_code: s.assignment,
    assignment_fte: s.fte.toFixed(2),
    school_year: schoolYear,
  };
}
