/**
 * Enrollment rules over the live tables (montana-aim.md §6.4 R03–R08, fields §2.2): overlapping primary
 * enrollments within and across districts, and the start/end status companions the upload layouts require.
 */
import { sql, type RawBuilder } from 'kysely';
import { blankSql } from './context-codes.ts';
import {
  candidate,
  inStudents,
  isoText,
  listParam,
  type RowJoin,
  type RuleContext,
  type SqlRule,
} from './context.ts';
import { enrollmentFinding, rowRule } from './enrollment-rows.ts';

const span = (alias: string) =>
  sql`${isoText(`${alias}.start_date`)} || '–' || coalesce(${isoText(`${alias}.end_date`)}, 'open')`;

/**
 * The year's primary enrollments in scope. Written out for each side of ENR-003's self-join rather than shared as
 * a CTE: a CTE read twice is materialised and keeps a statewide evaluation off parallel workers (decision 0084).
 */
const primaries = (
  ctx: RuleContext,
) => sql`SELECT e.id, e.student_id, e.district_number, e.school_number, e.start_date, e.end_date
  FROM enrollment e WHERE e.school_year = ${ctx.year}::int AND e.service_type = 'P' AND NOT e.no_show
    AND e.extracurricular_only IS NOT TRUE AND ${inStudents(ctx, 'e.student_id')}`;

/**
 * R03 [V S13] "State Enrollment Overlap": two primary enrollments of one student share a day (inclusive
 * dates; no-shows and extracurricular-only rows never count). The later-starting enrollment's district owns
 * the finding; across districts the earlier one's district is named and sees it too (decision 0024).
 */
const overlap: SqlRule = {
  id: 'ENR-003',
  perStudent: true,
  select: (ctx) => sql`
    SELECT ${candidate('ENR-003', {
      district: sql`b.district_number`,
      otherDistrict: sql`CASE WHEN a.district_number <> b.district_number THEN a.district_number END`,
      student: sql`b.student_id`,
      stateId: sql`s.state_id`,
      table: 'enrollment',
      recordId: sql`b.id`,
      key: sql`'enrollment:' || a.id || '/' || b.id`,
      message: sql`'Primary enrollment ' || ${span('b')} || ' at school ' || b.school_number || ' overlaps primary enrollment '
        || ${span('a')} || CASE WHEN a.district_number <> b.district_number THEN ' in district ' || a.district_number
                               ELSE ' at school ' || a.school_number END`,
    })}
    FROM (${primaries(ctx)}) a JOIN (${primaries(ctx)}) b ON b.student_id = a.student_id AND (a.start_date, a.id) < (b.start_date, b.id)
      AND b.start_date <= coalesce(a.end_date, 'infinity'::date) AND a.start_date <= coalesce(b.end_date, 'infinity'::date)
    CROSS JOIN LATERAL (SELECT s0.state_id FROM student s0 WHERE s0.id = b.student_id OFFSET 0) s`,
};

/** One-enrollment rule: the enrollments of the year in scope that fail `where`, with a message (decision 0084). */
function enrollmentRule(
  id: string,
  where: (ctx: RuleContext) => RawBuilder<unknown>,
  message: RawBuilder<unknown>,
  joins: readonly RowJoin[] = [],
): SqlRule {
  return rowRule(id, joins, (ctx) => [
    {
      when: where(ctx),
      select: enrollmentFinding(id, message),
    },
  ]);
}

/** Enrollment rules. */
export const ENROLLMENT_RULES: readonly SqlRule[] = [
  overlap,
  // R04 [V S24]: start status required; a stored value outside the code set also fails (bulk loads skip upload checks).
  enrollmentRule(
    'ENR-004',
    (ctx) =>
      sql`(${blankSql('e.start_status')} OR e.start_status <> ALL(${ctx.codes('start-status')}::text[]))`,
    sql`CASE WHEN btrim(e.start_status) = '' THEN 'Start status is empty' ELSE 'Start status ' || e.start_status || ' is not a state start status' END`,
  ),
  // R05 [V S24]: start status 40/60/80 makes Military Connection Status mandatory.
  enrollmentRule(
    'ENR-005',
    (ctx) =>
      sql`e.start_status = ANY(${listParam(ctx, 'militaryStartStatuses')}::text[]) AND ${blankSql('e.military_connection_status')}`,
    sql`'Start status ' || e.start_status || ' (military-connected) without a Military Connection Status'`,
  ),
  // R06 [V S24]: dropout end statuses 300–340 need a Drop Out Reason.
  enrollmentRule(
    'ENR-006',
    (ctx) =>
      sql`e.end_status = ANY(${listParam(ctx, 'dropoutEndStatuses')}::text[]) AND ${blankSql('e.drop_out_reason')}`,
    sql`'End status ' || e.end_status || ' (dropout) without a Drop Out Reason'`,
  ),
  // R07 [V S24]: an ended Extracurricular-Only enrollment may end only with an allowed status.
  enrollmentRule(
    'ENR-007',
    (ctx) =>
      sql`e.extracurricular_only IS TRUE AND e.end_status IS NOT NULL AND e.end_status <> ALL(${listParam(ctx, 'allowedEndStatuses')}::text[])`,
    sql`'Extracurricular-only enrollment ended with status ' || e.end_status`,
  ),
  // R08 [V S13]: no longer attending (the calendar has ended) but no end date/status.
  enrollmentRule(
    'ENR-008',
    (ctx) => sql`e.end_date IS NULL AND NOT e.no_show AND c.end_date < ${ctx.dates.today}::date`,
    sql`'Enrollment from ' || ${isoText('e.start_date')} || ' is still open although calendar ' || c.calendar_number || ' ended ' || ${isoText('c.end_date')}`,
    ['calendar'],
  ),
];
