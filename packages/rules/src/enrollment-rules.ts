/**
 * Pure enrollment row rules (montana-aim.md §6.4, fields §2.2, §2.10, §2.3.7). The statewide engine runs
 * the same conditions as set-based SQL (apps/server/src/modules/validation/rules/); these functions are the
 * readable specification the table-driven tests pin down.
 */
import { ageCutoff, ageOn } from './dates.ts';
import { blank, type RowRule } from './row-rule.ts';

/** The enrollment fields the row rules read (ISO dates). */
export type EnrollmentFacts = {
  gradeLevel: string;
  startStatus: string | null;
  endDate: string | null;
  endStatus: string | null;
  dropOutReason?: string | null;
  militaryConnectionStatus?: string | null;
  extracurricularOnly?: boolean | null;
  birthDate?: string | null;
  age1920Eligible?: boolean | null;
  diplomaDate?: string | null;
  diplomaType?: string | null;
  diplomaPeriod?: string | null;
  dateFirstEntered9thGrade?: string | null;
  earlyLiteracyProgram?: string | null;
};

/** R04: start status is required [V S24]. */
export const missingStartStatus: RowRule<EnrollmentFacts> = {
  id: 'ENR-004',
  check: (e) => (blank(e.startStatus) ? 'Start status is empty' : null),
};

/** R05: start status 40/60/80 makes Military Connection Status mandatory [V S24]. */
export const militaryStartWithoutConnection: RowRule<EnrollmentFacts, { militaryStartStatuses: string[] }> = {
  id: 'ENR-005',
  check: (e, p) =>
    p.militaryStartStatuses.includes(e.startStatus ?? '') && blank(e.militaryConnectionStatus)
      ? `Start status ${e.startStatus} (military-connected) without a Military Connection Status`
      : null,
};

/** R06: end status 300–340 needs a Drop Out Reason [V S24]. */
export const dropoutWithoutReason: RowRule<EnrollmentFacts, { dropoutEndStatuses: string[] }> = {
  id: 'ENR-006',
  check: (e, p) =>
    p.dropoutEndStatuses.includes(e.endStatus ?? '') && blank(e.dropOutReason)
      ? `End status ${e.endStatus} (dropout) without a Drop Out Reason`
      : null,
};

/** R07: an ended Extracurricular-Only enrollment may only have an allowed end status (empty, 160, …) [V S24]. */
export const extracurricularExitStatus: RowRule<EnrollmentFacts, { allowedEndStatuses: string[] }> = {
  id: 'ENR-007',
  check: (e, p) =>
    e.extracurricularOnly === true && !blank(e.endStatus) && !p.allowedEndStatuses.includes(e.endStatus!)
      ? `Extracurricular-only enrollment ended with status ${e.endStatus}`
      : null,
};

/** R14 [I]: a student 19 or older on Sept 10 counts for ANB only with the "Age 19 or 20 Eligible" flag. */
export const age19WithoutFlag: RowRule<EnrollmentFacts, { schoolYear: number }> = {
  id: 'CNT-014',
  check: (e, p) => {
    if (blank(e.birthDate) || e.age1920Eligible === true) return null;
    const age = ageOn(e.birthDate!, ageCutoff(p.schoolYear));
    return age >= 19
      ? `Age ${age} on ${ageCutoff(p.schoolYear)} without the Age 19 or 20 Eligible flag`
      : null;
  },
};

/** R17: diploma date, type and period go together (early graduates need all three) [V S11, S04]. */
export const diplomaIncomplete: RowRule<EnrollmentFacts> = {
  id: 'GRD-017',
  check: (e) => {
    const parts = [e.diplomaDate, e.diplomaType, e.diplomaPeriod].map((v) => !blank(v));
    return parts.some(Boolean) && !parts.every(Boolean)
      ? 'Diploma date, type and period must all be given together'
      : null;
  },
};

/** R18: graduates and grade 9–12 cohort members need Date First Entered 9th Grade [V S06, S16]. */
export const missingFirstEntered9th: RowRule<
  EnrollmentFacts,
  { graduateEndStatuses: string[]; cohortGrades: string[] }
> = {
  id: 'GRD-018',
  check: (e, p) =>
    (p.cohortGrades.includes(e.gradeLevel) || p.graduateEndStatuses.includes(e.endStatus ?? '')) &&
    blank(e.dateFirstEntered9thGrade)
      ? `Grade ${e.gradeLevel} enrollment without Date First Entered 9th Grade`
      : null,
};

/** R37: classroom/home-based early literacy needs age 4 by Sept 10, Jumpstart age 5 [V S54]. */
export const earlyLiteracyUnderAge: RowRule<
  EnrollmentFacts,
  { schoolYear: number; minimumAge: Record<string, number> }
> = {
  id: 'LIT-037',
  check: (e, p) => {
    const program = e.earlyLiteracyProgram ?? '';
    const min = p.minimumAge[program];
    if (min === undefined || blank(e.birthDate)) return null;
    const age = ageOn(e.birthDate!, ageCutoff(p.schoolYear));
    return age < min
      ? `Early-literacy program ${program} needs age ${min} by ${ageCutoff(p.schoolYear)}; the child is ${age}`
      : null;
  },
};
