/**
 * Enrollment uploads, set-based (montana-aim.md §2.2, §4.3): every staged row is resolved ONCE, by hash
 * joins, to its student (state ID), school (of the district) and calendar (of the year), with its values
 * typed from the staging's typed columns (`en_resolved`). The record checks test those resolved columns
 * and the commit merges from the same table: insert or update by the template key; unchanged rows are not
 * rewritten, so a re-upload changes nothing.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Column, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { typedValue } from '../../db/staged-values.ts';
import {
  batchOf,
  countOf,
  countPerFile,
  districtOf,
  fileColumn,
  joinFile,
  sameFile,
  type StageFiles,
} from '../../db/stage-files.ts';

/** Counts of what an Enrollment commit did. */
export type EnrollmentOutcome = { inserted: number; updated: number; unchanged: number };

/**
 * Enrollment-level fields of the Enrollment template beyond the span itself (montana-aim.md §2.2, §2.10,
 * §2.11): stored as sent, typed by the template column.
 */
export const ENROLLMENT_DETAIL_COLUMNS = [
  'sort_by',
  'diploma_date',
  'diploma_type',
  'diploma_period',
  'drop_out_reason',
  'date_first_entered_9th_grade',
  'military_connection_status',
  'extracurricular_only',
  'esa_participant',
  'early_literacy_program',
  'age_19_20_eligible',
  'cclc_21st_participant',
  'immigrant_us_school_entry_date',
  'sped_exit_date',
  'sped_exit_reason',
] as const;

/** A staged column as its typed value: dates and flags come typed from the staging (upload-staging.ts). */
function stagedTyped(c: Column): string {
  return c.type === 'date' || c.type === 'flag' ? `s.v_${c.key}` : typedValue(c);
}

function detailsOf(template: Template): Column[] {
  return template.columns.filter((c) => (ENROLLMENT_DETAIL_COLUMNS as readonly string[]).includes(c.key));
}

/** The enrollment columns an upload writes beyond the key (student, calendar, grade, start date). */
function valueColumns(template: Template): string[] {
  return [
    'start_status',
    'end_date',
    'end_status',
    'service_type',
    'no_show',
    ...detailsOf(template).map((c) => c.key),
  ];
}

/** Resolved files at least this large get planner statistics (the lock and merge joins then hash). */
const ANALYZE_FROM_ROWS = 1000;

/**
 * Builds `en_resolved` (dropped at commit): per staged line the student id (NULL when the state ID is
 * missing or unknown), the school when it is one of the district's (NULL otherwise), the calendar id when
 * that school has the calendar in the year, whether an enrollment with the key is already stored (probed
 * once here, not again by the merge), and the typed values the commit writes.
 */
export async function resolveEnrollments(
  db: Executor,
  template: Template,
  files: StageFiles,
  schoolYear: number,
  rows: number,
): Promise<void> {
  const details = detailsOf(template)
    .map((c) => `, ${stagedTyped(c)} AS ${c.key}`)
    .join('');
  await sql`CREATE TEMP TABLE en_resolved ON COMMIT DROP AS
    SELECT ${fileColumn(files, 's')}s.line, x.id AS student_id, sc.school_number, c.id AS calendar_id, k.existing,
           btrim(s.grade_level) AS grade_level, s.v_start_date AS start_date, btrim(s.start_status) AS start_status,
           s.v_end_date AS end_date, nullif(btrim(s.end_status), '') AS end_status,
           coalesce(nullif(btrim(s.service_type), ''), 'P') AS service_type, coalesce(s.v_no_show, false) AS no_show
           ${sql.raw(details)}
    FROM stage_upload s${joinFile(files, 's')}
    LEFT JOIN student x ON x.state_id = s.sid
    LEFT JOIN school sc ON sc.school_number = btrim(s.school_number) AND sc.district_number = ${districtOf(files)}
    LEFT JOIN calendar c ON c.school_number = sc.school_number AND c.school_year = ${schoolYear}::int
      AND c.calendar_number = btrim(s.calendar_number)
    CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = x.id AND e.calendar_id = c.id
      AND e.grade_level = btrim(s.grade_level) AND e.start_date = s.v_start_date) AS existing) k`.execute(db);
  if (rows >= ANALYZE_FROM_ROWS) await sql`ANALYZE en_resolved (student_id)`.execute(db);
}

/** What the record checks of an Enrollment upload read: the staged row `s` and its resolution `r`. */
export function enrollmentCheckSource(files: StageFiles): RawBuilder<unknown> {
  return sql`stage_upload s JOIN en_resolved r ON r.line = s.line${sameFile(files, 'r', 's')}`;
}

/**
 * Takes the locks the foreign-key triggers of `enrollment` would take row by row, in one statement: KEY
 * SHARE on every student, calendar, school, district and school year the rows name, so none can be
 * deleted (or its key changed) until this transaction ends. Fails when one vanished since it was resolved.
 */
