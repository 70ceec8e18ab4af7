/**
 * Identity rules over the live tables: R01 missing state ID, R02 possible duplicate persons (cross-district)
 * and R23 incomplete demographics (montana-aim.md §6.4, §1.3, §2.1, §9.2).
 */
import { sql, type RawBuilder } from 'kysely';
import { candidate, inScope, inStudents, isoText, listParam, type SqlRule } from './context.ts';

/**
 * A name key like br_norm_name (case, Latin accents, spaces and punctuation) from one translate() call: the
 * regular expression of br_norm_name costs too much over every identity of the state.
 */
function nameKey(column: string): RawBuilder<unknown> {
  const c = sql.ref(column);
  // Most names are plain ASCII letters: lower() alone; translate() over multibyte text is the slow path.
  return sql`CASE WHEN ${c} ~ '^[A-Za-z]*$' THEN lower(${c}) ELSE translate(lower(${c}), ${ACCENTED + " -'.,"}, ${PLAIN}) END`;
}
const ACCENTED = 'áàâäãåāăąçćčďđéèêëēėęěễếềểệíìîïīįıñńňóòôöõøōőơồốổỗộờớởỡợúùûüūůűųưừứửữựýÿžźżšśşťţ';
const PLAIN = 'aaaaaaaaacccddeeeeeeeeeeeeeiiiiiiinnnooooooooooooooooooouuuuuuuuuuuuuuyyzzzssstt';

/** R01 [V S32]: an enrollment whose student has no valid 9-digit state ID (placeholders count as none). */
const missingStateId: SqlRule = {
  id: 'ID-001',
  perStudent: true,
  select: (ctx) => sql`SELECT ${candidate('ID-001', {
    district: sql`e.district_number`,
    student: sql`e.student_id`,
    stateId: sql`s.state_id`,
    table: 'enrollment',
    recordId: sql`e.id`,
    key: sql`'enrollment:' || e.id`,
    message: sql`'Enrollment at school ' || e.school_number || ' belongs to a student without a valid state ID (' || s.state_id || ')'`,
  })}
  FROM enrollment e JOIN student s ON s.id = e.student_id
  WHERE e.school_year = ${ctx.year}::int AND ${inScope(ctx, 'e.district_number', 'e.student_id')}
    AND (s.state_id !~ '^[0-9]{9}$' OR s.state_id = ANY(${listParam(ctx, 'placeholderIds')}::text[]))`,
};

/**
 * R02 [V S13] "Duplicate IDs": two state IDs with the same birth date, gender and normalised last name whose
 * first names are equal or one typo apart (accents, a dropped last letter, two letters swapped). The spec
 * gives no thresholds (§9.2 GAP); decision 0024. The newer identity's district owns the finding.
 */
const possibleDuplicate: SqlRule = {
  id: 'ID-002',
  perStudent: true,
  select: (ctx) => {
    const scoped = ctx.scope.kind === 'state';
    // Scoped runs only need the birth dates of their own students: the keyed set stays small.
    const dates = scoped
      ? sql`TRUE`
      : sql`s.birth_date IN (SELECT x.birth_date FROM student x WHERE ${inStudents(ctx, 'x.id')})`;
    return sql`
    WITH keyed AS MATERIALIZED (
      SELECT s.id, s.state_id, s.birth_date, coalesce(s.gender, '') AS g, ${nameKey('s.last_name')} AS lk, ${nameKey('s.first_name')} AS fk
      FROM student s WHERE s.birth_date IS NOT NULL AND ${dates}),
    pairs AS (
      SELECT a.id AS a_id, a.state_id AS a_state, b.id AS b_id, b.state_id AS b_state, a.birth_date, a.fk = b.fk AS same_first
      FROM keyed a JOIN keyed b ON b.birth_date = a.birth_date AND b.g = a.g AND b.lk = a.lk AND b.id > a.id
      WHERE (a.fk = b.fk OR (left(a.fk, 1) = left(b.fk, 1) AND (
              a.fk = left(b.fk, -1) OR b.fk = left(a.fk, -1)
              OR (length(a.fk) = length(b.fk) AND (SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(a.fk, '') c)
                                               = (SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(b.fk, '') c)))))
        AND (${inStudents(ctx, 'a.id')} OR ${inStudents(ctx, 'b.id')})),
    home AS (
      SELECT p.id, coalesce(
        (SELECT e.district_number FROM enrollment e WHERE e.student_id = p.id AND e.school_year = ${ctx.year}::int ORDER BY e.start_date DESC LIMIT 1),
        (SELECT sd.district_number FROM student_district sd WHERE sd.student_id = p.id
         ORDER BY sd.last_seen_year DESC NULLS LAST, sd.district_number LIMIT 1)) AS district
      FROM (SELECT a_id AS id FROM pairs UNION SELECT b_id FROM pairs) p)
    SELECT ${candidate('ID-002', {
      district: sql`coalesce(hb.district, ha.district)`,
      otherDistrict: sql`CASE WHEN hb.district IS NOT NULL AND ha.district <> hb.district THEN ha.district END`,
      student: sql`p.b_id`,
      otherStudent: sql`p.a_id`,
      stateId: sql`p.b_state`,
      table: 'student',
      recordId: sql`p.b_id`,
      key: sql`'student:' || p.a_id || '/' || p.b_id`,
      message: sql`'Possible duplicate of state ID ' || p.a_state || ': same birth date ' || ${isoText('p.birth_date')}
        || ', gender and last name; first name ' || CASE WHEN p.same_first THEN 'the same' ELSE 'one typo apart' END`,
    })}
    FROM pairs p JOIN home ha ON ha.id = p.a_id JOIN home hb ON hb.id = p.b_id
    WHERE coalesce(hb.district, ha.district) IS NOT NULL`;
  },
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
  FROM enrollment e JOIN student s ON s.id = e.student_id
  WHERE e.school_year = ${ctx.year}::int AND ${inScope(ctx, 'e.district_number', 'e.student_id')}
    AND (s.birth_date IS NULL OR s.gender IS NULL OR s.hispanic IS NULL OR s.race_codes IS NULL
         OR (',' || replace(s.race_codes, ' ', '') || ',') ~ ',([^,]+),(.*,)?\\1,')
  ORDER BY s.id, e.district_number`,
};

/** Identity rules. */
export const IDENTITY_RULES: readonly SqlRule[] = [missingStateId, possibleDuplicate, incompleteDemographics];
