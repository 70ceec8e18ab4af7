/**
 * Inputs of the outcome measures (graduation cohorts, dropouts, membership, CTE, behavior, chronic absence), one
 * set-based statement each over live rows or certified snapshots (source-rows.repository.ts; decision 0049).
 * Each row carries the student's traits for subgroup tables.
 */
import { sql } from 'kysely';
import type { ReportSource } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { RECORDS, sourceRows } from './source-rows.repository.ts';
import { flagsOf, TRAIT_COLUMNS, toTraits, type RawTraits, type Traits } from './traits.repository.ts';

/** Which collection's snapshots hold each input in a certified report (decision 0049). */
export const OUTCOME_COLLECTIONS = {
  outcomes: 'prior-year-graduates',
  membership: 'fall-count',
  cte: 'eoy-cte',
  behavior: 'eoy-behavior',
  attendance: 'eoy-attendance',
} as const;

/** Where a report reads: source, year and optionally one district. */
export type ReadScope = { source: ReportSource; schoolYear: number; district: string | null };

/** A student's place: district, school and grade of the enrollment the measure attributes them to. */
export type Placed = Traits & { districtNumber: string; schoolNumber: string; grade: string };

type RawPlaced = RawTraits & { district_number: string; school_number: string; grade_level: string };

const placed = (x: RawPlaced): Placed => ({
  ...toTraits(x),
  districtNumber: x.district_number,
  schoolNumber: x.school_number,
  grade: x.grade_level,
});

const inDistrict = (column: string, district: string | null) =>
  district === null ? sql`true` : sql`${sql.ref(column)} = ${district}`;

/** A cohort member's enrollment history summed up for the pure cohort rule. */
export type CohortRead = Placed & {
  firstEntered9th: string;
  endStatus: string | null;
  endDate: string | null;
  diplomaDate: string | null;
  diplomaType: string | null;
  firstDistrict: string | null;
};

/**
 * Students who first entered grade 9 between `from` and `to`, each placed at their last enrollment up to the
 * cohort's last year (the unit that reports them), with their earliest diploma and their first high-school district.
 */
export async function cohortRows(
  db: Executor,
  scope: ReadScope & { firstYear: number },
  window: { from: string; to: string },
): Promise<CohortRead[]> {
  // Each year of the cohort from the prior-year event that reported it (decision 0062).
  const src = sourceRows(scope.source, RECORDS.enrollment, OUTCOME_COLLECTIONS.outcomes, { reported: true });
  const r = await sql<
    RawPlaced & {
      first9: string;
      end_status: string | null;
      end_date: string | null;
      diploma_date: string | null;
      diploma_type: string | null;
      first_district: string | null;
    }
  >`
    WITH w AS (
      -- One pass of window functions per student, no self-joins (the planner loops over joined CTEs).
      SELECT x.*, min(x.date_first_entered_9th_grade) OVER p AS first9, min(x.diploma_date) OVER p AS dip_date,
        first_value(x.diploma_type) OVER (PARTITION BY x.student_id ORDER BY x.diploma_date NULLS LAST) AS dip_type,
        first_value(CASE WHEN x.grade_level IN ('09', '10', '11', '12') THEN x.district_number END) OVER (
          PARTITION BY x.student_id ORDER BY x.grade_level IN ('09', '10', '11', '12') DESC, x.start_date, x.id
        ) AS first_district,
        row_number() OVER (PARTITION BY x.student_id ORDER BY x.start_date DESC, x.id DESC) AS rn
      FROM ${src} x WHERE x.school_year BETWEEN ${scope.firstYear} AND ${scope.schoolYear}
      WINDOW p AS (PARTITION BY x.student_id))
    SELECT ${TRAIT_COLUMNS}, l.district_number, l.school_number, l.grade_level, l.first9::text AS first9,
      l.end_status, l.end_date::text AS end_date, l.dip_date::text AS diploma_date,
      CASE WHEN l.dip_date IS NULL THEN NULL ELSE l.dip_type END AS diploma_type, l.first_district
    FROM w l JOIN student s ON s.id = l.student_id
    LEFT JOIN ${flagsOf(scope.source, src, scope.schoolYear)} f
      ON f.student_id = l.student_id AND f.district_number = l.district_number
    WHERE l.rn = 1 AND l.first9 BETWEEN ${window.from}::date AND ${window.to}::date
      AND ${inDistrict('l.district_number', scope.district)}
    ORDER BY l.district_number, l.school_number, s.state_id`.execute(db);
  return r.rows.map((x) => ({
    ...placed(x),
    firstEntered9th: x.first9,
    endStatus: x.end_status,
    endDate: x.end_date,
    diplomaDate: x.diploma_date,
    diplomaType: x.diploma_type,
    firstDistrict: x.first_district,
  }));
}

