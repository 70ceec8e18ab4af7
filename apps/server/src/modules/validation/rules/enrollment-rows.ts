/**
 * Rules that judge single enrollment rows of the year (missing state ID, start/end statuses, count and
 * attendance rows, diploma fields, ages) share one scan of the year's enrollments (decision 0084). Each rule
 * says which companion tables it reads and gives its candidates as parts, each gated by a condition on the row.
 * The scan keeps the rows where any planned part fires (few: the findings), and a lateral subquery turns each
 * kept row into its candidates. One pass over the enrollments, the identities and the count tables replaces one
 * per rule.
 */
import { sql, type RawBuilder } from 'kysely';
import {
  candidate,
  inScope,
  studentOf,
  type RowJoin,
  type RowPart,
  type RowRule,
  type RuleContext,
  type SqlRule,
} from './context.ts';

/** A row rule planned with its context and what leads each of its SELECT lists (a run's severity column). */
export type PlannedRow = { row: RowRule; ctx: RuleContext; lead: RawBuilder<unknown> };

const COMPANIONS: Record<Exclude<RowJoin, 'calendar'>, string> = {
  fall_count: 'fc',
  spring_count: 'sc',
  eoy_attendance: 'a',
};

/**
 * A companion row by its unique enrollment key, or NULLs. Statewide a hash join; a district or a set of
 * students probes the unique index per enrollment of the scope (fenced, as `studentOf`), instead of hashing
 * every count row of the state.
 */
function companion(ctx: RuleContext, join: RowJoin): RawBuilder<unknown> {
  if (join === 'calendar') return sql`JOIN calendar c ON c.id = e.calendar_id`;
  const [table, alias] = [sql.table(join), sql.raw(COMPANIONS[join])];
  return ctx.scope.kind === 'state'
    ? sql`LEFT JOIN ${table} ${alias} ON ${alias}.enrollment_id = e.id`
    : sql`LEFT JOIN LATERAL (SELECT * FROM ${table} k WHERE k.enrollment_id = e.id OFFSET 0) ${alias} ON TRUE`;
}

/** A row matching no planned part keeps the statement valid (a count date still ahead yields none). */
const NOTHING: RowPart = {
  when: sql`FALSE`,
  select: candidate('', {
    district: sql`NULL`,
    table: '',
    recordId: sql`NULL`,
    key: sql`NULL`,
    message: sql`NULL`,
  }),
};

/** The candidates of the planned row rules in one scan of the year's enrollments in scope. */
export function enrollmentRowsSql(planned: readonly PlannedRow[]): RawBuilder<unknown> {
  const ctx = planned[0]!.ctx;
  const joins = [...new Set(planned.flatMap((p) => p.row.joins))].sort();
  const parts = planned.flatMap((p) => p.row.parts(p.ctx).map((part) => ({ ...part, lead: p.lead })));
  const all = parts.length > 0 ? parts : [{ ...NOTHING, lead: planned[0]!.lead }];
  const each = all.map((p) => sql`SELECT ${p.lead}${p.select} WHERE ${p.when}`);
  return sql`SELECT r.* FROM enrollment e ${studentOf(ctx, 'e')} ${sql.join(
    joins.map((j) => companion(ctx, j)),
    sql` `,
  )}
    CROSS JOIN LATERAL (${sql.join(each, sql` UNION ALL `)}) r
    WHERE e.school_year = ${ctx.year}::int AND ${inScope(ctx, 'e.district_number', 'e.student_id')}
      AND (${sql.join(
        all.map((p) => sql`(${p.when})`),
        sql` OR `,
      )})`;
}

/** A row rule as a rule of its own (its SELECT is the shared scan for this rule alone). */
export function rowRule(id: string, joins: readonly RowJoin[], parts: RowRule['parts']): SqlRule {
  const row: RowRule = { joins, parts };
  return {
    id,
    perStudent: true,
    row,
    select: (ctx) => enrollmentRowsSql([{ row, ctx, lead: sql`` }]),
  };
}

/**
 * The candidate finding of a row rule about the scanned enrollment `e` of student `s`, keyed by the enrollment;
 * `keySuffix` tells several findings of one enrollment apart.
 */
export function enrollmentFinding(
  ruleId: string,
  message: RawBuilder<unknown>,
  keySuffix?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return candidate(ruleId, {
    district: sql`e.district_number`,
    student: sql`e.student_id`,
    stateId: sql`s.state_id`,
    table: 'enrollment',
    recordId: sql`e.id`,
    key: keySuffix ? sql`'enrollment:' || e.id || ${keySuffix}` : sql`'enrollment:' || e.id`,
    message,
  });
}
