import type { IsoDate } from '../dates.ts';
import type { BudgetUnit, GradeCode } from '../organization/types.ts';

/** Why a pupil who is still on the books may never be counted (ARM 10.20.102(4); montana-facts.md §3.2). */
export type LeftReason =
  'enrolled-elsewhere' | 'notice-of-leaving' | 'records-transferred' | 'unable-to-continue';

/** Which count a row belongs to (MCA 20-9-311(1)(a): first Monday in October / February). */
export type CountKind = 'fall' | 'spring';

/** What an early graduate's spring row carries (20-9-313; ARM 10.20.102(10); montana-facts.md §3.5). */
export type EarlyGraduateInfo = {
  diplomaDate: IsoDate;
  /** Semesters the student took to finish; only exactly seven qualifies. */
  semestersCompleted: number;
  /** Enrolled as a senior on the fall count date of the same year. */
  enrolledOnFallCount: boolean;
  /** Last day of the first semester; requirements must be finished after it. */
  firstSemesterEnd: IsoDate;
};

/**
 * One enrollment on one count date: the enrollment fields (profiles/montana/templates/student-enrollment.yaml)
 * joined with the count-date fields (fall-count.yaml / spring-count.yaml: aggregate hours, absent, exclude ANB).
 */
export type CountDateRow = {
  stateId: string;
  districtNumber: string;
  schoolNumber: string;
  grade: GradeCode;
  birthDate: IsoDate;
  /** P primary, S partial/secondary, N special-ed only (montana-aim.md §3.5). */
  serviceType: string;
  startDate: IsoDate;
  endDate?: IsoDate | null | undefined;
  /** fall_aggregate_hours / spring_aggregate_hours: hours the enrolled program provides for the year. */
  aggregateHours: number | null;
  /** Hours equivalent granted under the proficiency exception, 20-9-311(4)(d); replaces aggregate hours. */
  proficiencyEquivalentHours?: number | null | undefined;
  /** Unbroken run of absent pupil-instruction days up to the count date (the count date included when absent). */
  consecutiveDaysAbsent?: number | undefined;
  /** OPI variance for extenuating circumstances, requested before the count date (ARM 10.20.102(10)). */
  absenceVariance?: boolean | undefined;
  /** exclude_fall_anb / exclude_spring_anb as the district set it. */
  excludeAnb?: boolean | undefined;
  leftReason?: LeftReason | null | undefined;
  kindergartenBoardApproval?: boolean | undefined;
  /** Placed in a private non-sectarian day-treatment centre on the count date (montana-aim.md §8.1). */
  dayTreatment?: boolean | undefined;
  /** age_19_20_eligible: "Age 19 or 20 Eligible for ANB". */
  age1920Eligible?: boolean | undefined;
  /** esa_participant: Education Savings Account participant (montana-aim.md §2.3.7). */
  esaParticipant?: boolean | undefined;
  extracurricularOnly?: boolean | undefined;
  noShow?: boolean | undefined;
  /** Receives special education (PK pupils count from HB 168, 2025). */
  specialEducation?: boolean | undefined;
  /** early_literacy_program: C classroom-based (counts for ANB), H home-based, J Jumpstart. */
  earlyLiteracyProgram?: string | null | undefined;
  /** School accredited by the Board of Public Education; false never counts (ARM 10.20.102(1)). */
  accredited?: boolean | undefined;
  /** The school's grades 7–8 are accredited at the high-school level (ARM 10.20.102(3)). */
  grades78HighSchoolAccredited?: boolean | undefined;
  /** Budget unit set by OPI; when absent it follows from the grade. */
  budgetUnit?: BudgetUnit | undefined;
  earlyGraduate?: EarlyGraduateInfo | null | undefined;
};

/** How a row ended up: counted with a weight, excluded by a rule, or never part of the count. */
export type AnbStatus = 'counted' | 'excluded' | 'not-counted';

/** One row's result, with the sentence a clerk reads. */
export type AnbLine = {
  stateId: string;
  districtNumber: string;
  schoolNumber: string;
  budgetUnit: BudgetUnit;
  status: AnbStatus;
  /** Weight after the one-pupil cap. */
  weight: number;
  /** Weight from the hours band alone. */
  bandWeight: number;
  esa: boolean;
  earlyGraduate: boolean;
  explanation: string;
};

/** Sum of weights of one district's budget unit on one count date. */
export type BudgetUnitCount = {
  districtNumber: string;
  budgetUnit: BudgetUnit;
  count: number;
  /** Part of `count` from ESA-flagged enrollments, for the ESA amounts (montana-aim.md §10). */
  esaCount: number;
  earlyGraduateCount: number;
};

/** A whole count date: every row's line and the totals per district budget unit. */
export type AnbCount = {
  kind: CountKind;
  countDate: IsoDate;
  lines: AnbLine[];
  units: BudgetUnitCount[];
};
