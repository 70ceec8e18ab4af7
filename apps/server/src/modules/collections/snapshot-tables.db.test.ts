import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { readMigrations } from '../../db/migrate.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { frozenRow, SNAPSHOT_SOURCES, snapshotTable, sourcesFor } from './snapshot-sources.ts';
import { frozenColumns, sourceColumns, takeSnapshots } from './snapshot.repository.ts';

// Typed snapshot tables (decision 0080): each source's snapshot table must keep every frozen column of its live
// table in the same type, so a migration that adds a column to a live source table and forgets the snapshot side
// fails here; the tables refuse changes; and migration 0019 carried the jsonb rows of earlier snapshots over.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

/** Column name → type of each table, from the catalog. */
async function columnTypes(tables: string[]): Promise<Map<string, Map<string, string>>> {
  const r = await sql<{ t: string; c: string; type: string }>`
    SELECT c.relname AS t, a.attname AS c, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relname = ANY (${tables}::text[]) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`.execute(
    t.db,
  );
  const out = new Map<string, Map<string, string>>();
  for (const x of r.rows) out.set(x.t, (out.get(x.t) ?? new Map()).set(x.c, x.type));
  return out;
}

describe('typed snapshot tables', () => {
  it('have every live column of their source (minus its bookkeeping) in the same type', async () => {
    const sources = [...SNAPSHOT_SOURCES.values()];
    const types = await columnTypes(sources.flatMap((s) => [s.table, snapshotTable(s)]));
    const missing: string[] = [];
    for (const s of sources) {
      const live = types.get(s.table) ?? new Map<string, string>();
      const frozen = types.get(snapshotTable(s));
      expect(frozen, `${snapshotTable(s)} exists`).toBeDefined();
      expect([...frozen!.keys()].slice(0, 3)).toEqual(
        expect.arrayContaining(['snapshot_id', 'record_key', 'digest']),
      );
      for (const [column, type] of live) {
        if (s.omit.includes(column) || column in s.extra) continue;
        if (frozen!.get(column) !== type)
          missing.push(
            `${s.table}.${column} ${type} → ${snapshotTable(s)}: ${frozen!.get(column) ?? 'none'}`,
          );
      }
      for (const column of Object.keys(s.extra))
        if (!frozen!.has(column)) missing.push(`${snapshotTable(s)}.${column} (extra field)`);
    }
    expect(missing, 'add these columns to the snapshot tables in the same migration').toEqual([]);
  });

  it('refuse UPDATE, DELETE and TRUNCATE and rows without a header, each of them', async () => {
    const r = await sql<{ t: string; n: number }>`
      SELECT c.relname AS t, count(*)::int AS n FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE c.relname LIKE 'snapshot\\_%' AND NOT g.tgisinternal GROUP BY 1`.execute(t.db);
    const triggers = new Map(r.rows.map((x) => [x.t, x.n]));
    for (const s of SNAPSHOT_SOURCES.values()) expect(triggers.get(snapshotTable(s)), s.table).toBe(3);
    expect(
      (
        await sql<{ t: string | null }>`SELECT to_regclass('certification_snapshot_row')::text AS t`.execute(
          t.db,
        )
      ).rows[0]!.t,
    ).toBeNull();
  });
});

