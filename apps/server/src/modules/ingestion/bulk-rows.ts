/**
 * File rows → typed rows with their ids resolved, for the conversion load: the SQL that used to join
 * all-text staging to the live tables, done in Node while the file streams. Each typer keeps the
 * semantics of the statement it replaces (which rows match, which are dropped, which value wins); where
 * that statement picked an arbitrary row among duplicates, the first in file order wins.
 */
import { flag, isoDate, lpad9, paddedIdNumber, stateIdNumber, stateIdText } from './bulk-values.ts';
import { cell, type Cells } from './tsv-rows.ts';
import type { IdsByStateId } from './bulk-lookup.repository.ts';
import type {
  DemographicRow,
  EnrollmentRow,
  LinkRow,
  StaffRow,
  StudentRow,
} from './bulk-merge.repository.ts';

/** Column position by name (a template's keys or a baseline file's header). */
export type ColumnAt = (name: string) => number;

type Text = string | null;

/** Turns a row of cells into a typed row, or null to drop it. */
export type Typer<R> = (cells: Cells) => R | null;

/** Types batches of rows as they stream, dropping rejected rows; `count.read` counts the rows read. */
export async function* typedBatches<R>(
  batches: AsyncIterable<Cells[]>,
  typer: Typer<R>,
  count: { read: number } = { read: 0 },
): AsyncGenerator<R[]> {
  for await (const batch of batches) {
    count.read += batch.length;
    const rows: R[] = [];
    for (const cells of batch) {
      const row = typer(cells);
      if (row !== null) rows.push(row);
    }
    if (rows.length) yield rows;
  }
}

/** One stream of several files' batches, in order. */
export async function* concatBatches<T>(sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  for (const s of sources) yield* s;
}

type Words<S extends string> = S extends `${infer H} ${infer T}` ? H | Words<T> : S;

/** Positions of space-separated column names, by name. */
function positions<S extends string>(at: ColumnAt, names: S): Record<Words<S>, number> {
  return Object.fromEntries(names.split(' ').map((n) => [n, at(n)])) as Record<Words<S>, number>;
}

/**
 * Registry identities (baseline students.tsv) with a well-formed state ID not yet in `known`; the
 * first row per state ID wins, as ON CONFLICT DO NOTHING kept it. `inserted` gets their state IDs in
 * row order (as numbers).
 */
export function registryStudent(at: ColumnAt, known: IdsByStateId, inserted: number[]): Typer<StudentRow> {
  const p = positions(
    at,
    'state_id last_name first_name middle_name name_suffix birth_date gender hispanic race_codes',
  );
  const taken = new Set<number>();
  return (c) => {
    const id = stateIdNumber(cell(c, p.state_id));
    if (id === null || known.has(id) || taken.has(id)) return null;
    taken.add(id);
    inserted.push(id);
    return [
      stateIdText(id),
      cell(c, p.last_name),
      cell(c, p.first_name),
      cell(c, p.middle_name),
      cell(c, p.name_suffix),
      isoDate(cell(c, p.birth_date)),
      cell(c, p.gender),
      flag(cell(c, p.hispanic)),
      cell(c, p.race_codes),
    ];
  };
}

/**
 * Prior years' enrollments (baseline enrollments-YYYY.tsv) of known students, each at its school's
 * calendar for that year (history names none); rows without a real start date are dropped.
 */
export function historyEnrollment(
  at: ColumnAt,
  schoolYear: number,
  students: IdsByStateId,
  calendarOfSchool: Map<string, number>,
): Typer<EnrollmentRow> {
  const p = positions(
    at,
    'state_id district_number school_number grade_level start_date start_status end_date end_status',
  );
  // Older baseline files lack the outcome columns: a missing column reads as empty.
  const optional = (name: string) => {
    try {
      return at(name);
    } catch {
      return -1;
    }
  };
  const o = {
    diplomaDate: optional('diploma_date'),
    diplomaType: optional('diploma_type'),
    diplomaPeriod: optional('diploma_period'),
    first9: optional('date_first_entered_9th_grade'),
  };
  return (c) => {
    const id = paddedIdNumber(cell(c, p.state_id));
    const student = id === null ? undefined : students.get(id);
    const school = cell(c, p.school_number);
    const calendar = school === null ? undefined : calendarOfSchool.get(school);
    const start = isoDate(cell(c, p.start_date));
    if (student === undefined || calendar === undefined || start === null) return null;
    return [
      student,
      cell(c, p.district_number),
      school!,
      calendar,
      schoolYear,
      cell(c, p.grade_level),
      start,
      cell(c, p.start_status),
      isoDate(cell(c, p.end_date)),
      cell(c, p.end_status),
      'P',
      false,
      isoDate(cell(c, o.diplomaDate)),
      cell(c, o.diplomaType),
      cell(c, o.diplomaPeriod),
      null,
      isoDate(cell(c, o.first9)),
    ];
  };
}

/** What current-year enrollments are matched with. */
export type EnrollmentLookups = {
  students: IdsByStateId;
  /** Student ids by `<district>\t<local id>`. */
  localIds: Map<string, number>;
  /** Calendar ids by `<school>\t<calendar number>`. */
  calendars: Map<string, number>;
};

/**
 * Current-year Enrollment rows, matched to the identity by state ID or, for students new this load, by
 * district and local ID; the calendar by school and calendar number. Unmatched rows and rows without a
 * real start date are dropped; service type defaults to P, no-show to false.
 */