/** A student's last enrollment of the year in a district, with the first later enrollment anywhere. */
export type DropoutRead = Placed & {
  endStatus: string | null;
  endDate: string | null;
  noShow: boolean;
  reenrolled: string | null;
};

/** Last enrollments of grades 7–12 per student and district in a year (FS032 counts grades 7–12). */
export async function dropoutRows(db: Executor, scope: ReadScope): Promise<DropoutRead[]> {
  // The year and its re-enrolment evidence from the one prior-year event that reported it (decision 0062).
  const src = sourceRows(scope.source, RECORDS.enrollment, OUTCOME_COLLECTIONS.outcomes, {
    event: scope.schoolYear + 1,
  });
  const r = await sql<
    RawPlaced & { end_status: string | null; end_date: string | null; no_show: boolean; back: string | null }
  >`
    WITH e AS (SELECT * FROM ${src} x WHERE x.school_year IN (${scope.schoolYear}, ${scope.schoolYear + 1})),
    l AS (SELECT DISTINCT ON (student_id, district_number) * FROM e WHERE school_year = ${scope.schoolYear}
      ORDER BY student_id, district_number, start_date DESC, id DESC),
    -- The first later enrollment anywhere, as a grouped join (a correlated subquery would rescan e per row).
    nx AS (SELECT l.student_id, l.district_number, min(n.start_date)::text AS back FROM l
      JOIN e n ON n.student_id = l.student_id AND n.start_date > l.end_date GROUP BY 1, 2)
    SELECT ${TRAIT_COLUMNS}, l.district_number, l.school_number, l.grade_level, l.end_status,
      l.end_date::text AS end_date, coalesce(l.no_show, false) AS no_show, nx.back
    FROM l JOIN student s ON s.id = l.student_id
    LEFT JOIN nx ON nx.student_id = l.student_id AND nx.district_number = l.district_number
    LEFT JOIN ${flagsOf(scope.source, src, scope.schoolYear)} f
      ON f.student_id = l.student_id AND f.district_number = l.district_number
    WHERE l.grade_level IN ('07', '08', '09', '10', '11', '12') AND ${inDistrict('l.district_number', scope.district)}
    ORDER BY l.district_number, l.school_number, s.state_id`.execute(db);
  return r.rows.map((x) => ({
    ...placed(x),
    endStatus: x.end_status,
    endDate: x.end_date,
    noShow: x.no_show === true,
    reenrolled: x.back,
  }));
}

/**
 * Membership on a date (FS052; dropout-rate denominators, decision 0038): primary, not no-show enrollments
 * spanning the date, one per student and district (the latest start). `anyService` also takes the other service
 * types: the IDEA child count (FS002) counts special-education-only enrollments too (decision 0062).
 */
export async function membershipRows(
  db: Executor,
  scope: ReadScope,
  date: string,
  anyService = false,
): Promise<Placed[]> {
  const src = sourceRows(scope.source, RECORDS.enrollment, OUTCOME_COLLECTIONS.membership);
  const r = await sql<RawPlaced>`
    WITH m AS (SELECT DISTINCT ON (x.student_id, x.district_number) x.* FROM ${src} x
      WHERE x.school_year = ${scope.schoolYear} AND (${anyService} OR x.service_type = 'P')
        AND NOT coalesce(x.no_show, false)
        AND x.start_date <= ${date}::date AND (x.end_date IS NULL OR x.end_date >= ${date}::date)
        AND ${inDistrict('x.district_number', scope.district)}
      ORDER BY x.student_id, x.district_number, x.start_date DESC, x.id DESC)
    SELECT ${TRAIT_COLUMNS}, m.district_number, m.school_number, m.grade_level
    FROM m JOIN student s ON s.id = m.student_id
    LEFT JOIN ${flagsOf(scope.source, src, scope.schoolYear)} f
      ON f.student_id = m.student_id AND f.district_number = m.district_number
    ORDER BY m.district_number, m.school_number, s.state_id`.execute(db);
  return r.rows.map(placed);
}
