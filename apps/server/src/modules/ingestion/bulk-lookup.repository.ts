/**
 * What the conversion load resolves in Node instead of joining staged text in SQL: student ids by state
 * ID, district links with their local IDs, and calendars. Each is read once per load, one statement each. Large ones come back as a single aggregated string rather than one row object per
 * entry: over PGlite's worker boundary that is the difference between one message and 200,000 objects.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Ids by state ID, keyed by the ID's numeric value (bulk-values.ts). */
export type IdsByStateId = Map<number, number>;

function parseStateIdPairs(text: string | null, into: IdsByStateId): IdsByStateId {
  // State IDs are exactly 9 digits (CHECK constraints), so `<state id><id>` needs no separator.
  if (text) for (const pair of text.split(',')) into.set(Number(pair.slice(0, 9)), Number(pair.slice(9)));
  return into;
}

/** Student ids by state ID, for students with an id above `afterId` (all when 0), added to `into`. */
export async function readStudentIds(
  trx: Executor,
  afterId = 0,
  into: IdsByStateId = new Map(),
): Promise<IdsByStateId> {
  const r = await sql<{ pairs: string | null }>`
    SELECT string_agg(state_id || id::text, ',') AS pairs FROM student WHERE id > ${afterId}`.execute(trx);
  return parseStateIdPairs(r.rows[0]?.pairs ?? null, into);
}

/** Every student-district link as [student id, district, local ID]. */
export async function readDistrictLinks(trx: Executor): Promise<[number, string, string | null][]> {
  // JSON because local IDs are free text: no separator is safe inside them.
  const r = await sql<{ links: string | null }>`
    SELECT json_agg(json_build_array(student_id, district_number, local_id))::text AS links
    FROM student_district`.execute(trx);
  const text = r.rows[0]?.links;
  return text ? (JSON.parse(text) as [number, string, string | null][]) : [];
}

/** How many students have an id above `afterId`, and the lowest and highest such id. */
export async function readIdRangeAfter(
  trx: Executor,
  afterId: number,
): Promise<{ count: number; min: number; max: number }> {
  const r = await sql<{ count: number; min: number | null; max: number | null }>`
    SELECT count(*) AS count, min(id) AS min, max(id) AS max FROM student WHERE id > ${afterId}`.execute(trx);
  const row = r.rows[0]!;
  return { count: Number(row.count), min: Number(row.min ?? 0), max: Number(row.max ?? 0) };
}

/** Calendar ids of a school year by `<school>\t<calendar number>`. */
export async function readCalendarIds(trx: Executor, schoolYear: number): Promise<Map<string, number>> {
  const r = await sql<{ school_number: string; calendar_number: string; id: number }>`
    SELECT school_number, calendar_number, id FROM calendar WHERE school_year = ${schoolYear}`.execute(trx);
  return new Map(r.rows.map((c) => [`${c.school_number}\t${c.calendar_number}`, Number(c.id)]));
}

/**
 * Each school's calendar for a year of history, whose files name no calendar: the regular one ('R'),
 * else the lowest calendar number.
 */
export async function readRegularCalendarIds(
  trx: Executor,
  schoolYear: number,
): Promise<Map<string, number>> {
  const r = await sql<{ school_number: string; id: number }>`
    SELECT DISTINCT ON (school_number) school_number, id FROM calendar WHERE school_year = ${schoolYear}
    ORDER BY school_number, (calendar_type = 'R') DESC, calendar_number`.execute(trx);
  return new Map(r.rows.map((c) => [c.school_number, Number(c.id)]));
}

/**
 * Keeps other writers out of the tables the load resolves in Node for the rest of the transaction
 * (readers still read): the ids it read stay the truth until it commits, as ON CONFLICT guaranteed
 * when the same work was one SQL statement.
 */
export async function lockForBulkLoad(trx: Executor, tables: readonly string[]): Promise<void> {
  for (const t of tables) if (!/^[a-z_]+$/.test(t)) throw new Error(`unsafe table name ${t}`);
  await sql.raw(`LOCK TABLE ${tables.join(', ')} IN SHARE ROW EXCLUSIVE MODE`).execute(trx);
}
