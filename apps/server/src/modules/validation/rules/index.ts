/** Every set-based rule the statewide engine runs, by family (one file per family). */
import type { SqlRule } from './context.ts';
import { COUNT_RULES } from './counts.sql.ts';
import { ENROLLMENT_RULES } from './enrollment.sql.ts';
import { GRADUATION_RULES } from './graduation.sql.ts';
import { IDENTITY_RULES } from './identity.sql.ts';
import { PROGRAM_RULES } from './programs.sql.ts';
import { STAFF_COURSE_RULES } from './staff-courses.sql.ts';

export type { RuleContext, RuleDates, RunScope, SqlRule } from './context.ts';
export { CANDIDATE_COLUMNS, SCOPE_STUDENTS } from './context.ts';

/** The statewide rules, in the order they run. */
export const SQL_RULES: readonly SqlRule[] = [
  ...IDENTITY_RULES,
  ...ENROLLMENT_RULES,
  ...GRADUATION_RULES,
  ...COUNT_RULES,
  ...PROGRAM_RULES,
  ...STAFF_COURSE_RULES,
];