async function lockReferences(db: Executor, files: StageFiles, schoolYear: number): Promise<void> {
  const districts =
    files === 'wave' ? sql`IN (SELECT district FROM upload_file)` : sql`= ${files.district}::text`;
  const expected = files === 'wave' ? sql`(SELECT count(DISTINCT district) FROM upload_file)` : sql`1`;
  const r = await sql<{ missing: boolean }>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM student WHERE id IN (SELECT student_id FROM en_resolved) FOR KEY SHARE) a)
             <> (SELECT count(DISTINCT student_id) FROM en_resolved)
        OR (SELECT count(*) FROM (SELECT 1 FROM calendar WHERE id IN (SELECT calendar_id FROM en_resolved) FOR KEY SHARE) b)
             <> (SELECT count(DISTINCT calendar_id) FROM en_resolved)
        OR (SELECT count(*) FROM (SELECT 1 FROM school WHERE school_number IN (SELECT school_number FROM en_resolved) FOR KEY SHARE) c)
             <> (SELECT count(DISTINCT school_number) FROM en_resolved)
        OR (SELECT count(*) FROM (SELECT 1 FROM district WHERE district_number ${districts} FOR KEY SHARE) d) <> ${expected}
        OR (SELECT count(*) FROM (SELECT 1 FROM school_year WHERE end_year = ${schoolYear}::int FOR KEY SHARE) e) <> 1 AS missing`.execute(
    db,
  );
  if (r.rows[0]!.missing)
    throw new Error('a student, school or calendar of this file was removed while it was being committed');
}

/**
 * Merges the resolved Enrollment rows for a district and year, by the template key (§4.3). With
 * `withoutKeyTriggers` (decision 0063) the new rows are inserted with the per-row foreign-key triggers
 * off: every reference was resolved by join and is locked first, which is what those triggers check. In a
 * wave (decision 0082) the rows of every committing file merge at once, each into its own district and
 * batch; the counts are per file (`rows` is each file's staged row count).
 */
export async function commitEnrollments(
  db: Executor,
  template: Template,
  files: StageFiles,
  scope: { schoolYear: number; rows: ReadonlyMap<number, number>; withoutKeyTriggers: boolean },
): Promise<Map<number, EnrollmentOutcome>> {
  const cols = valueColumns(template);
  const key = `e.student_id = r.student_id AND e.calendar_id = r.calendar_id AND e.grade_level = r.grade_level AND e.start_date = r.start_date`;
  const updated = await countPerFile(
    db,
    files,
    sql`
    UPDATE enrollment e SET ${sql.raw(cols.map((c) => `${c} = r.${c}`).join(', '))}, batch_id = ${batchOf(files, 'r')}
    FROM en_resolved r
    WHERE r.existing AND ${sql.raw(key)}
      AND (${sql.raw(cols.map((c) => `e.${c}`).join(', '))}) IS DISTINCT FROM (${sql.raw(cols.map((c) => `r.${c}`).join(', '))})`,
    sql`e.batch_id`,
  );
  if (scope.withoutKeyTriggers) {
    await lockReferences(db, files, scope.schoolYear);
    await sql`SELECT set_config('session_replication_role', 'replica', true)`.execute(db);
  }
  const inserted = await countPerFile(
    db,
    files,
    sql`
    INSERT INTO enrollment (student_id, district_number, school_number, calendar_id, school_year, grade_level, start_date,
                            ${sql.raw(cols.join(', '))}, batch_id)
    SELECT r.student_id, ${districtOf(files)}, r.school_number, r.calendar_id, ${scope.schoolYear}::int, r.grade_level, r.start_date,
           ${sql.raw(cols.map((c) => `r.${c}`).join(', '))}, ${batchOf(files, 'r')}
    FROM en_resolved r${joinFile(files, 'r')}
    WHERE NOT r.existing AND r.student_id IS NOT NULL AND r.calendar_id IS NOT NULL
    -- In the order of the student index: its pages are then touched once each, not at random.
    ORDER BY r.student_id, r.start_date`,
    sql`batch_id`,
  );
  if (scope.withoutKeyTriggers)
    await sql`SELECT set_config('session_replication_role', 'origin', true)`.execute(db);
  // Only a file without fatal findings commits, so every staged row resolved: the rest are unchanged.
  return new Map(
    [...scope.rows].map(([batchId, rows]) => {
      const u = countOf(updated, batchId);
      const i = countOf(inserted, batchId);
      return [batchId, { inserted: i, updated: u, unchanged: rows - u - i }];
    }),
  );
}

/**
 * True when this database lets an upload switch the foreign-key triggers off for one statement
 * (superuser, or SET granted on `session_replication_role`) and `enrollment` has no triggers of its own
 * that replica mode would silence too.
 */
export async function keyTriggersCanBeSkipped(db: Executor): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    SELECT (current_setting('is_superuser') = 'on' OR has_parameter_privilege('session_replication_role', 'SET'))
      AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'enrollment'::regclass AND NOT tgisinternal) AS ok`.execute(
    db,
  );
  return r.rows[0]!.ok;
}
