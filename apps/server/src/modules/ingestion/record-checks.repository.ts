/**
 * Row and cross-record checks that need the database or several columns: district scope (a district may
 * only send its own rows), school year, duplicate keys within the file, and the Student Demographic /
 * Enrollment rules (montana-aim.md §4.2 order, §4.3 layouts, §2.2 enrollment rules).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { runRowChecks, type RowCheck } from '../../db/row-checks.ts';
import { districtOf, fileColumn, rowKey, type StageFiles } from '../../db/stage-files.ts';
import { enrollmentCheckSource, resolveEnrollments } from './enrollment-commit.repository.ts';

const has = (template: Template, key: string) => template.columns.some((c) => c.key === key);

function commonChecks(template: Template, files: StageFiles, schoolYear: number): RowCheck[] {
  const district = districtOf(files);
  const checks: RowCheck[] = [
    {
      code: 'ROW-DISTRICT',
      column: 'district_number',
      severity: 'fatal',
      failing: sql`btrim(coalesce(s.district_number, '')) <> '' AND btrim(s.district_number) <> ${district}`,
      message: sql`'District number ' || btrim(s.district_number) || ' is not the district this upload is for (' || ${district}::text || ')'`,
      fix: 'Upload only your own district’s rows; each district sends its own file.',
    },
  ];
  if (has(template, 'school_year'))
    checks.push({
      code: 'ROW-YEAR',
      column: 'school_year',
      severity: 'fatal',
      failing: sql`btrim(coalesce(s.school_year, '')) ~ '^[0-9]{4}$' AND btrim(s.school_year)::int <> ${schoolYear}::int`,
      message: sql`'Year ' || btrim(s.school_year) || ' is not the school year being uploaded (' || ${schoolYear}::text || ')'`,
      fix: `Send rows for ${schoolYear} (the end year: ${schoolYear} means ${schoolYear - 1}-${String(schoolYear % 100).padStart(2, '0')}) or choose that year for the upload.`,
    });
  const keys = template.key.filter((k) => k !== 'record_type');
  const keyOf = sql.join(keys.map((k) => sql`btrim(coalesce(${sql.ref(k)}, ''))`));
  // Within a wave every key is the file's: the same key in two districts' files is no duplicate.
  const file = fileColumn(files);
  const filledKeys = sql.join(
    keys.map((k) => sql`btrim(coalesce(${sql.ref(k)}, '')) <> ''`),
    sql` AND `,
  );
  checks.push({
    code: 'ROW-DUPLICATE-KEY',
    column: null,
    severity: 'fatal',
    // Candidates are lines whose key hash (`khash`, computed while streaming) repeats: one aggregate over
    // integers. Only they are compared by their key text in a window (the earliest line keeps the key),
    // so a clean million-row file is never sorted and hash collisions cost nothing but a comparison.
    failing: sql`${rowKey(files, 's')} IN (SELECT ${file}line FROM (SELECT ${file}line, row_number() OVER (PARTITION BY ${file}${keyOf} ORDER BY line) AS n
      FROM stage_upload WHERE ${filledKeys} AND ${keyed(files, 'khash')} IN (
        SELECT ${file}khash FROM stage_upload WHERE khash IS NOT NULL GROUP BY ${file}khash HAVING count(*) > 1)) d WHERE d.n > 1)`,
    message: `The same ${keys.join(' + ')} appears on an earlier line`,
    fix: 'Keep one row per key; remove or merge the duplicate.',
  });
  return checks;
}

/** `column`, or `(batch_id, column)` in a wave. */
function keyed(files: StageFiles, column: string): RawBuilder<unknown> {
  return sql.raw(files === 'wave' ? `(batch_id, ${column})` : column);
}

function demographicChecks(files: StageFiles): RowCheck[] {
  const file = fileColumn(files);
  return [
    {
      code: 'SD-DUPLICATE-LOCAL-ID',
      column: 'student_local_id',
      severity: 'fatal',
      failing: sql`${rowKey(files, 's')} IN (SELECT ${file}line FROM (SELECT ${file}line, row_number() OVER (PARTITION BY ${file}btrim(student_local_id) ORDER BY line) AS n
        FROM stage_upload WHERE btrim(coalesce(student_local_id, '')) <> '') d WHERE d.n > 1)`,
      message: 'The same local ID appears on an earlier line',
      fix: 'Give each student one row; local IDs identify students within your district.',
    },
    {
      code: 'ID-UNKNOWN',
      column: 'student_state_id',
      severity: 'fatal',
      failing: sql`s.sid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM student x WHERE x.state_id = s.sid)`,
      message: 'This state ID was never issued by the state',
      fix: 'Correct the state ID, or leave it blank so the state matches the student or assigns a new ID.',
    },
  ];
}

