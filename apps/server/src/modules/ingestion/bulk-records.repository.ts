/**
 * Writes of the conversion load for the record types beyond identity and enrollment (programs, EL, FRAM, 504,
 * counts, attendance, CTE, behavior): every district's file of a template COPYed as text into one staging table,
 * then one statement finds each row's parent statewide and inserts the typed rows, the way the upload commit
 * does for one district (record-parents.repository.ts, record-merge.repository.ts). Never a query per row.
 */
import { sql } from 'kysely';
import type { Column, Template } from '@bitterroot/contracts';
import { copyInto, copyTextChunks, type CopyBatch, type Executor } from '../../db/database.ts';
import { typedValue } from '../../db/staged-values.ts';
import { identityColumns, parentColumns, type RecordStore } from '../student-records/record-stores.ts';

/** The staging table of one template's rows, all text (dropped at commit). */
const STAGE = 'bulk_record';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const id = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
};

/** The parent kinds the conversion load resolves statewide (the student record types). */
export const BULK_PARENTS: ReadonlySet<RecordStore['parent']> = new Set(['enrollment', 'student']);

/** COPYs a template's rows (cells in template column order, a line number first) into the staging table. */
export async function stageRecords(
  trx: Executor,
  template: Template,
  rows: AsyncIterable<CopyBatch>,
): Promise<number> {
  const keys = template.columns.map((c) => id(c.key));
  await sql
    .raw(
      `CREATE TEMP TABLE ${STAGE} (line bigint, ${keys.map((k) => `${k} text`).join(', ')}) ON COMMIT DROP`,
    )
    .execute(trx);
  const n = await copyInto(trx, STAGE, ['line', ...keys], copyTextChunks(rows), 'text');
  await sql.raw(`ANALYZE ${STAGE}`).execute(trx);
  return n;
}

// The row's student: by its state ID as the upload types it (well-formed digits, leading zeros restored), else,
// for students new this year whose files carry no state ID yet, by the district's local ID, as the conversion
// load of Enrollment matches them (bulk-rows.ts).
const STUDENTS = `SELECT s.line, coalesce(x.id, sd.student_id) AS student_id FROM ${STAGE} s
  LEFT JOIN student x
    ON x.state_id = CASE WHEN btrim(s.student_state_id) ~ '^[0-9]{1,9}$' THEN lpad(btrim(s.student_state_id), 9, '0') END
  LEFT JOIN student_district sd ON x.id IS NULL AND sd.district_number = btrim(s.district_number)
    AND sd.local_id = btrim(s.student_local_id)`;

/**
 * Each staged row's parent statewide, as the upload finds it in one district (montana-aim.md §4.3): an
 * enrollment of the student in the row's district, school and calendar of the year (by its start date when the
 * template names one, else the most recent primary first); or the student enrolled in the district that year.
 */
function parentSelect(store: RecordStore, year: number): string {
  if (store.parent === 'student')
    return `SELECT k.line, k.student_id FROM (${STUDENTS}) k JOIN ${STAGE} s ON s.line = k.line
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = k.student_id
        AND e.district_number = btrim(s.district_number) AND e.school_year = ${year})`;
  const selector = store.enrollmentSelector
    ? `AND (br_to_date(s.${id(store.enrollmentSelector)}) IS NULL OR e.start_date = br_to_date(s.${id(store.enrollmentSelector)}))`
    : '';
  return `SELECT DISTINCT ON (s.line) s.line, e.id AS enrollment_id, e.student_id
    FROM (${STUDENTS}) k JOIN ${STAGE} s ON s.line = k.line
    JOIN calendar c ON c.school_number = btrim(s.school_number) AND c.school_year = ${year}
      AND c.calendar_number = btrim(s.calendar_number)
    JOIN enrollment e ON e.student_id = k.student_id AND e.calendar_id = c.id
      AND e.district_number = btrim(s.district_number) ${selector}
    ORDER BY s.line, (e.service_type = 'P') DESC, e.start_date DESC, e.id DESC`;
}

function columnOf(template: Template, key: string): Column {
  const c = template.columns.find((x) => x.key === key);
  if (!c) throw new Error(`template ${template.id} has no column ${key}`);
  return c;
}

/**
 * Inserts the staged rows of a store's template for a school year into its (empty for that year) table: one
 * typed row per stored key and district, the last line winning when a file repeats a key, as an upload keeps it.
 * Rows without a parent are left out (the upload would report them). Returns the rows inserted.
 */
export async function insertStagedRecords(
  trx: Executor,
  store: RecordStore,
  template: Template,
  year: number,
): Promise<number> {
  if (!Number.isInteger(year)) throw new Error(`bad school year ${year}`);
  const data = [...store.identity, ...store.data].filter((k, i, all) => all.indexOf(k) === i);
  const typed = data.map(
    (k) => `${typedValue(columnOf(template, k), { limit: store.truncate?.[k] })} AS ${id(k)}`,
  );
  const parents = parentColumns(store.parent).map((c) => `p.${id(c)}`);
  const cols = [...parentColumns(store.parent), ...data].map(id);
  const distinct = ['district_number', ...identityColumns(store)].map(id).join(', ');
  const r = await sql
    .raw(
      `INSERT INTO ${id(store.table)} (${cols.join(', ')}, district_number, school_year)
      SELECT ${cols.join(', ')}, district_number, ${year} FROM (
        SELECT DISTINCT ON (${distinct}) * FROM (
          SELECT p.line, ${[...parents, ...typed].join(', ')}, btrim(s.district_number) AS district_number
          FROM (${parentSelect(store, year)}) p JOIN ${STAGE} s ON s.line = p.line) q
        ORDER BY ${distinct}, line DESC) t`,
    )
    .execute(trx);
  await sql.raw(`DROP TABLE ${STAGE}`).execute(trx);
  return Number(r.numAffectedRows ?? 0);
}