export function currentEnrollment(
  at: ColumnAt,
  schoolYear: number,
  lookups: EnrollmentLookups,
): Typer<EnrollmentRow> {
  const p = positions(
    at,
    'student_state_id student_local_id district_number school_number calendar_number grade_level start_date start_status end_date end_status service_type no_show diploma_date diploma_type diploma_period drop_out_reason date_first_entered_9th_grade',
  );
  return (c) => {
    const id = stateIdNumber(cell(c, p.student_state_id));
    const district = cell(c, p.district_number);
    let student = id === null ? undefined : lookups.students.get(id);
    if (student === undefined) {
      const local = cell(c, p.student_local_id);
      if (district !== null && local !== null) student = lookups.localIds.get(`${district}\t${local}`);
    }
    const school = cell(c, p.school_number);
    const number = cell(c, p.calendar_number);
    const calendar =
      school === null || number === null ? undefined : lookups.calendars.get(`${school}\t${number}`);
    const start = isoDate(cell(c, p.start_date));
    if (student === undefined || calendar === undefined || start === null) return null;
    return [
      student,
      district,
      school!,
      calendar,
      schoolYear,
      cell(c, p.grade_level),
      start,
      cell(c, p.start_status),
      isoDate(cell(c, p.end_date)),
      cell(c, p.end_status),
      cell(c, p.service_type) ?? 'P',
      flag(cell(c, p.no_show)) ?? false,
      isoDate(cell(c, p.diploma_date)),
      cell(c, p.diploma_type),
      cell(c, p.diploma_period),
      cell(c, p.drop_out_reason),
      isoDate(cell(c, p.date_first_entered_9th_grade)),
    ];
  };
}

/** Where demographicRow puts the rows that are not identity updates. */
export type DemographicSideRows = { links: LinkRow[]; newIdRequests: DemographicRow[] };

/**
 * Student Demographic rows. A known student's (by a well-formed state ID) first row is returned, to
 * update the identity, and each district it names adds a link row; rows without a state ID but with a
 * local ID become new-ID requests (the first per district and local ID). Rows with a malformed or
 * unknown state ID, or with neither ID, do neither and are dropped, as before.
 */
export function demographicRow(
  at: ColumnAt,
  students: IdsByStateId,
  out: DemographicSideRows,
): Typer<DemographicRow> {
  const p = positions(
    at,
    'student_state_id student_local_id district_number last_name first_name middle_name birth_date gender hispanic race_codes',
  );
  const updated = new Set<number>();
  const linked = new Set<string>();
  const asked = new Set<string>();
  const typed = (c: Cells, student: number | null, district: Text, local: Text): DemographicRow => [
    student,
    district,
    local,
    cell(c, p.last_name),
    cell(c, p.first_name),
    cell(c, p.middle_name),
    isoDate(cell(c, p.birth_date)),
    cell(c, p.gender),
    flag(cell(c, p.hispanic)),
    cell(c, p.race_codes),
  ];
  return (c) => {
    const raw = cell(c, p.student_state_id);
    const local = cell(c, p.student_local_id);
    const district = cell(c, p.district_number);
    // A null district matches nothing; its row still goes on, to fail the NOT NULL check as before.
    const districtKey = district ?? '\u0000';
    if (raw === null) {
      const key = `${districtKey}\t${local}`;
      if (local !== null && !asked.has(key)) {
        asked.add(key);
        out.newIdRequests.push(typed(c, null, district, local));
      }
      return null;
    }
    const id = stateIdNumber(raw);
    const student = id === null ? undefined : students.get(id);
    if (student === undefined) return null;
    const link = `${student}\t${districtKey}`;
    if (!linked.has(link)) {
      linked.add(link);
      out.links.push([student, district, local]);
    }
    if (updated.has(student)) return null;
    updated.add(student);
    return typed(c, student, district, local);
  };
}

/** Staff rows (Terms of Employment or the staff registry) for mergeStaff. */
export function staffRow(at: ColumnAt): Typer<StaffRow> {
  const p = positions(at, 'staff_state_id district_number last_name first_name gender');
  return (c) => {
    const raw = cell(c, p.staff_state_id);
    const padded = raw === null ? null : lpad9(raw);
    return [
      padded,
      stateIdNumber(raw) !== null,
      cell(c, p.district_number),
      cell(c, p.last_name),
      cell(c, p.first_name),
      cell(c, p.gender),
    ];
  };
}

/**
 * Student ids by `<district>\t<local id>` once the demographics are merged, worked out instead of read
 * back: the links on record, then each file link (an existing one keeps its local ID when the file has
 * none, as the UPDATE does), then the new students' links.
 */
export function localIdsAfterMerge(
  existing: readonly LinkRow[],
  fileLinks: readonly LinkRow[],
  newStudentLinks: readonly LinkRow[],
): Map<string, number> {
  const byLink = new Map<string, LinkRow>();
  for (const l of existing) byLink.set(`${l[1]}:${l[0]}`, l);
  for (const l of fileLinks) {
    const key = `${l[1]}:${l[0]}`;
    if (l[2] !== null || !byLink.has(key)) byLink.set(key, l);
  }
  for (const l of newStudentLinks) byLink.set(`${l[1]}:${l[0]}`, l);
  const ids = new Map<string, number>();
  for (const [student, district, local] of byLink.values())
    if (local !== null && district !== null) ids.set(`${district}\t${local}`, student);
  return ids;
}
