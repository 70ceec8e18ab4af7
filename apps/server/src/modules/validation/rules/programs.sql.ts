/**
 * Program, CTE, accommodation and early-literacy rules (montana-aim.md §6.4 R24, R26–R29, R37; §2.3, §2.6,
 * §2.14). Gifted records and CTE pathways follow the student across districts (§2.3.5, §9.3).
 */
import { sql, type RawBuilder } from 'kysely';
import { blankSql } from './context-codes.ts';
import {
  candidate,
  inScope,
  inStudents,
  isoText,
  numberParam,
  type RuleContext,
  type SqlRule,
} from './context.ts';
import { rowRule } from './enrollment-rows.ts';

const person = (alias: string, table: string) => ({
  district: sql`${sql.ref(`${alias}.district_number`)}`,
  student: sql`${sql.ref(`${alias}.student_id`)}`,
  stateId: sql`s.state_id`,
  table,
  recordId: sql`${sql.ref(`${alias}.id`)}`,
  key: sql`${`${table}:`}::text || ${sql.ref(`${alias}.id`)}`,
});

/** R24 [I S49]: homeless flag and nighttime residence must agree ("McKinney-Vento/Homeless Mismatch"). */
const homeless: SqlRule = {
  id: 'PP-024',
  perStudent: true,
  select: (ctx) => sql`SELECT ${candidate('PP-024', {
    ...person('p', 'program_participation'),
    message: sql`CASE WHEN p.homeless IS TRUE THEN 'Homeless without a nighttime residence'
      ELSE 'Nighttime residence ' || p.homeless_nighttime_residence || ' without the homeless flag' END`,
  })}
  FROM program_participation p JOIN student s ON s.id = p.student_id
  WHERE p.school_year = ${ctx.year}::int AND ${inScope(ctx, 'p.district_number', 'p.student_id')}
    AND (p.homeless IS TRUE) = (${blankSql('p.homeless_nighttime_residence')})`,
};

/**
 * R26 [V S40]: the evaluated date is not in the future, and a later gifted record's identified date falls
 * after the earlier record's evaluated date (records follow the student, so all districts and years count).
 */
const gifted: SqlRule = {
  id: 'PP-026',
  perStudent: true,
  select: (ctx) => sql`
    SELECT ${candidate('PP-026', {
      ...person('p', 'program_participation'),
      key: sql`'program_participation:' || p.id || ':future'`,
      message: sql`'Gifted evaluated date ' || ${isoText('p.gifted_evaluated_date')} || ' is in the future'`,
    })}
    FROM program_participation p JOIN student s ON s.id = p.student_id
    WHERE p.school_year = ${ctx.year}::int AND ${inScope(ctx, 'p.district_number', 'p.student_id')}
      AND p.gifted_evaluated_date > ${ctx.dates.today}::date
    UNION ALL
    SELECT * FROM (SELECT DISTINCT ON (p.id) ${candidate('PP-026', {
      ...person('p', 'program_participation'),
      otherDistrict: sql`CASE WHEN q.district_number <> p.district_number THEN q.district_number END`,
      key: sql`'program_participation:' || p.id || ':order'`,
      message: sql`'Gifted identified date ' || ${isoText('p.gifted_identified_date')} || ' is not after the earlier record''s evaluated date '
        || ${isoText('q.gifted_evaluated_date')}`,
    })}
    FROM program_participation p JOIN student s ON s.id = p.student_id
    JOIN program_participation q ON q.student_id = p.student_id AND q.school_year <= p.school_year
      AND q.gifted_evaluated_date < p.gifted_evaluated_date AND p.gifted_identified_date <= q.gifted_evaluated_date
    WHERE p.school_year = ${ctx.year}::int AND ${inStudents(ctx, 'p.student_id')}
    ORDER BY p.id, q.gifted_evaluated_date DESC) o`,
};

function cteRow(
  id: string,
  where: (ctx: RuleContext) => RawBuilder<unknown>,
  message: RawBuilder<unknown>,
): SqlRule {
  return {
    id,
    perStudent: true,
    select: (ctx) => sql`SELECT ${candidate(id, { ...person('c', 'cte_pathway_participation'), message })}
      FROM cte_pathway_participation c JOIN student s ON s.id = c.student_id
      WHERE c.school_year = ${ctx.year}::int AND ${inScope(ctx, 'c.district_number', 'c.student_id')} AND ${where(ctx)}`,
  };
}

/** R27 [V S34]: 2.0 or more pathway credits make a concentrator (a warning, as at upload). */
const concentrator = cteRow(
  'CTE-027',
  (ctx) => sql`c.pathway_credits >= ${numberParam(ctx, 'concentratorCredits')} AND NOT c.cte_concentrator`,
  sql`'Pathway ' || c.cte_pathway || ': ' || c.pathway_credits || ' credits but CTE Concentrator is not Y'`,
);

/** R27 [V S34]: total pathway credits = district + transfer credits. */
const credits = cteRow(
  'CTE-027A',
  () => sql`c.pathway_credits <> c.district_credits + c.transfer_credits`,
  sql`'Pathway ' || c.cte_pathway || ': pathway credits ' || c.pathway_credits || ' are not district ' || c.district_credits
    || ' + transfer ' || c.transfer_credits`,
);

