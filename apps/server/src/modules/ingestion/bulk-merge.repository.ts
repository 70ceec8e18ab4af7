/**
 * Writes of the conversion load. Rows arrive typed and with their ids resolved (bulk-rows.ts), so most
 * go straight into the live tables by COPY; only what needs the live rows to decide (identity updates,
 * new state IDs, local-ID links, staff) is one set-based statement over typed staging or arrays.
 * Never a query per row.
 */
import { sql } from 'kysely';
import { copyInto, copyTextChunks, type Executor } from '../../db/database.ts';
import { newStudentStateIdSql } from '../../db/state-id.ts';

type Text = string | null;

/** A new identity for `student`, in STUDENT_COLUMNS order. */
export type StudentRow = [
  stateId: string,
  lastName: Text,
  firstName: Text,
  middleName: Text,
  nameSuffix: Text,
  birthDate: Text,
  gender: Text,
  hispanic: boolean | null,
  raceCodes: Text,
];
const STUDENT_COLUMNS = columns(
  'state_id last_name first_name middle_name name_suffix birth_date gender hispanic race_codes',
);

/** An `enrollment` row with its student and calendar resolved, in ENROLLMENT_COLUMNS order. */
export type EnrollmentRow = [
  studentId: number,
  districtNumber: Text,
  schoolNumber: string,
  calendarId: number,
  schoolYear: number,
  gradeLevel: Text,
  startDate: string,
  startStatus: Text,
  endDate: Text,
  endStatus: Text,
  serviceType: string,
  noShow: boolean,
  // The outcome fields the graduation cohort and dropout reports read (montana-aim.md §2.10, §2.11).
  diplomaDate: Text,
  diplomaType: Text,
  // Date, type and period go together (§6.4 R17): a load without the period fails GRD-017 for every graduate.
  diplomaPeriod: Text,
  dropOutReason: Text,
  firstEntered9th: Text,
];
const ENROLLMENT_COLUMNS = columns(
  'student_id district_number school_number calendar_id school_year grade_level start_date start_status end_date end_status service_type no_show diploma_date diploma_type diploma_period drop_out_reason date_first_entered_9th_grade',
);

/**
 * A staged Student Demographic row: with a student id, the identity update from a known student's
 * first row; without one (and with a local ID), a request for a new state ID. In DEMOGRAPHIC_TABLE order.
 */
export type DemographicRow = [
  studentId: number | null,
  districtNumber: Text,
  localId: Text,
  lastName: Text,
  firstName: Text,
  middleName: Text,
  birthDate: Text,
  gender: Text,
  hispanic: boolean | null,
  raceCodes: Text,
];
const DEMOGRAPHIC_TABLE =
  'student_id bigint, district_number text, local_id text, last_name text, first_name text, middle_name text, birth_date date, gender text, hispanic boolean, race_codes text';

/** A student's link to a district with its local ID (from a file, null keeps the one on record). */
export type LinkRow = [studentId: number, districtNumber: Text, localId: Text];

type Batches<R> = AsyncIterable<R[]> | Iterable<R[]>;

function columns(names: string): string[] {
  return names.split(' ');
}

/** COPYs new identities into `student` (ids from its identity column); returns the count. */
export async function copyStudents(trx: Executor, rows: Batches<StudentRow>): Promise<number> {
  return await copyInto(trx, 'student', STUDENT_COLUMNS, copyTextChunks(rows), 'text');
}

/** COPYs resolved rows into `enrollment`; returns the count. */
export async function copyEnrollments(trx: Executor, rows: Batches<EnrollmentRow>): Promise<number> {
  return await copyInto(trx, 'enrollment', ENROLLMENT_COLUMNS, copyTextChunks(rows), 'text');
}

/**
 * Stages typed Student Demographic rows in temporary tables dropped at commit: identity updates
 * (streamed) and new-ID requests (few). Returns the number of identity rows.
 */
export async function stageDemographics(
  trx: Executor,
  identities: Batches<DemographicRow>,
  requests: readonly DemographicRow[],
): Promise<number> {
  const names = DEMOGRAPHIC_TABLE.split(', ').map((c) => c.split(' ')[0]!);
  for (const table of ['stage_identity', 'stage_new_student'])
    await sql.raw(`CREATE TEMP TABLE ${table} (${DEMOGRAPHIC_TABLE}) ON COMMIT DROP`).execute(trx);
  const n = await copyInto(trx, 'stage_identity', names, copyTextChunks(identities), 'text');
  await copyInto(trx, 'stage_new_student', names, copyTextChunks([requests]), 'text');
  return n;
}

/**
 * From staged demographics: known identities are updated (fields left blank are kept, §4.3); rows
 * without a state ID get a new one from the sequence, never reused (§1.3), linked to their local ID.
 */
