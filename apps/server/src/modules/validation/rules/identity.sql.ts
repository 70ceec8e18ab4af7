/**
 * Identity rules over the live tables: R01 missing state ID, R02 possible duplicate persons (cross-district)
 * and R23 incomplete demographics (montana-aim.md §6.4, §1.3, §2.1, §9.2).
 */
import { sql, type RawBuilder } from 'kysely';
import {
  candidate,
  inScope,
  isoText,
  listParam,
  SCOPE_STUDENTS,
  studentOf,
  type RuleContext,
  type SqlRule,
} from './context.ts';
import { enrollmentFinding, rowRule } from './enrollment-rows.ts';

/** R01 [V S32]: an enrollment whose student has no valid 9-digit state ID (placeholders count as none). */
const missingStateId = rowRule('ID-001', [], (ctx) => [
  {
    when: sql`(s.state_id !~ '^[0-9]{9}$' OR s.state_id = ANY(${listParam(ctx, 'placeholderIds')}::text[]))`,
    select: enrollmentFinding(
      'ID-001',
      sql`'Enrollment at school ' || e.school_number || ' belongs to a student without a valid state ID (' || s.state_id || ')'`,
    ),
  },
]);

/** First names equal or one typo apart: a dropped last letter or two letters swapped (decision 0024). */
const similarFirst = (a: string, b: string) => {
  const [x, y] = [sql.ref(a), sql.ref(b)];
  const sorted = (v: RawBuilder<unknown>) =>
    sql`(SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(${v}, '') c)`;
  return sql`(${x} = ${y} OR (left(${x}, 1) = left(${y}, 1) AND (${x} = left(${y}, -1) OR ${y} = left(${x}, -1)
    OR (length(${x}) = length(${y}) AND ${sorted(x)} = ${sorted(y)}))))`;
};

/** The pair columns both variants yield: a is the lower id, as the finding key and message expect. */
const pairColumns = sql`a.student_id AS a_id, b.student_id AS b_id, a.birth_date, a.first_key = b.first_key AS same_first`;
const sameBlock = sql`b.birth_date = a.birth_date AND b.last_key = a.last_key AND b.gender = a.gender AND b.student_id > a.student_id`;

/** Statewide: one hash self-join of the stored keys (migration 0013). */
const allPairs = sql`SELECT ${pairColumns} FROM student_name_key a JOIN student_name_key b ON ${sameBlock}
  WHERE a.birth_date IS NOT NULL AND ${similarFirst('a.first_key', 'b.first_key')}`;

/**
 * A district or a set of students: each scope student's key row (by primary key) probes the blocking index
 * once for its possible duplicates on either side; the pair is ordered afterwards (a the lower id), since the
 * blocking key and the first-name test are symmetric. Lateral subqueries fenced with OFFSET 0 force those
 * probes: joined plainly, the planner hashes every key of the state.
 */
function scopedPairs(): RawBuilder<unknown> {
  const scope = sql.table(SCOPE_STUDENTS);
  const pairs = sql`SELECT least(k.student_id, x.student_id) AS a_id, greatest(k.student_id, x.student_id) AS b_id,
      k.birth_date, k.first_key = x.first_key AS same_first
    FROM ${scope} v
    CROSS JOIN LATERAL (SELECT * FROM student_name_key k0 WHERE k0.student_id = v.student_id AND k0.birth_date IS NOT NULL OFFSET 0) k
    CROSS JOIN LATERAL (SELECT * FROM student_name_key x0 WHERE x0.birth_date = k.birth_date AND x0.last_key = k.last_key
      AND x0.gender = k.gender AND x0.student_id <> k.student_id OFFSET 0) x
    WHERE ${similarFirst('k.first_key', 'x.first_key')}`;
  // DISTINCT drops pairs found from both sides (both students in the scope).
  return sql`SELECT DISTINCT ON (a_id, b_id) * FROM (${pairs}) q`;
}

/**
 * A student's home district: the latest enrollment of the year, else the latest district that knew them. Probed
 * per side of each pair (a few hundred) rather than kept in a CTE read twice, which would keep a statewide
 * evaluation off parallel workers (decision 0084).
 */
