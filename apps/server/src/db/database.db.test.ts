import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { copyInto, csvChunks } from './database.ts';
import { migrateToLatest, readMigrations } from './migrate.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe('type parsing is identical on both databases', () => {
  it('keeps dates as YYYY-MM-DD, counts as numbers, numerics as strings, timestamps as ISO UTC', async () => {
    const r = await sql<{ d: string; n: number; big: number; num: string; ts: string }>`
      SELECT '2016-04-01'::date AS d, count(*) AS n, 9007199254740991::int8 AS big, 0.75::numeric(4,2) AS num,
             '2026-01-02 03:04:05+00'::timestamptz AS ts FROM district`.execute(t.db);
    expect(r.rows[0]).toEqual({
      d: '2016-04-01',
      n: 397,
      big: 9007199254740991,
      num: '0.75',
      ts: '2026-01-02T03:04:05.000Z',
    });
  });

  it('refuses an int8 beyond the safe integer range instead of rounding it', async () => {
    await expect(sql`SELECT 9007199254740993::int8 AS x`.execute(t.db)).rejects.toThrow(/safe integer/);
  });

  it('keeps a birth date exact whatever the time zone', async () => {
    const r = await sql<{ d: string }>`SELECT ${'2008-02-29'}::date AS d`.execute(t.db);
    expect(r.rows[0]!.d).toBe('2008-02-29');
  });
});

describe('the embedded database runs off the main event loop', () => {
  it('keeps timers firing while a slow query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await sql`SELECT pg_sleep(0.6)`.execute(t.db);
    clearInterval(timer);
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    // A blocked loop would tick once at most; allow for a slow, shared CI machine.
    expect(ticks).toBeGreaterThan(20);
  });
});

describe('transactions', () => {
  it('roll back every statement when one fails, and report the SQLSTATE', async () => {
    const before = await t.db
      .selectFrom('school_year')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const failure = await t.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('school_year')
          .values({ end_year: 2031, label: '2030-31', start_date: '2030-07-01', end_date: '2031-06-30' })
          .execute();
        await trx
          .insertInto('school_year')
          .values({ end_year: 2031, label: 'dup', start_date: '2030-07-01', end_date: '2031-06-30' })
          .execute();
      })
      .catch((e: { code?: string }) => e);
    expect(failure).toMatchObject({ code: '23505' });
    const after = await t.db
      .selectFrom('school_year')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('serialise concurrent work without interleaving a transaction', async () => {
    const results = await Promise.all([
      t.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('school_year')
          .values({ end_year: 2040, label: '2039-40', start_date: '2039-07-01', end_date: '2040-06-30' })
          .execute();
        return (await trx.selectFrom('school_year').select('end_year').where('end_year', '=', 2040).execute())
          .length;
      }),
      t.db
        .selectFrom('district')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    expect(results[0]).toBe(1);
    expect(results[1].n).toBe(397);
  });
});

describe('COPY bulk load', () => {
  it('loads many rows inside a transaction and counts them', async () => {
    await sql`CREATE TABLE copy_probe (id integer, name text, born date, note text)`.execute(t.db);
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        [
          i,
          i % 7 === 0 ? 'Peña, "Nguyễn"' : `n${i}`,
          '2010-01-31',
          i % 5 === 0 ? null : 'line\nbreak',
        ] as const,
    );
    const n = await t.db
      .transaction()
      .execute(
        async (trx) =>
          await copyInto(trx, 'copy_probe', ['id', 'name', 'born', 'note'], csvChunks(rows, 3000)),
      );
    expect(n).toBe(20_000);
    const check = await sql<{ n: number; nulls: number; name: string; note: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE note IS NULL) AS nulls,
             (SELECT name FROM copy_probe WHERE id = 7) AS name, (SELECT note FROM copy_probe WHERE id = 1) AS note
      FROM copy_probe`.execute(t.db);
    expect(check.rows[0]).toEqual({ n: 20_000, nulls: 4000, name: 'Peña, "Nguyễn"', note: 'line\nbreak' });
  });

  it('leaves nothing behind when the transaction fails after the COPY', async () => {
    await sql`CREATE TABLE copy_atomic (id integer PRIMARY KEY)`.execute(t.db);
    const failed = await t.db
      .transaction()
      .execute(async (trx) => {
        await copyInto(trx, 'copy_atomic', ['id'], csvChunks(Array.from({ length: 1000 }, (_, i) => [i])));
        await sql`INSERT INTO copy_atomic VALUES (5)`.execute(trx);
      })
      .then(
        () => false,
        () => true,
      );
    expect(failed).toBe(true);
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM copy_atomic`.execute(t.db);
    expect(r.rows[0]!.n).toBe(0);
  });
});

describe('migrations', () => {
  it('apply to an empty database once, then report nothing to do', async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      const files = await readMigrations();
      expect(await migrateToLatest(empty.db)).toEqual({
        kind: 'migrated',
        applied: files.map((f) => f.version),
      });
      expect(await migrateToLatest(empty.db)).toEqual({ kind: 'migrated', applied: [] });
    } finally {
      await empty.drop();
    }
  });

  it('stop when an applied migration was edited (migrations are frozen)', async () => {
    await sql`UPDATE schema_migration SET checksum = 'edited' WHERE version = 1`.execute(t.db);
    expect(await migrateToLatest(t.db)).toEqual({ kind: 'modified', version: 1, name: 'foundation' });
  });
});