export async function mergeDemographics(
  trx: Executor,
): Promise<{ updated: number; assigned: number; links: LinkRow[] }> {
  const updated = await sql`
    UPDATE student s SET
      last_name = coalesce(g.last_name, s.last_name), first_name = coalesce(g.first_name, s.first_name),
      middle_name = coalesce(g.middle_name, s.middle_name), birth_date = coalesce(g.birth_date, s.birth_date),
      gender = coalesce(g.gender, s.gender), hispanic = coalesce(g.hispanic, s.hispanic),
      race_codes = coalesce(g.race_codes, s.race_codes), updated_at = now()
    FROM stage_identity g
    WHERE s.id = g.student_id
      -- Unchanged identities are not rewritten: a re-sent file costs reads, not writes.
      AND (s.last_name, s.first_name, s.middle_name, s.birth_date, s.gender, s.hispanic, s.race_codes) IS DISTINCT FROM
          (coalesce(g.last_name, s.last_name), coalesce(g.first_name, s.first_name), coalesce(g.middle_name, s.middle_name),
           coalesce(g.birth_date, s.birth_date), coalesce(g.gender, s.gender), coalesce(g.hispanic, s.hispanic),
           coalesce(g.race_codes, s.race_codes))`.execute(trx);
  // New IDs: a sequence value through a fixed bijection mod 10^9 (decision 0004), drawn once in a
  // materialised CTE so the identity and its local-ID link agree, in district and local-ID order. The
  // rare clash with a legacy ID is skipped (ON CONFLICT) and that row simply draws again on the next pass.
  const links: LinkRow[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const made = await sql<{ id: number; district: string; local: string; asked: number }>`
      WITH fresh AS MATERIALIZED (
        SELECT f.*, ${newStudentStateIdSql} AS new_state_id
        FROM (SELECT * FROM stage_new_student g
              WHERE NOT EXISTS (SELECT 1 FROM student_district sd WHERE sd.district_number = g.district_number AND sd.local_id = g.local_id)
              ORDER BY g.district_number, g.local_id) f
      ), made AS (
        INSERT INTO student (state_id, last_name, first_name, middle_name, birth_date, gender, hispanic, race_codes)
        SELECT new_state_id, last_name, first_name, middle_name, birth_date, gender, hispanic, race_codes
        FROM fresh ON CONFLICT (state_id) DO NOTHING RETURNING id, state_id
      )
      INSERT INTO student_district (student_id, district_number, local_id)
      SELECT made.id, fresh.district_number, fresh.local_id FROM made JOIN fresh ON fresh.new_state_id = made.state_id
      RETURNING student_id AS id, district_number AS district, local_id AS local, (SELECT count(*) FROM fresh) AS asked`.execute(
      trx,
    );
    for (const m of made.rows) links.push([Number(m.id), m.district, m.local]);
    // Another pass only for the rows whose drawn ID clashed.
    if (made.rows.length === 0 || made.rows.length === Number(made.rows[0]!.asked)) break;
  }
  return { updated: Number(updated.numAffectedRows ?? 0), assigned: links.length, links };
}

/**
 * Links known students to districts: links not in `existing` (the table as read under the load's lock)
 * by COPY, existing ones take the file's local ID when it gives one. Replaces INSERT … ON CONFLICT DO
 * UPDATE, whose per-row conflict check cost more than the rest of the demographics merge. Updates go
 * first, so a local ID moving from one student to another in the same file is not a clash.
 */
export async function linkDistricts(
  trx: Executor,
  links: readonly LinkRow[],
  existing: readonly LinkRow[],
): Promise<void> {
  const known = new Set(existing.map((l) => `${l[1]}:${l[0]}`));
  const update = links.filter((l) => known.has(`${l[1]}:${l[0]}`));
  const insert = links.filter((l) => !known.has(`${l[1]}:${l[0]}`));
  if (update.length)
    await sql`
      UPDATE student_district sd SET local_id = coalesce(u.local_id, sd.local_id)
      FROM unnest(${update.map((l) => l[0])}::bigint[], ${update.map((l) => l[1])}::text[], ${update.map((l) => l[2])}::text[])
        AS u(student_id, district_number, local_id)
      WHERE sd.student_id = u.student_id AND sd.district_number = u.district_number`.execute(trx);
  const columns = ['student_id', 'district_number', 'local_id'];
  await copyInto(trx, 'student_district', columns, copyTextChunks([insert]), 'text');
}

/** Staff rows for the staff tables: the state ID as `lpad(…, 9, '0')` gives it, whether it is well formed, district, names. */
export type StaffRow = [
  stateId: Text,
  wellFormed: boolean,
  districtNumber: Text,
  lastName: Text,
  firstName: Text,
  gender: Text,
];

/**
 * Staff identities (the first row per well-formed state ID, inserted in state ID order) and, for a
 * school year, each staff member's link to the districts that exist. Small (one row per staff
 * member), so arrays rather than a staging table.
 */
export async function mergeStaff(
  trx: Executor,
  rows: readonly StaffRow[],
  schoolYear: number | null,
): Promise<number> {
  const seen = new Set<string>();
  const identities: StaffRow[] = [];
  for (const r of rows) {
    if (!r[1] || seen.has(r[0]!)) continue;
    seen.add(r[0]!);
    identities.push(r);
  }
  // The order DISTINCT ON gave when this was one statement: ids are issued in state ID order.
  identities.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  const column = (i: number) => identities.map((r) => r[i] as Text);
  const inserted = await sql`
    INSERT INTO staff (staff_state_id, last_name, first_name, gender)
    SELECT * FROM unnest(${column(0)}::text[], ${column(3)}::text[], ${column(4)}::text[], ${column(5)}::text[])
    ON CONFLICT (staff_state_id) DO NOTHING`.execute(trx);
  if (schoolYear === null) return Number(inserted.numAffectedRows ?? 0);
  const linked = rows.filter((r) => r[0] !== null && r[2] !== null);
  const r = await sql`
    INSERT INTO staff_district (staff_id, district_number, school_year)
    SELECT DISTINCT st.id, g.district_number, ${schoolYear}::int
    FROM unnest(${linked.map((x) => x[0])}::text[], ${linked.map((x) => x[2])}::text[]) AS g(staff_state_id, district_number)
    JOIN staff st ON st.staff_state_id = g.staff_state_id JOIN district d ON d.district_number = g.district_number
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}