/** R27 [V S34]: one record per pathway per student: the same pathway from two districts in a year. */
const duplicatePathway: SqlRule = {
  id: 'CTE-027B',
  perStudent: true,
  select: (ctx) => sql`SELECT ${candidate('CTE-027B', {
    ...person('b', 'cte_pathway_participation'),
    otherDistrict: sql`a.district_number`,
    key: sql`'cte_pathway_participation:' || a.id || '/' || b.id`,
    message: sql`'Pathway ' || b.cte_pathway || ' is also reported by district ' || a.district_number || ' (start ' || ${isoText('a.start_date')} || ')'`,
  })}
  FROM cte_pathway_participation a JOIN cte_pathway_participation b ON b.student_id = a.student_id
    AND b.school_year = a.school_year AND b.cte_pathway = a.cte_pathway AND b.district_number <> a.district_number
    AND (a.start_date, a.id) < (b.start_date, b.id)
  JOIN student s ON s.id = b.student_id
  WHERE b.school_year = ${ctx.year}::int AND ${inStudents(ctx, 'b.student_id')}`,
};

/** R28 [V S35]: Date Contacted within Oct 1 – Dec 31 of the school year, on/after the exit date, not in the future. */
const cteContact: SqlRule = {
  id: 'CTE-028',
  perStudent: true,
  select: (ctx) => {
    const [from, to] = [`${ctx.year - 1}-10-01`, `${ctx.year - 1}-12-31`];
    return sql`SELECT ${candidate('CTE-028', {
      ...person('f', 'cte_follow_up'),
      message: sql`'Date contacted ' || ${isoText('f.date_contacted')} || CASE
        WHEN f.date_contacted NOT BETWEEN ${from}::date AND ${to}::date THEN ${` is outside ${from} – ${to}`}::text
        WHEN f.date_contacted < e.end_date THEN ' is before the exit date ' || ${isoText('e.end_date')}
        ELSE ' is in the future' END`,
    })}
    FROM cte_follow_up f JOIN student s ON s.id = f.student_id LEFT JOIN enrollment e ON e.id = f.enrollment_id
    WHERE f.school_year = ${ctx.year}::int AND ${inScope(ctx, 'f.district_number', 'f.student_id')} AND f.date_contacted IS NOT NULL
      AND (f.date_contacted NOT BETWEEN ${from}::date AND ${to}::date OR f.date_contacted < e.end_date
           OR f.date_contacted > ${ctx.dates.today}::date)`;
  },
};

/** R29 [V S41]: an active EL or 504 record (any district) must cover the accommodation's dates. */
const accommodationProgram: SqlRule = {
  id: 'TA-029',
  perStudent: true,
  select: (ctx) => sql`SELECT ${candidate('TA-029', {
    ...person('t', 'test_accommodation'),
    message: sql`'No English learner or Section 504 record covers the ' || t.state_assessment || ' accommodations '
      || ${isoText('t.start_date')} || '–' || coalesce(${isoText('t.end_date')}, 'open')`,
  })}
  FROM test_accommodation t JOIN student s ON s.id = t.student_id
  WHERE t.school_year = ${ctx.year}::int AND ${inScope(ctx, 't.district_number', 't.student_id')}
    AND NOT EXISTS (SELECT 1 FROM english_learner l WHERE l.student_id = t.student_id AND l.el_status = 'EL'
      AND l.identified_date <= coalesce(t.end_date, 'infinity'::date) AND coalesce(l.exit_date, 'infinity'::date) >= t.start_date)
    AND NOT EXISTS (SELECT 1 FROM section_504 f WHERE f.student_id = t.student_id
      AND f.start_date <= coalesce(t.end_date, 'infinity'::date) AND coalesce(f.end_date, 'infinity'::date) >= t.start_date)`,
};

/** R37 [V S54]: classroom/home-based early literacy needs age 4 by Sept 10, Jumpstart age 5. */
const earlyLiteracyAge = rowRule('LIT-037', [], (ctx) => {
  const p = ctx.params;
  const cutoff = ctx.dates.ageCutoff;
  const minAge = sql`CASE WHEN e.early_literacy_program = ${String(p.jumpstartCode)} THEN ${numberParam(ctx, 'jumpstartMinimumAge')}::int
    ELSE ${numberParam(ctx, 'minimumAge')}::int END`;
  return [
    {
      when: sql`e.early_literacy_program IN (${String(p.classroomCode)}, ${String(p.homeCode)}, ${String(p.jumpstartCode)})
        AND s.birth_date > (${cutoff}::date - make_interval(years => ${minAge}))::date`,
      select: candidate('LIT-037', {
        ...person('e', 'enrollment'),
        message: sql`'Early-literacy program ' || e.early_literacy_program || ' needs age ' || ${minAge} || ' by ' || ${cutoff}::text
          || '; born ' || ${isoText('s.birth_date')}`,
      }),
    },
  ];
});

/** Program, CTE, accommodation and early-literacy rules. */
export const PROGRAM_RULES: readonly SqlRule[] = [
  homeless,
  gifted,
  concentrator,
  credits,
  duplicatePathway,
  cteContact,
  accommodationProgram,
  earlyLiteracyAge,
];
