import type { OrgDistrict } from '@bitterroot/core';

/** Generator scale: a fast test subset, real Montana, or Montana's structure grown to Texas size. */
export type ScaleName = 'small' | 'montana' | 'texas';

/** A district picked for generation with its student and teacher targets. */
export interface ScaledDistrict {
  district: OrgDistrict;
  students: number;
  teachers: number;
}

// montana-facts.md §1.2: 148,585–149,879 public K-12 students; CCD sums to 148,897, used as is.
const TEXAS_STUDENTS = 5_500_000;
const SMALL_STUDENTS = 2_980; // ≈ 1/50 of Montana
// A deterministic cross-section for tests: the largest city pair, a mid K-12, a reservation pair and K-12,
// a small elementary/high-school pair, a resort K-12, a Hutterite colony and the one-student district.
const SMALL_DISTRICTS = [
  'Billings Elem',
  'Billings H S',
  'Hamilton K-12 Schools',
  'Browning Elem',
  'Browning H S',
  'Heart Butte K-12 Schools',
  'Somers Elem',
  'Chester-Joplin-Inverness El',
  'Chester-Joplin-Inverness HS',
  'Big Sky School K-12',
  'Spring Creek Colony Elem',
  'Galata Elem',
];

/** Picks districts and per-district student counts proportional to CCD enrollment. */
export function scaleDistricts(districts: OrgDistrict[], scale: ScaleName): ScaledDistrict[] {
  const picked = scale === 'small' ? districts.filter((d) => SMALL_DISTRICTS.includes(d.name)) : districts;
  const ccd = picked.reduce((s, d) => s + d.ccdEnrollment, 0);
  const target = scale === 'small' ? SMALL_STUDENTS : scale === 'texas' ? TEXAS_STUDENTS : ccd;
  const factor = target / ccd;
  return picked.map((district) => {
    // Keep the tiniest districts at their real size: one-room schools are the point (montana-facts.md §1.5).
    const students = Math.max(
      Math.round(district.ccdEnrollment * factor),
      Math.min(district.ccdEnrollment, 3),
      1,
    );
    const ratio = students / Math.max(district.ccdEnrollment, 1);
    // Teachers from CCD instructional FTE, ~13.8 students per FTE statewide (montana-facts.md §1.2).
    const teachers = Math.max(1, Math.round(district.ccdInstructionalStaffFte * ratio));
    return { district, students, teachers };
  });
}