describe('freezing after a live column was dropped', () => {
  it('leaves the snapshot column NULL and still digests the row', async () => {
    const d = (await sql<{ d: string }>`SELECT min(district_number) AS d FROM district`.execute(t.db))
      .rows[0]!.d;
    await sql`ALTER TABLE english_learner DROP COLUMN misidentified_date`.execute(t.db);
    const student = await sql<{ id: number }>`INSERT INTO student (state_id, last_name, first_name)
      VALUES ('100000777', 'Doe', 'Jo') RETURNING id`.execute(t.db);
    await sql`INSERT INTO english_learner (student_id, district_number, school_year, identified_date, el_status)
      VALUES (${student.rows[0]!.id}, ${d}, ${Y}, '2025-09-01', 'Y')`.execute(t.db);
    const event = await sql<{ id: number }>`INSERT INTO certification_event (school_year, name, types, level,
      event_start, certification_opens, due_date)
      VALUES (${Y}, 'EL', '{}', 'district', '2025-10-01', '2025-10-01', '2025-10-10') RETURNING id`.execute(
      t.db,
    );
    const taken = await takeSnapshots(t.db, {
      eventId: Number(event.rows[0]!.id),
      schoolYear: Y,
      takenBy: null,
      targets: [{ district: d, round: 0 }],
      sources: sourcesFor(['english-learners']),
    });
    const r = await sql<{ n: number; identified: string; mis: string | null; h: string }>`
      SELECT count(*)::int AS n, min(e.identified_date)::text AS identified, min(e.misidentified_date) AS mis,
        min(h.content_hash) AS h
      FROM snapshot_english_learner e JOIN certification_snapshot h ON h.id = e.snapshot_id
      WHERE e.snapshot_id = ${taken.get(d)!}`.execute(t.db);
    expect(r.rows[0]).toMatchObject({ n: 1, identified: '2025-09-01', mis: null });
    expect(r.rows[0]!.h).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('migration 0019', () => {
  it('carries the jsonb rows of earlier snapshots into the typed tables, decoded and digested', async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      const files = await readMigrations();
      const run = async (text: string) =>
        await empty.db.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
        });
      for (const f of files.filter((x) => x.version < 19)) await run(f.text);
      await run(`
        INSERT INTO school_year VALUES (2026, '2025-26', '2025-07-01', '2026-06-30');
        INSERT INTO district (district_number, name, level) VALUES ('0001', 'One', 'k12');
        INSERT INTO certification_event (school_year, name, types, level, event_start, certification_opens, due_date)
          VALUES (2026, 'Fall', '{}', 'district', '2025-10-01', '2025-10-01', '2025-10-10');
        INSERT INTO certification_snapshot (event_id, district_number, round, content_hash, row_count)
          SELECT id, '0001', 0, 'sealed', 2 FROM certification_event;
        INSERT INTO certification_snapshot_row (snapshot_id, template_id, record_key, row)
          SELECT id, 'student-demographics', '100000001', '{"id": 7, "state_id": "100000001", "last_name": "Doe",
            "first_name": "Jo", "birth_date": "2010-05-01", "hispanic": false, "local_id": "L1"}'::jsonb
          FROM certification_snapshot
          UNION ALL
          SELECT id, 'student-enrollment', '42', '{"id": 42, "student_id": 7, "school_year": 2026,
            "district_number": "0001", "start_date": "2025-08-20", "end_date": null}'::jsonb
          FROM certification_snapshot;`);
      const f19 = files.find((x) => x.version === 19)!;
      await run(f19.text);
      const demographics = SNAPSHOT_SOURCES.get('student-demographics')!;
      const row = frozenRow('s', frozenColumns(demographics, await sourceColumns(empty.db, [demographics])));
      const r = await sql<{
        state_id: string;
        birth_date: string;
        local_id: string;
        digest: string;
        ok: boolean;
      }>`
        SELECT state_id, birth_date::text AS birth_date, local_id, digest,
          digest = md5('student-demographics|100000001|' || ${sql.raw(row)}::text) AS ok
        FROM snapshot_student s`.execute(empty.db);
      expect(r.rows).toEqual([
        {
          state_id: '100000001',
          birth_date: '2010-05-01',
          local_id: 'L1',
          digest: expect.any(String),
          ok: true,
        },
      ]);
      const e = await sql<{ id: number; start_date: string; key: string }>`
        SELECT id::int AS id, start_date::text AS start_date, record_key AS key FROM snapshot_enrollment`.execute(
        empty.db,
      );
      expect(e.rows).toEqual([{ id: 42, start_date: '2025-08-20', key: '42' }]);
      const h = await sql<{ content_hash: string }>`SELECT content_hash FROM certification_snapshot`.execute(
        empty.db,
      );
      expect(h.rows[0]!.content_hash).toBe('sealed');
    } finally {
      await empty.drop();
    }
  });
});
