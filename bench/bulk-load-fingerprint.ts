/**
 * Content check for the conversion load: loads a generated state into a fresh database and prints row
 * counts of every table plus content fingerprints (md5 over ordered rows, timestamps left out) of the
 * tables the load writes. Run it before and after a change to the load and diff the output.
 *
 *   node bench/bulk-load-fingerprint.ts --dir DIR [--backend postgres|pglite] [--postgres URL]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../apps/server/src/db/database.ts';
import { initialize } from '../apps/server/src/commands/init.ts';
import { loadBaseline, loadDistrictFiles } from '../apps/server/src/modules/ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../apps/server/src/modules/organizations/organizations.setup.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    backend: { type: 'string', default: 'postgres' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
if (!values.dir) throw new Error('--dir is required');
const dir = resolve(values.dir);
const profileDir = resolve(import.meta.dirname, '../profiles/montana');
const year = 2026;

// Ordered by content, not by surrogate id, so the "by content" fingerprints hold whatever order rows
// were inserted in; the "with ids" ones also pin the ids (student ids are referenced everywhere).
const FINGERPRINTS: Record<string, string> = {
  student_with_ids: `SELECT md5(string_agg(concat_ws('|', id, state_id, last_name, first_name, middle_name, name_suffix, birth_date, gender, hispanic, race_codes), E'\\n' ORDER BY id)) FROM student`,
  student_district: `SELECT md5(string_agg(concat_ws('|', s.state_id, sd.district_number, sd.local_id, sd.last_seen_year), E'\\n' ORDER BY s.state_id, sd.district_number)) FROM student_district sd JOIN student s ON s.id = sd.student_id`,
  student_district_with_ids: `SELECT md5(string_agg(concat_ws('|', student_id, district_number, local_id, last_seen_year), E'\\n' ORDER BY district_number, student_id)) FROM student_district`,
  enrollment: `SELECT md5(string_agg(r, E'\\n' ORDER BY r)) FROM (SELECT concat_ws('|', s.state_id, e.district_number, e.school_number, c.calendar_number, e.school_year, e.grade_level, e.start_date, e.start_status, e.end_date, e.end_status, e.service_type, e.no_show) AS r FROM enrollment e JOIN student s ON s.id = e.student_id JOIN calendar c ON c.id = e.calendar_id) x`,
  enrollment_student_ids: `SELECT md5(string_agg(r, E'\\n' ORDER BY r)) FROM (SELECT concat_ws('|', e.student_id, e.calendar_id, e.start_date, e.grade_level) AS r FROM enrollment e) x`,
  enrollment_with_ids: `SELECT md5(string_agg(concat_ws('|', id, student_id, calendar_id, start_date, grade_level), E'\\n' ORDER BY id)) FROM enrollment`,
  staff_with_ids: `SELECT md5(string_agg(concat_ws('|', id, staff_state_id, last_name, first_name, gender, birth_date), E'\\n' ORDER BY id)) FROM staff`,
  staff: `SELECT md5(string_agg(concat_ws('|', staff_state_id, last_name, first_name, gender, birth_date), E'\\n' ORDER BY staff_state_id)) FROM staff`,
  staff_district: `SELECT md5(string_agg(concat_ws('|', st.staff_state_id, d.district_number, d.school_year), E'\\n' ORDER BY st.staff_state_id, d.district_number, d.school_year)) FROM staff_district d JOIN staff st ON st.id = d.staff_id`,
  student_state_id_seq: `SELECT last_value::text FROM student_state_id_seq`,
  schema_indexes: `SELECT md5(string_agg(indexdef, E'\\n' ORDER BY indexname)) FROM pg_indexes WHERE schemaname = 'public'`,
  schema_constraints: `SELECT md5(string_agg(conname || ' ' || pg_get_constraintdef(oid), E'\\n' ORDER BY conname)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
};

async function fingerprint(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(
    database.db,
  );
  for (const t of tables.rows) {
    const r = await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM "${t.name}"`).execute(database.db);
    const n = Number(r.rows[0]!.n);
    if (n > 0) out[`rows.${t.name}`] = String(n);
  }
  for (const [name, query] of Object.entries(FINGERPRINTS)) {
    const r = await sql.raw<Record<string, string>>(query).execute(database.db);
    out[name] = String(Object.values(r.rows[0]!)[0]);
  }
  return out;
}

async function run(database: Database): Promise<void> {
  const profile = await loadProfile(profileDir);
  if (!profile.ok) throw new Error('profile does not load');
  await initialize(database, profileDir, year);
  const t0 = performance.now();
  await loadBaseline(database, dir, async (y) => {
    const org = await organizationFromProfile(profileDir, y);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  await loadDistrictFiles(database, profile.value, dir, year);
  console.error(`${database.kind} load ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const [k, v] of Object.entries(await fingerprint(database))) console.log(`${k}\t${v}`);
}

if (values.backend === 'pglite') {
  const liteDir = await mkdtemp(join(tmpdir(), 'bitterroot-fp-pglite-'));
  try {
    const database = await openDatabase(liteDir);
    await run(database);
    await database.close();
  } finally {
    await rm(liteDir, { recursive: true, force: true });
  }
} else {
  const name = `bitterroot_fp_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const u = new URL(values.postgres);
    u.pathname = `/${name}`;
    const database = await openDatabase(u.toString());
    await run(database);
    await database.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
