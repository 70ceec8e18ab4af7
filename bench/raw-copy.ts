/**
 * The yardstick of the load benchmarks: a raw COPY of `rows` enrollment-shaped rows into an empty table
 * of the enrollment table's shape (columns, defaults, checks and indexes: LIKE … INCLUDING ALL; foreign
 * keys are not copied). Returns seconds.
 */
import { sql } from 'kysely';
import { copyInto, type Database } from '../apps/server/src/db/database.ts';

const COLUMNS = [
  'student_id',
  'district_number',
  'school_number',
  'calendar_id',
  'school_year',
  'grade_level',
  'start_date',
  'start_status',
  'end_date',
  'end_status',
  'service_type',
  'no_show',
];

function* rowsOf(count: number): Generator<string> {
  for (let i = 0; i < count; i += 5000) {
    let chunk = '';
    for (let j = i; j < Math.min(count, i + 5000); j++)
      chunk += `${j % 150000},0001,0001,1,2026,05,2025-08-27,01,,,P,f\n`;
    yield chunk;
  }
}

/** Times a raw COPY of `count` rows into a fresh same-shape table (dropped afterwards). */
export async function rawCopySeconds(database: Database, count: number): Promise<number> {
  await sql`CREATE TABLE raw_copy_probe (LIKE enrollment INCLUDING ALL)`.execute(database.db);
  const started = performance.now();
  await copyInto(database.db, 'raw_copy_probe', COLUMNS, rowsOf(count));
  const seconds = (performance.now() - started) / 1000;
  await sql`DROP TABLE raw_copy_probe`.execute(database.db);
  return seconds;
}
