/**
 * Extracts: the stored rows of any upload template for one district and school year, as the cells of the
 * template's layout (montana-aim.md §4.1: dates MM/DD/YYYY, flags Y/N, empty for nothing). Set-based and
 * paged by key, so an 11,000-student district is a handful of queries on either database (PGlite cannot
 * stream a cursor). Re-uploading an extract changes nothing: every cell is what the upload would match on.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Column, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { matchYear } from './record-parents.repository.ts';
import { recordStoreOf, type RecordStore } from './record-stores.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const id = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
};

/** Which district and school year an extract covers. */
export type ExtractScope = { district: string; schoolYear: number };

/**
 * Where a template's rows come from: a base table read a page at a time by its scope index, then joined
 * to its parents by primary key. Aliases: `t` the row, `x` student, `sd` the student's link to the district
 * (local ID), `y` staff, `e` enrollment, `c` calendar, `co` course, `se` section.
 */
export type Source = {
  table: string;
  alias: string;
  /** Unique column of the base table to page by. */
  key: string;
  /** The base rows in scope, on base columns only (so a page is one index range, whatever the statistics). */
  scope: RawBuilder<unknown>;
  joins: RawBuilder<unknown>;
  /** Conditions on the parents. */
  filter: RawBuilder<unknown>;
  /** The typed SQL of a template column that is not a constant. */
  column: (key: string) => string | undefined;
};

const studentCols: Record<string, string> = {
  student_state_id: 'x.state_id',
  student_local_id: 'sd.local_id',
  last_name: 'x.last_name',
  first_name: 'x.first_name',
};
const staffCols: Record<string, string> = {
  staff_state_id: 'y.staff_state_id',
  last_name: 'y.last_name',
  first_name: 'y.first_name',
  gender: 'y.gender',
};
const calendarCols: Record<string, string> = {
  school_number: 'c.school_number',
  calendar_number: 'c.calendar_number',
};
const courseCols: Record<string, string> = { ...calendarCols, course_number: 'co.course_number' };
const sectionCols: Record<string, string> = { ...courseCols, section_number: 'se.section_number' };

const student = (district: string) =>
  sql`JOIN student x ON x.id = t.student_id LEFT JOIN student_district sd ON sd.student_id = x.id AND sd.district_number = ${district}`;

type Parent = Pick<Source, 'joins' | 'filter'> & { cols: Record<string, string>; yearBound: boolean };

/**
 * How a store's rows reach their parents. Rows of year-bound parents (an enrollment, calendar, course or
 * section of one year) are written only by that year's uploads, so their own school_year is that year.
 */
function parentOf(store: RecordStore, s: ExtractScope): Parent {
  const d = s.district;
  const year = sql`${s.schoolYear}::int`;
  switch (store.parent) {
    case 'enrollment':
    case 'enrollments': {
      // Fall CTE writes one row per matching enrollment; the file has one line per student and calendar.
      const firstOnly =
        store.parent === 'enrollments'
          ? sql`AND NOT EXISTS (SELECT 1 FROM ${sql.raw(id(store.table))} t2 JOIN enrollment e2 ON e2.id = t2.enrollment_id
              WHERE t2.student_id = t.student_id AND e2.calendar_id = e.calendar_id AND t2.district_number = ${d} AND t2.id < t.id)`
          : sql``;
      return {
        joins: sql`JOIN enrollment e ON e.id = t.enrollment_id JOIN calendar c ON c.id = e.calendar_id ${student(d)}`,
        filter: sql`e.district_number = ${d} AND e.school_year = ${matchYear(store, s.schoolYear)}::int ${firstOnly}`,
        cols: { ...studentCols, ...calendarCols },
        yearBound: true,
      };
    }
    case 'student':
      // Only students an upload for this year could name: enrolled in the district that year (§4.2).
      return {
        joins: student(d),
        filter: sql`EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = t.student_id AND e.district_number = ${d} AND e.school_year = ${year})`,
        cols: studentCols,
        yearBound: store.perYear === true,
      };
    case 'staff':
      return {
        joins: sql`JOIN staff y ON y.id = t.staff_id`,
        filter: sql`true`,
        cols: staffCols,
        yearBound: false,
      };
    case 'calendar':
      return {
        joins: sql`JOIN calendar c ON c.id = t.calendar_id`,
        filter: sql`c.school_year = ${year}`,
        cols: calendarCols,
        yearBound: true,
      };
    case 'course':
      return {
        joins: sql`JOIN course co ON co.id = t.course_id JOIN calendar c ON c.id = co.calendar_id`,
        filter: sql`c.school_year = ${year}`,
        cols: courseCols,
        yearBound: true,
      };
    case 'section-staff':
    case 'section-student': {
      const staff = store.parent === 'section-staff';
      return {
        joins: sql`JOIN section se ON se.id = t.section_id JOIN course co ON co.id = se.course_id
          JOIN calendar c ON c.id = co.calendar_id ${staff ? sql`JOIN staff y ON y.id = t.staff_id` : student(d)}`,
        filter: sql`c.school_year = ${year}`,
        cols: { ...sectionCols, ...(staff ? staffCols : studentCols) },
        yearBound: true,
      };
    }
    case 'school':
      // Every column is stored on the row itself (students not in the system, decision 0071).
      return { joins: sql``, filter: sql`true`, cols: {}, yearBound: true };
  }
}

