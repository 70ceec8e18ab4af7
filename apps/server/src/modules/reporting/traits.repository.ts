/**
 * Student traits for subgroup reporting (EDFacts category sets, public tables), one set-based relation per school
 * year: sex, ethnicity and races from the state's student record; IDEA, English learner, economic disadvantage,
 * homelessness, Section 504 and 21st CCLC from the district's program records of that year (decision 0050).
 */
import { sql, type RawBuilder } from 'kysely';
import type { ReportSource } from '@bitterroot/contracts';
import { RECORDS, sourceRows } from './source-rows.repository.ts';

/** The traits of one student in one district and year, as the report statements select them. */
export type RawTraits = {
  state_id: string;
  birth_date: string | null;
  gender: string | null;
  hispanic: boolean | null;
  race_codes: string | null;
  idea: boolean;
  el: boolean;
  ecodis: boolean;
  homeless: boolean;
  s504: boolean;
  cclc: boolean;
};

/** Traits mapped for the pure side. */
export type Traits = {
  stateId: string;
  /** ISO birth date from the state's record (ages for FS002 and FS118). */
  birthDate: string | null;
  sex: string | null;
  hispanic: boolean;
  races: string[];
  idea: boolean;
  el: boolean;
  ecodis: boolean;
  homeless: boolean;
  s504: boolean;
  cclc: boolean;
};

/** Maps selected traits. */
export function toTraits(x: RawTraits): Traits {
  return {
    stateId: x.state_id,
    birthDate: x.birth_date,
    sex: x.gender,
    hispanic: x.hispanic === true,
    races: (x.race_codes ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    idea: x.idea === true,
    el: x.el === true,
    ecodis: x.ecodis === true,
    homeless: x.homeless === true,
    s504: x.s504 === true,
    cclc: x.cclc === true,
  };
}

/** Where each program record comes from in a certified report: the end-of-year program collection. */
export const PROGRAMS_COLLECTION = 'eoy-program-participation';

/**
 * A FROM item `(student_id, district_number, idea, el, ecodis, homeless, s504, cclc)` for one year, over the
 * enrollments in `enrollments` (already a FROM item of the same source). IDEA: a special-education-only service
 * type or a special-education exit in the year, the only special-education fields collected (0050).
 */
export function flagsOf(
  source: ReportSource,
  enrollments: RawBuilder<unknown>,
  schoolYear: number,
): RawBuilder<unknown> {
  const start = `${schoolYear - 1}-07-01`;
  const end = `${schoolYear}-06-30`;
  const from = (r: (typeof RECORDS)[keyof typeof RECORDS]) => sourceRows(source, r, PROGRAMS_COLLECTION);
  // Each program is a grouped relation joined by hash, not a per-student subquery (statewide reads are 150k rows).
  const has = (alias: string, r: (typeof RECORDS)[keyof typeof RECORDS], where: RawBuilder<unknown>) =>
    sql`LEFT JOIN (SELECT DISTINCT x.student_id, x.district_number FROM ${from(r)} x WHERE ${where}) ${sql.raw(alias)}
      ON ${sql.raw(alias)}.student_id = g.student_id AND ${sql.raw(alias)}.district_number = g.district_number`;
  const overlaps = (a: string, b: string) =>
    sql`${sql.ref(`x.${a}`)} <= ${end}::date AND (${sql.ref(`x.${b}`)} IS NULL OR ${sql.ref(`x.${b}`)} >= ${start}::date)`;
  return sql`(
    SELECT g.student_id, g.district_number, g.idea, g.cclc, l.student_id IS NOT NULL AS el,
      r.student_id IS NOT NULL AS ecodis, h.student_id IS NOT NULL AS homeless, x5.student_id IS NOT NULL AS s504
    FROM (
      SELECT e.student_id, e.district_number,
        bool_or(e.service_type = 'N' OR (e.sped_exit_date IS NOT NULL
          AND e.sped_exit_date BETWEEN ${start}::date AND ${end}::date)) AS idea,
        bool_or(coalesce(e.cclc_21st_participant, false)) AS cclc
      FROM ${enrollments} e WHERE e.school_year = ${schoolYear}
      GROUP BY e.student_id, e.district_number) g
    ${has('l', RECORDS.english, overlaps('identified_date', 'exit_date'))}
    ${has('r', RECORDS.fram, sql`x.fram_eligibility IN ('F', 'R') AND ${overlaps('eligibility_start_date', 'eligibility_end_date')}`)}
    ${has('h', RECORDS.programs, sql`x.school_year = ${schoolYear} AND x.homeless`)}
    ${has('x5', RECORDS.section504, overlaps('start_date', 'end_date'))})`;
}

/** The select list of `RawTraits` over a student `s` and flags `f` (LEFT JOINed: no flags is all false). */
export const TRAIT_COLUMNS = sql`s.state_id, s.birth_date::text AS birth_date, s.gender, s.hispanic, s.race_codes,
  coalesce(f.idea, false) AS idea, coalesce(f.el, false) AS el, coalesce(f.ecodis, false) AS ecodis,
  coalesce(f.homeless, false) AS homeless, coalesce(f.s504, false) AS s504, coalesce(f.cclc, false) AS cclc`;
