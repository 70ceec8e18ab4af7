/**
 * Inputs of the year-long measures: CTE pathway credits, behavior resolutions and EOY attendance, each with the
 * student's place and traits, over live rows or certified snapshots (decision 0049). Place and program traits
 * come from the same source: live enrollments for a preview, and for a certified report the enrollments frozen in
 * the same collection's snapshot with the certified program participation (decision 0061), never live rows.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { OUTCOME_COLLECTIONS, type Placed, type ReadScope } from './outcomes.repository.ts';
import { RECORDS, sourceRows } from './source-rows.repository.ts';
import { flagsOf, TRAIT_COLUMNS, toTraits, type RawTraits } from './traits.repository.ts';

type RawPlaced = RawTraits & { district_number: string; school_number: string; grade_level: string };

const inDistrict = (district: string | null) =>
  district === null ? sql`true` : sql`r.district_number = ${district}`;

/** Enrollments of a read: the live table, or those frozen in the collection's snapshots (decision 0061). */
const enrollmentsOf = (scope: ReadScope, collectionId: string) =>
  sourceRows(scope.source, RECORDS.enrollment, collectionId);

/**
 * The student's latest enrollment of the year in the record's district: the school and grade it is shown under.
 * A grouped relation joined by hash, not a lateral subquery (over frozen rows that would re-read them per record).
 */
const place = (enrollments: RawBuilder<unknown>, schoolYear: number) => sql`LEFT JOIN (
      SELECT DISTINCT ON (p.student_id, p.district_number) p.student_id, p.district_number, p.school_number,
        p.grade_level
      FROM ${enrollments} p WHERE p.school_year = ${schoolYear}
      ORDER BY p.student_id, p.district_number, p.start_date DESC, p.id DESC) pl
    ON pl.student_id = r.student_id AND pl.district_number = r.district_number`;

const placed = (x: RawPlaced) => ({
  ...toTraits(x),
  districtNumber: x.district_number,
  schoolNumber: x.school_number,
  grade: x.grade_level,
});

/** One student × pathway row of EOY CTE. */
export type CteRead = Placed & {
  pathway: string;
  districtCredits: number;
  transferCredits: number;
  reported: boolean;
};

/** EOY CTE pathway rows of a year. */
export async function cteRows(db: Executor, scope: ReadScope): Promise<CteRead[]> {
  const src = sourceRows(scope.source, RECORDS.cte, OUTCOME_COLLECTIONS.cte);
  const enrollments = enrollmentsOf(scope, OUTCOME_COLLECTIONS.cte);
  const r = await sql<RawPlaced & { cte_pathway: string; dc: number; tc: number; cte_concentrator: boolean }>`
    SELECT ${TRAIT_COLUMNS}, r.district_number, coalesce(pl.school_number, '') AS school_number,
      coalesce(pl.grade_level, '12') AS grade_level, r.cte_pathway, r.district_credits::float8 AS dc,
      r.transfer_credits::float8 AS tc, r.cte_concentrator
    FROM ${src} r JOIN student s ON s.id = r.student_id ${place(enrollments, scope.schoolYear)}
    LEFT JOIN ${flagsOf(scope.source, enrollments, scope.schoolYear)} f
      ON f.student_id = r.student_id AND f.district_number = r.district_number
    WHERE r.school_year = ${scope.schoolYear} AND ${inDistrict(scope.district)}
    ORDER BY r.district_number, s.state_id, r.cte_pathway`.execute(db);
  return r.rows.map((x) => ({
    ...placed(x),
    pathway: x.cte_pathway,
    districtCredits: Number(x.dc),
    transferCredits: Number(x.tc),
    reported: x.cte_concentrator,
  }));
}

/** One offender × resolution row of the behavior collection. */
export type BehaviorRead = Placed & {
  incidentId: string;
  incidentDate: string;
  eventCode: string;
  primaryEvent: boolean;
  resolutionCode: string;
  durationDays: number | null;
};

/** Behavior rows of a year. */
export async function behaviorRows(db: Executor, scope: ReadScope): Promise<BehaviorRead[]> {
  const src = sourceRows(scope.source, RECORDS.behavior, OUTCOME_COLLECTIONS.behavior);
  const enrollments = enrollmentsOf(scope, OUTCOME_COLLECTIONS.behavior);
  const r = await sql<
    RawPlaced & {
      incident_id: string;
      incident_date: string;
      event_code: string;
      primary_event: boolean;
      resolution_code: string;
      days: number | null;
    }
  >`
    SELECT ${TRAIT_COLUMNS}, r.district_number, coalesce(pl.school_number, '') AS school_number,
      coalesce(pl.grade_level, '') AS grade_level, r.incident_id, r.incident_date::text AS incident_date,
      r.event_code, r.primary_event, r.resolution_code, r.resolution_duration_days::float8 AS days
    FROM ${src} r JOIN student s ON s.id = r.student_id ${place(enrollments, scope.schoolYear)}
    LEFT JOIN ${flagsOf(scope.source, enrollments, scope.schoolYear)} f
      ON f.student_id = r.student_id AND f.district_number = r.district_number
    WHERE r.school_year = ${scope.schoolYear} AND ${inDistrict(scope.district)}
    ORDER BY r.district_number, s.state_id, r.incident_date, r.incident_id`.execute(db);
  return r.rows.map((x) => ({
    ...placed(x),
    incidentId: x.incident_id,
    incidentDate: x.incident_date,
    eventCode: x.event_code,
    primaryEvent: x.primary_event,
    resolutionCode: x.resolution_code,
    durationDays: x.days === null ? null : Number(x.days),
  }));
}

/** One enrollment's EOY attendance with place and traits (chronic absence per school, FS195). */
export type AttendanceTraitRead = Placed & {
  daysEnrolled: number;
  daysPresent: number;
  essaDaysAbsent: number;
};

/** EOY attendance rows of a year, the whole state or one district. */
export async function attendanceTraitRows(db: Executor, scope: ReadScope): Promise<AttendanceTraitRead[]> {
  const src = sourceRows(scope.source, RECORDS.attendance, OUTCOME_COLLECTIONS.attendance);
  const enrollments = enrollmentsOf(scope, OUTCOME_COLLECTIONS.attendance);
  const r = await sql<RawPlaced & { de: number; dp: number; da: number }>`
    SELECT ${TRAIT_COLUMNS}, e.district_number, e.school_number, e.grade_level,
      r.ada_days_enrolled::float8 AS de, r.ada_days_present::float8 AS dp, r.essa_days_absent::float8 AS da
    FROM ${src} r JOIN ${enrollments} e ON e.id = r.enrollment_id JOIN student s ON s.id = r.student_id
    LEFT JOIN ${flagsOf(scope.source, enrollments, scope.schoolYear)} f
      ON f.student_id = r.student_id AND f.district_number = r.district_number
    WHERE r.school_year = ${scope.schoolYear} AND ${inDistrict(scope.district)}
    ORDER BY e.district_number, e.school_number, s.state_id`.execute(db);
  return r.rows.map((x) => ({
    ...placed(x),
    daysEnrolled: Number(x.de),
    daysPresent: Number(x.dp),
    essaDaysAbsent: Number(x.da),
  }));
}