function storeSource(store: RecordStore, s: ExtractScope): Source {
  const { cols, yearBound, ...parent } = parentOf(store, s);
  const stored = new Set([...store.identity, ...store.data]);
  return {
    ...parent,
    table: id(store.table),
    alias: 't',
    key: 'id',
    scope: yearBound
      ? sql`t.district_number = ${s.district} AND t.school_year = ${s.schoolYear}::int`
      : sql`t.district_number = ${s.district}`,
    column: (k) =>
      stored.has(k)
        ? `t.${id(k)}`
        : k === store.enrollmentSelector
          ? 'e.start_date' // counts and attendance name the enrollment by its start date (§4.3)
          : cols[k],
  };
}

/** Student Demographic: every student linked to the district (their local ID is the district's). */
function demographicSource(s: ExtractScope): Source {
  return {
    table: 'student_district',
    alias: 'sd',
    key: 'student_id',
    scope: sql`sd.district_number = ${s.district}`,
    joins: sql`JOIN student x ON x.id = sd.student_id`,
    filter: sql`true`,
    column: (k) => studentCols[k] ?? `x.${id(k)}`,
  };
}

/** Enrollment: the district's enrollments of the year; the other columns are enrollment columns by key. */
function enrollmentSource(s: ExtractScope): Source {
  return {
    table: 'enrollment',
    alias: 't',
    key: 'id',
    scope: sql`t.district_number = ${s.district} AND t.school_year = ${s.schoolYear}::int`,
    joins: sql`JOIN calendar c ON c.id = t.calendar_id ${student(s.district)}`,
    filter: sql`true`,
    column: (k) => studentCols[k] ?? calendarCols[k] ?? `t.${id(k)}`,
  };
}

/** Where a template's stored rows come from; undefined when the template is not a stored record type. */
export function sourceOf(template: Template, s: ExtractScope): Source | undefined {
  if (template.id === 'student-demographics') return demographicSource(s);
  if (template.id === 'student-enrollment') return enrollmentSource(s);
  const store = recordStoreOf(template.id);
  return store ? storeSource(store, s) : undefined;
}

/** A typed value as the file writes it (NULL stays NULL; the caller turns it into an empty cell). */
function asText(column: Column, expr: string): string {
  switch (column.type) {
    case 'date':
      return `to_char(${expr}, 'MM/DD/YYYY')`;
    case 'flag':
      return `CASE WHEN ${expr} THEN 'Y' WHEN NOT ${expr} THEN 'N' END`;
    case 'decimal':
      // 12.50 is stored with its scale; the file says 12.5 (the upload reads both as the same number).
      return `trim_scale(${expr}::numeric)::text`;
    case 'integer':
    case 'code':
    case 'digits':
    case 'text':
    case 'time':
      return `${expr}::text`;
  }
}

/** The SQL of one cell as the file writes it (never NULL). */
export function cellOf(
  template: Template,
  source: Source,
  column: Column,
  s: ExtractScope,
): RawBuilder<unknown> {
  if (column.key === 'record_type') return sql`${template.recordType}::text`;
  if (column.key === 'district_number') return sql`${s.district}::text`;
  // A spans-years row (EL, 504, staff) carries the year it was last written; the file is for this year.
  if (column.key === 'school_year') return sql`${String(s.schoolYear)}::text`;
  const expr = source.column(column.key);
  if (!expr)
    throw new Error(
      `template ${template.id} column ${column.key} has no stored source (record store out of step)`,
    );
  return sql.raw(`coalesce(${asText(column, expr)}, '')`);
}

/**
 * The template's rows for a district and year, in template column order, a page at a time (ordered by
 * the row key, so output is stable). Undefined when the template is not a stored record type.
 */
export function extractPages(
  db: Executor,
  template: Template,
  scope: ExtractScope,
  pageSize = 5000,
): AsyncGenerator<string[][]> | undefined {
  const source = sourceOf(template, scope);
  if (!source) return undefined;
  const cells = template.columns.map(
    (c, i) => sql`${cellOf(template, source, c, scope)} AS ${sql.raw(`c${i}`)}`,
  );
  const [a, key] = [sql.raw(source.alias), sql.raw(`${source.alias}.${source.key}`)];
  const width = template.columns.length;
  return (async function* () {
    let after = 0;
    for (;;) {
      // The page of base rows is read first (MATERIALIZED), then joined to its parents by primary key: with
      // statistics stale after a large upload, a planner left free picks nested loops over whole tables.
      // `edge` reports the base page even when the parent conditions leave none of its rows.
      const page = await sql<
        Record<string, string | null> & { last: number | null; n: number; k: number | null }
      >`
        WITH page AS MATERIALIZED (
          SELECT ${a}.* FROM ${sql.raw(source.table)} ${a} WHERE ${source.scope} AND ${key} > ${after}::bigint ORDER BY ${key} LIMIT ${pageSize}::int
        ), edge AS (SELECT max(${sql.raw(source.key)}) AS last, count(*)::int AS n FROM page)
        SELECT edge.last, edge.n, r.* FROM edge LEFT JOIN (
          SELECT ${key} AS k, ${sql.join(cells)} FROM page ${a} ${source.joins} WHERE ${source.filter}
        ) r ON true ORDER BY r.k`.execute(db);
      const rows = page.rows.filter((r) => r.k !== null);
      if (rows.length > 0) yield rows.map((r) => Array.from({ length: width }, (_, i) => r[`c${i}`] ?? ''));
      const edge = page.rows[0]!;
      if (edge.n < pageSize || edge.last === null) return;
      after = Number(edge.last);
    }
  })();
}

/** True when the district exists. */
export async function districtExists(db: Executor, district: string): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM district WHERE district_number = ${district}`.execute(db);
  return r.rows[0]!.n > 0;
}