/** Enrollment rules over the resolved rows `r` (enrollment-commit.repository.ts): no per-row lookups. */
function enrollmentChecks(files: StageFiles, schoolYear: number): RowCheck[] {
  const district = districtOf(files);
  return [
    {
      code: 'ENR-SCHOOL',
      column: 'school_number',
      severity: 'fatal',
      failing: sql`btrim(coalesce(s.school_number, '')) <> '' AND r.school_number IS NULL`,
      message: sql`'School ' || btrim(s.school_number) || ' is not a school of district ' || ${district}::text`,
      fix: 'Use a school number of your district (see the district page for the list).',
    },
    {
      code: 'ENR-CALENDAR',
      column: 'calendar_number',
      severity: 'fatal',
      failing: sql`btrim(coalesce(s.calendar_number, '')) <> '' AND r.school_number IS NOT NULL AND r.calendar_id IS NULL`,
      message: sql`'Calendar ' || btrim(s.calendar_number) || ' does not exist for school ' || btrim(s.school_number) || ' in ' || ${schoolYear}::text`,
      fix: 'Use one of the school’s calendars for this year, or have the calendar set up first.',
    },
    {
      code: 'ENR-DATES',
      column: 'end_date',
      severity: 'fatal',
      failing: sql`s.v_end_date < s.v_start_date`,
      message: 'End date is before start date',
      fix: 'Check both dates; an enrollment cannot end before it starts.',
    },
    {
      code: 'ENR-END-STATUS',
      column: 'end_status',
      severity: 'fatal',
      failing: sql`(btrim(coalesce(s.end_date, '')) = '') <> (btrim(coalesce(s.end_status, '')) = '')`,
      message: 'End date and end status go together',
      fix: 'Give both an end date and an end status, or neither for a continuing enrollment.',
    },
    {
      code: 'ENR-NO-STATE-ID',
      column: 'student_state_id',
      severity: 'fatal',
      failing: sql`r.student_id IS NULL`,
      message: sql`CASE WHEN btrim(coalesce(s.student_state_id, '')) = '' THEN 'The student has no state ID yet' ELSE 'State ID ' || btrim(s.student_state_id) || ' is not known to the state' END`,
      fix: 'Upload Student Demographic first: it assigns or validates the state ID; then upload Enrollment again.',
    },
  ];
}

/** Columns whose emptiness a record check reports with a more useful message than "required". */
export function columnsCoveredByRecordChecks(template: Template): Set<string> {
  return new Set(template.id === 'student-enrollment' ? ['student_state_id'] : []);
}

/** The checks that apply to a template (for one upload's rows, or a wave's: decision 0082). */
export function recordChecks(template: Template, files: StageFiles, schoolYear: number): RowCheck[] {
  const checks = commonChecks(template, files, schoolYear);
  if (template.id === 'student-demographics') checks.push(...demographicChecks(files));
  if (template.id === 'student-enrollment') checks.push(...enrollmentChecks(files, schoolYear));
  return checks;
}

/** Runs every record check over the staging table, writing findings; returns how many. */
export async function runRecordChecks(
  db: Executor,
  template: Template,
  files: StageFiles,
  schoolYear: number,
  firstSeq: number,
  rows: number,
  extra: readonly RowCheck[] = [],
): Promise<number> {
  // Enrollment rows are resolved once here; the checks and the commit both read the result.
  const enrollment = template.id === 'student-enrollment';
  if (enrollment) await resolveEnrollments(db, template, files, schoolYear, rows);
  return await runRowChecks(
    db,
    template,
    [...recordChecks(template, files, schoolYear), ...extra],
    files,
    firstSeq,
    enrollment ? enrollmentCheckSource(files) : undefined,
  );
}
