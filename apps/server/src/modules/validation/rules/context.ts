/**
 * What every set-based rule gets: the school year, the dates the profile calendar gives it, its catalogue
 * parameters and the run's scope as SQL predicates, plus the one output shape every rule SELECT produces.
 * Rules are SQL templates (ARCHITECTURE §4 Validation: "cross-record and cross-district rules are set-based
 * SQL over the whole state"); the repository runs them, never a query per row.
 */
import { sql, type RawBuilder } from 'kysely';
import type { RuleParameter } from '@bitterroot/rules';

/** Which part of the state a run evaluates. */
export type RunScope =
  { kind: 'state' } | { kind: 'district'; district: string } | { kind: 'students'; studentIds: number[] };

/** Named dates of the school year the rules use (ISO). */
export type RuleDates = {
  fallCount: string;
  springCount: string;
  /** Sept 10 of the year's start: the age cut-off (montana-aim.md §8.1, §2.3.7). */
  ageCutoff: string;
  /** Sept 30 after the school year: the dropout re-enrollment cut-off (§2.10, §7.3). */
  reenrollmentCutoff: string;
  /** The run's date ("in the future", "calendar has ended"). */
  today: string;
};

/** Everything a rule's SQL may depend on. */
export type RuleContext = {
  year: number;
  dates: RuleDates;
  scope: RunScope;
  params: Record<string, RuleParameter>;
  /** The codes of a profile code set (state event codes, start statuses). */
  codes: (codeSet: string) => string[];
};

/** A set-based rule: its catalogue id and a SELECT producing finding candidates (see `candidate`). */
export type SqlRule = {
  id: string;
  /** False for staff and course rules: a run over a set of students skips them. */
  perStudent: boolean;
  select: (ctx: RuleContext) => RawBuilder<unknown>;
  /** Set for rules judging single enrollment rows: a run evaluates all of them in one scan (decision 0084). */
  row?: RowRule;
};

/** What a row rule reads beside enrollment e and student s: calendar c, fall_count fc, spring_count sc, eoy_attendance a. */
export type RowJoin = 'calendar' | 'fall_count' | 'spring_count' | 'eoy_attendance';

/** One kind of candidate of a row rule: when the row yields it, and its SELECT list (see `candidate`). */
export type RowPart = { when: RawBuilder<unknown>; select: RawBuilder<unknown> };

/** A rule over single enrollment rows of the year: its companions and its candidates' parts. */
export type RowRule = { joins: readonly RowJoin[]; parts: (ctx: RuleContext) => RowPart[] };

/** The temp table holding the scope's students (district and student runs). */
export const SCOPE_STUDENTS = 'v_scope_student';

/** Restricts a student id column to the run's students; TRUE statewide. */
export function inStudents(ctx: RuleContext, column: string): RawBuilder<unknown> {
  return ctx.scope.kind === 'state'
    ? sql`TRUE`
    : sql`${sql.ref(column)} IN (SELECT student_id FROM ${sql.table(SCOPE_STUDENTS)})`;
}

/**
 * Restricts a record-level rule early: to the district's rows, or the scope students' rows. Cross-district
 * rules use `inStudents` instead, because the other party's rows must stay visible.
 */
export function inScope(
  ctx: RuleContext,
  districtColumn: string,
  studentColumn: string | null,
): RawBuilder<unknown> {
  switch (ctx.scope.kind) {
    case 'state':
      return sql`TRUE`;
    case 'district':
      return sql`${sql.ref(districtColumn)} = ${ctx.scope.district}`;
    case 'students':
      return studentColumn === null ? sql`FALSE` : inStudents(ctx, studentColumn);
  }
}

/**
 * The identity row `s` of enrollment `alias`. Statewide, a hash join of the two tables. A district or a set of
 * students probes the primary key once per enrollment of the scope: the planner, estimating the scope's filter
 * as unselective, would otherwise hash every identity of the state for a district's ten thousand enrollments.
 * OFFSET 0 keeps the lateral subquery from being flattened back into that hash join.
 */
export function studentOf(ctx: RuleContext, alias: string): RawBuilder<unknown> {
  const id = sql.ref(`${alias}.student_id`);
  return ctx.scope.kind === 'state'
    ? sql`JOIN student s ON s.id = ${id}`
    : sql`CROSS JOIN LATERAL (SELECT * FROM student s0 WHERE s0.id = ${id} OFFSET 0) s`;
}

/** The columns every rule SELECT yields, in order (validation.repository inserts them by position). */
export const CANDIDATE_COLUMNS = [
  'rule_id',
  'district_number',
  'other_district_number',
  'student_id',
  'other_student_id',
  'staff_id',
  'state_id',
  'record_table',
  'record_id',
  'record_key',
  'message',
] as const;

/** The output of one rule row; SQL expressions for each candidate column (missing ones are NULL). */
export type CandidateSql = {
  district: RawBuilder<unknown>;
  otherDistrict?: RawBuilder<unknown>;
  student?: RawBuilder<unknown>;
  otherStudent?: RawBuilder<unknown>;
  staff?: RawBuilder<unknown>;
  stateId?: RawBuilder<unknown>;
  table: string;
  recordId: RawBuilder<unknown>;
  /** Unique per rule and record (pairs name both records): the finding's stable key is `rule:key`. */
  key: RawBuilder<unknown>;
  message: RawBuilder<unknown>;
};

/** The SELECT list of one rule's findings. */
export function candidate(ruleId: string, c: CandidateSql): RawBuilder<unknown> {
  const or = (x: RawBuilder<unknown> | undefined, type: string) => x ?? sql.raw(`NULL::${type}`);
  return sql`${ruleId}::text AS rule_id, ${c.district}::text AS district_number,
    ${or(c.otherDistrict, 'text')}::text AS other_district_number, ${or(c.student, 'bigint')}::bigint AS student_id,
    ${or(c.otherStudent, 'bigint')}::bigint AS other_student_id, ${or(c.staff, 'bigint')}::bigint AS staff_id,
    ${or(c.stateId, 'text')}::text AS state_id, ${c.table}::text AS record_table, ${c.recordId}::bigint AS record_id,
    ${c.key}::text AS record_key, ${c.message}::text AS message`;
}

/** A parameter as a text array (code lists). */
export function listParam(ctx: RuleContext, name: string): string[] {
  const v = ctx.params[name];
  if (Array.isArray(v)) return v;
  throw new Error(`rule parameter ${name} must be a list`);
}

/** A parameter as a number (thresholds). */
export function numberParam(ctx: RuleContext, name: string): number {
  const v = ctx.params[name];
  if (typeof v === 'number') return v;
  throw new Error(`rule parameter ${name} must be a number`);
}

/** ISO text of a date column for messages (dates the other district may see). */
export function isoText(column: string): RawBuilder<unknown> {
  return sql`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}