function home(ctx: RuleContext, id: string): RawBuilder<unknown> {
  const student = sql.ref(id);
  return sql`coalesce(
    (SELECT e.district_number FROM enrollment e WHERE e.student_id = ${student} AND e.school_year = ${ctx.year}::int ORDER BY e.start_date DESC LIMIT 1),
    (SELECT sd.district_number FROM student_district sd WHERE sd.student_id = ${student}
     ORDER BY sd.last_seen_year DESC NULLS LAST, sd.district_number LIMIT 1))`;
}

/**
 * R02 [V S13] "Duplicate IDs": two state IDs with the same birth date, gender and normalised last name whose
 * first names are equal or one typo apart (accents, a dropped last letter, two letters swapped). The spec
 * gives no thresholds (§9.2 GAP); decision 0024. The newer identity's district owns the finding.
 */
const possibleDuplicate: SqlRule = {
  id: 'ID-002',
  perStudent: true,
  select: (ctx) => sql`
    SELECT ${candidate('ID-002', {
      district: sql`coalesce(hb.district, ha.district)`,
      otherDistrict: sql`CASE WHEN hb.district IS NOT NULL AND ha.district <> hb.district THEN ha.district END`,
      student: sql`p.b_id`,
      otherStudent: sql`p.a_id`,
      stateId: sql`sb.state_id`,
      table: 'student',
      recordId: sql`p.b_id`,
      key: sql`'student:' || p.a_id || '/' || p.b_id`,
      message: sql`'Possible duplicate of state ID ' || sa.state_id || ': same birth date ' || ${isoText('p.birth_date')}
        || ', gender and last name; first name ' || CASE WHEN p.same_first THEN 'the same' ELSE 'one typo apart' END`,
    })}
    -- OFFSET 0: the pairs are found first, so the home probes below run per pair, not per candidate of the join.
    FROM (SELECT * FROM (${ctx.scope.kind === 'state' ? allPairs : scopedPairs()}) q OFFSET 0) p
    CROSS JOIN LATERAL (SELECT ${home(ctx, 'p.a_id')} AS district) ha
    CROSS JOIN LATERAL (SELECT ${home(ctx, 'p.b_id')} AS district) hb
    -- Primary-key probes for the pairs' state IDs: a plain join would hash every identity of the state.
    CROSS JOIN LATERAL (SELECT state_id FROM student WHERE id = p.a_id OFFSET 0) sa
    CROSS JOIN LATERAL (SELECT state_id FROM student WHERE id = p.b_id OFFSET 0) sb
    WHERE coalesce(hb.district, ha.district) IS NOT NULL`,
};

/**
 * R23 [I S49]: an enrolled student's identity lacks birth date, gender or federal ethnicity, or repeats a
 * race code. One finding per student and enrolling district; the address is not collected.
 */
const incompleteDemographics: SqlRule = {
  id: 'DEM-023',
  perStudent: true,
  select: (ctx) => sql`SELECT DISTINCT ON (s.id, e.district_number) ${candidate('DEM-023', {
    district: sql`e.district_number`,
    student: sql`s.id`,
    stateId: sql`s.state_id`,
    table: 'student',
    recordId: sql`s.id`,
    key: sql`'student:' || s.id || '@' || e.district_number`,
    message: sql`'Demographics incomplete:' || concat_ws(',', CASE WHEN s.birth_date IS NULL THEN ' no birth date' END,
      CASE WHEN s.gender IS NULL THEN ' no gender' END, CASE WHEN s.hispanic IS NULL THEN ' no Hispanic/Latino answer' END,
      CASE WHEN s.race_codes IS NULL THEN ' no race' WHEN (',' || replace(s.race_codes, ' ', '') || ',') ~ ',([^,]+),(.*,)?\\1,' THEN ' race code repeated' END)`,
  })}
  FROM enrollment e ${studentOf(ctx, 'e')}
  WHERE e.school_year = ${ctx.year}::int AND ${inScope(ctx, 'e.district_number', 'e.student_id')}
    AND (s.birth_date IS NULL OR s.gender IS NULL OR s.hispanic IS NULL OR s.race_codes IS NULL
         -- Only a list of two or more codes can repeat one: the comma test spares the regex for nearly every identity.
         OR (s.race_codes LIKE '%,%' AND (',' || replace(s.race_codes, ' ', '') || ',') ~ ',([^,]+),(.*,)?\\1,'))
  ORDER BY s.id, e.district_number`,
};

/** Identity rules. */
export const IDENTITY_RULES: readonly SqlRule[] = [missingStateId, possibleDuplicate, incompleteDemographics];
