/**
 * Loads EWS extract files (`ews-terms-YYYY.tsv`: term totals plus the year's audit-only program flags) by
 * COPY into a staging table, then one set-based merge per table. Rows of students or schools the state does
 * not know are skipped and counted, never guessed.
 */
import { sql } from 'kysely';
import { EWS_TERM_COLUMNS } from '@bitterroot/contracts';
import { copyInto, type Executor } from '../../db/database.ts';

/** Rows read, stored and skipped by one file. */
export type TermLoadCount = { read: number; stored: number; skipped: number };

/** COPYs one file's data lines (tab-separated, header removed) and merges them; replaces re-sent terms. */
export async function loadTermLines(trx: Executor, lines: Iterable<string>): Promise<TermLoadCount> {
  await sql
    .raw(
      `CREATE TEMP TABLE stage_ews_term (${EWS_TERM_COLUMNS.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`,
    )
    .execute(trx);
  const read = await copyInto(trx, 'stage_ews_term', EWS_TERM_COLUMNS, chunks(lines), 'text');
  const stored = await sql`
    INSERT INTO ews_term (student_id, district_number, school_number, school_year, grade_level, term_end,
      days_enrolled, days_present, behavior_incidents, suspension_days, courses_failed, credits_earned)
    SELECT s.id, g.district_number, g.school_number, g.school_year::int, g.grade_level, g.term_end::date,
      g.days_enrolled::numeric, g.days_present::numeric, g.behavior_incidents::int, g.suspension_days::numeric,
      g.courses_failed::int, g.credits_earned::numeric
    FROM stage_ews_term g
    JOIN student s ON s.state_id = g.state_id
    JOIN school sc ON sc.school_number = g.school_number AND sc.district_number = g.district_number
    JOIN school_year y ON y.end_year = g.school_year::int
    ON CONFLICT (student_id, school_number, term_end) DO UPDATE SET
      days_enrolled = excluded.days_enrolled, days_present = excluded.days_present,
      behavior_incidents = excluded.behavior_incidents, suspension_days = excluded.suspension_days,
      courses_failed = excluded.courses_failed, credits_earned = excluded.credits_earned`.execute(trx);
  // A student with two spans in a year carries the same flags on both; any 'Y' counts.
  await sql`
    INSERT INTO ews_audit_year (student_id, school_year, frl, el, iep, homeless)
    SELECT s.id, g.school_year::int, bool_or(g.frl = 'Y'), bool_or(g.el = 'Y'), bool_or(g.iep = 'Y'),
      bool_or(g.homeless = 'Y')
    FROM stage_ews_term g JOIN student s ON s.state_id = g.state_id
    JOIN school_year y ON y.end_year = g.school_year::int
    GROUP BY s.id, g.school_year
    ON CONFLICT (school_year, student_id) DO UPDATE SET frl = excluded.frl, el = excluded.el,
      iep = excluded.iep, homeless = excluded.homeless`.execute(trx);
  await sql`DROP TABLE stage_ews_term`.execute(trx);
  const n = Number(stored.numAffectedRows ?? 0);
  return { read, stored: n, skipped: read - n };
}

function* chunks(lines: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (line === '') continue;
    buffer.push(line);
    length += line.length + 1;
    if (length >= size) {
      yield buffer.join('\n') + '\n';
      buffer = [];
      length = 0;
    }
  }
  if (buffer.length) yield buffer.join('\n') + '\n';
}
