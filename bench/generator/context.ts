import type { Rng } from './prng.ts';
import type { OrgSchool, Organization } from '@bitterroot/core';
import type { CalendarBook } from './calendar-book.ts';
import type { DistrictProfile } from './demography.ts';
import type { ScaledDistrict } from './scale.ts';
import type { Student } from './student.ts';

/** Shared, read-mostly state of one generator run. */
export interface GenContext {
  seed: number;
  schoolYear: number;
  historyYears: number;
  /** First simulated year: at least one year back so returning students exist even with no history output. */
  firstYear: number;
  defectRate: number;
  book: CalendarBook;
  org: Organization;
  scaled: ScaledDistrict[];
  profiles: Map<string, DistrictProfile>;
  schoolsByDistrict: Map<string, OrgSchool[]>;
  /** Allocates the next student's state ID (unique statewide, 9 digits). */
  nextStudentId(): string;
  /** Allocates the next staff state ID. */
  nextStaffId(): string;
}

/** Spreads a counter over 9 digits without collisions (3^18 is coprime to 10^9), so IDs look unordered. */
export function scatterId(counter: number): string {
  const v = (BigInt(counter) * 387_420_489n + 102_345_677n) % 1_000_000_000n;
  return v.toString().padStart(9, '0');
}

/** Creates the ID allocators; staff IDs come from a separate counter range so they never equal a student's. */
export function idAllocators(): Pick<GenContext, 'nextStudentId' | 'nextStaffId'> {
  let students = 0;
  let staff = 900_000_000;
  return { nextStudentId: () => scatterId(students++), nextStaffId: () => scatterId(staff++) };
}

/** A student's sink: called once per student when the simulation is done with them. */
export type StudentSink = (
  s: Student,
  last: { districtNumber: string; schoolNumber: string; year: number },
) => void;

/** Where entrants come from: feeder districts and statewide draws (weighted by enrollment). */
export interface Origins {
  /** A district whose students move on to this one at its lowest grade. */
  feederDistrict(rng: Rng, districtNumber: string): string;
  /** Any Montana district, weighted by enrollment. */
  randomDistrict(rng: Rng): string;
  /** The next local student number of a district. */
  nextLocalId(districtNumber: string): string;
}
