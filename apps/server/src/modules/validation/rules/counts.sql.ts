/**
 * Count-date and attendance rules (montana-aim.md §6.4 R09, R12, R14, R20, R21; §2.4, §8.1–§8.4). Count
 * dates come from the profile calendar (first Monday of October / February, §5.1).
 */
import { sql } from 'kysely';
import {
  candidate,
  inScope,
  isoText,
  listParam,
  numberParam,
  type RowPart,
  type RuleContext,
  type SqlRule,
} from './context.ts';
import { enrollmentFinding, rowRule } from './enrollment-rows.ts';

/** Enrollments that count-date tools consider (§2.4): not no-show, not extracurricular-only, not state-excluded. */
const countable = sql`NOT e.no_show AND e.extracurricular_only IS NOT TRUE AND NOT c.state_exclude`;

function missingCount(ctx: RuleContext, season: 'fall' | 'spring'): RowPart[] {
  const date = season === 'fall' ? ctx.dates.fallCount : ctx.dates.springCount;
  // Count data is entered after the count date (§5.1 [V S17]): before it, nothing is missing yet.
  if (date > ctx.dates.today) return [];
  const count = sql.ref(`${season === 'fall' ? 'fc' : 'sc'}.id`);
  return [
    {
      when: sql`${countable} AND e.start_date <= ${date}::date AND coalesce(e.end_date, 'infinity'::date) >= ${date}::date
        AND ${count} IS NULL`,
      select: enrollmentFinding(
        'CNT-009',
        sql`${`Enrollment spans the ${season} count date ${date} but has no ${season} count row (aggregate hours)`}::text`,
        sql`${`:${season}`}::text`,
      ),
    },
  ];
}

/** R09 [I S49]: an enrollment spanning a past count date has no count row (so no aggregate hours). */
const missingHours = rowRule('CNT-009', ['calendar', 'fall_count', 'spring_count'], (ctx) => [
  ...missingCount(ctx, 'fall'),
  ...missingCount(ctx, 'spring'),
]);

function tenDay(ctx: RuleContext, season: 'fall' | 'spring') {
  const t = `${season}_count`;
  return sql`SELECT ${candidate('CNT-012', {
    district: sql`k.district_number`,
    student: sql`k.student_id`,
    stateId: sql`s.state_id`,
    table: t,
    recordId: sql`k.id`,
    key: sql`${`${t}:`}::text || k.id`,
    message: sql`${`Absent `}::text || ${sql.ref(`k.${season}_absent`)} || ${` days up to the ${season} count date but not flagged Exclude ANB`}::text`,
  })}
  FROM ${sql.table(t)} k JOIN student s ON s.id = k.student_id
  WHERE k.school_year = ${ctx.year}::int AND ${inScope(ctx, 'k.district_number', 'k.student_id')}
    AND ${sql.ref(`k.${season}_absent`)} >= ${numberParam(ctx, 'absenceLimit')} AND ${sql.ref(`k.exclude_${season}_anb`)} IS NOT TRUE`;
}

/** R12 [V S11, S04]: 11+ consecutive absences up to the count date must be flagged Exclude ANB. */
const tenDayRule: SqlRule = {
  id: 'CNT-012',
  perStudent: true,
  select: (ctx) => sql`${tenDay(ctx, 'fall')} UNION ALL ${tenDay(ctx, 'spring')}`,
};

/** R14 [I S06]: aged 19 or more on Sept 10 without the "Age 19 or 20 Eligible for ANB" flag. */
const age19 = rowRule('CNT-014', [], (ctx) => [
  {
    when: sql`NOT e.no_show AND e.age_19_20_eligible IS NOT TRUE
      AND s.birth_date <= (${ctx.dates.ageCutoff}::date - make_interval(years => ${numberParam(ctx, 'age')}::int))::date`,
    select: enrollmentFinding(
      'CNT-014',
      sql`'Aged ' || extract(year FROM age(${ctx.dates.ageCutoff}::date, s.birth_date))::int || ' on ' || ${ctx.dates.ageCutoff}::text
        || ' (born ' || ${isoText('s.birth_date')} || ') without the Age 19 or 20 Eligible for ANB flag'`,
    ),
  },
]);

/** R20 [V S18, S16]: an ended primary enrollment has no end-of-year ADA days present / enrolled. */
const missingAda = rowRule('ATT-020', ['calendar', 'eoy_attendance'], (ctx) => [
  {
    when: sql`${countable} AND e.service_type = ANY(${listParam(ctx, 'serviceTypes')}::text[]) AND e.end_date IS NOT NULL
      AND a.id IS NULL`,
    select: enrollmentFinding(
      'ATT-020',
      sql`'Service type ' || e.service_type || ' enrollment ' || ${isoText('e.start_date')} || '–' || ${isoText('e.end_date')}
      || ' has no end-of-year attendance totals'`,
    ),
  },
]);

/** R21 [I]: days present, or ESSA days absent, exceed days enrolled. */
const attendanceLogic: SqlRule = {
  id: 'ATT-021',
  perStudent: true,
  select: (ctx) => sql`SELECT ${candidate('ATT-021', {
    district: sql`a.district_number`,
    student: sql`a.student_id`,
    stateId: sql`s.state_id`,
    table: 'eoy_attendance',
    recordId: sql`a.id`,
    key: sql`'eoy_attendance:' || a.id`,
    message: sql`CASE WHEN a.ada_days_present > a.ada_days_enrolled
      THEN 'Days present ' || a.ada_days_present || ' exceed days enrolled ' || a.ada_days_enrolled
      ELSE 'ESSA days absent ' || a.essa_days_absent || ' exceed days enrolled ' || a.ada_days_enrolled END`,
  })}
  FROM eoy_attendance a JOIN student s ON s.id = a.student_id
  WHERE a.school_year = ${ctx.year}::int AND ${inScope(ctx, 'a.district_number', 'a.student_id')}
    AND (a.ada_days_present > a.ada_days_enrolled OR a.essa_days_absent > a.ada_days_enrolled)`,
};

/** Count and attendance rules. */
export const COUNT_RULES: readonly SqlRule[] = [missingHours, tenDayRule, age19, missingAda, attendanceLogic];
