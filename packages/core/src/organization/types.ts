import type { IsoDate } from '../dates.ts';
import type { SchoolYear } from '../school-year.ts';

/** District level as labelled in the profile's district list (montana-facts.md §1.1). */
export type DistrictLevel = 'elementary' | 'high_school' | 'k12' | 'state_agency';

/** One row of `profiles/montana/organization/districts.csv`. */
export interface DistrictSeed {
  districtNumber: string;
  ncesLeaId: string;
  name: string;
  level: DistrictLevel;
  ccdEnrollment: number;
  ccdInstructionalStaffFte: number;
}

/** Grade codes as Montana files carry them (montana-aim.md §3.2). */
export type GradeCode =
  'PK' | 'KG' | 'KF' | '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12';

/** A funding budget unit: elementary and high school are always separate (montana-facts.md §1.1). */
export type BudgetUnit = 'elementary' | 'high_school';

/** A legal entity (LE, "reporting entity") of a district: a 4-character code per budget unit (montana-aim.md §1.2). */
export interface LegalEntity {
  code: string;
  budgetUnit: BudgetUnit;
  name: string;
}

/** A district (school system) with its legal entities. */
export interface OrgDistrict {
  districtNumber: string;
  ncesLeaId: string;
  name: string;
  level: DistrictLevel;
  ccdEnrollment: number;
  ccdInstructionalStaffFte: number;
  legalEntities: LegalEntity[];
  /** For elementary districts: the high-school or K-12 district its 8th graders usually move on to. */
  highSchoolDistrictNumber: string | null;
}

/** What a school offers, by grade span. */
export type SchoolKind = 'elementary' | 'middle' | 'high' | 'k12';

/** A school: 4-digit number unique statewide (montana-aim.md §1.2). */
export interface OrgSchool {
  schoolNumber: string;
  districtNumber: string;
  ncesSchoolId: string;
  name: string;
  kind: SchoolKind;
  lowGrade: GradeCode;
  highGrade: GradeCode;
}

/** Calendar type: `R` regular school year, `J` Jumpstart summer early literacy (montana-aim.md §1.4). */
export type CalendarType = 'R' | 'J';

/** A school calendar for one school year (montana-aim.md §1.4). */
export interface OrgCalendar {
  calendarNumber: string;
  districtNumber: string;
  schoolNumber: string;
  schoolYear: SchoolYear;
  type: CalendarType;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** 4 for the many rural four-day-week schools, else 5. */
  daysPerWeek: 4 | 5;
  instructionalDays: number;
  stateExclude: boolean;
}

/** The whole organisation structure for one school year. */
export interface Organization {
  schoolYear: SchoolYear;
  districts: OrgDistrict[];
  schools: OrgSchool[];
  calendars: OrgCalendar[];
}
