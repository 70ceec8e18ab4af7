/**
 * The open-finding counts of migration 0014 stay exact under every kind of write to `validation_finding`: plain
 * inserts, the run's upsert with a resolving update in the same statement, acknowledgements, resolves, reopens,
 * moves to another district, deletes and truncation. Each step compares the counts with a recount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { blockingFindings } from './dashboard.repository.ts';

let t: TestDatabase;
const YEAR = 2026;

type Count = { year: number; district: string; rule: string; fatals: number; warnings: number };

/** The maintained counts, zero rows left out. */
async function kept(): Promise<Count[]> {
  const r = await sql<Count>`SELECT school_year AS year, district_number AS district, rule_id AS rule,
      open_fatals AS fatals, open_warnings AS warnings
    FROM finding_open_count WHERE open_fatals > 0 OR open_warnings > 0 ORDER BY 1, 2, 3`.execute(t.db);
  return r.rows;
}

/** The same counts computed from the findings themselves. */
async function recount(): Promise<Count[]> {
  const r = await sql<Count>`SELECT school_year AS year, district_number AS district, rule_id AS rule,
      count(*) FILTER (WHERE severity = 'fatal')::int AS fatals,
      count(*) FILTER (WHERE severity = 'warning' AND acknowledged_at IS NULL)::int AS warnings
    FROM validation_finding WHERE resolved_at IS NULL
    GROUP BY 1, 2, 3
    HAVING count(*) FILTER (WHERE severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL)) > 0
    ORDER BY 1, 2, 3`.execute(t.db);
  return r.rows;
}

const exact = async () => {
  const counts = await kept();
  expect(counts).toEqual(await recount());
  return counts;
};

/** Inserts findings as (key, rule, severity, district) in one statement. */
async function insert(rows: [string, string, string, string][]) {
  await sql`INSERT INTO validation_finding (school_year, finding_key, rule_id, severity, district_number,
      record_table, message, first_run_id, last_run_id)
    SELECT ${YEAR}::int, k, r, s, d, 'enrollment', 'm', 1, 1
    FROM unnest(${rows.map((x) => x[0])}::text[], ${rows.map((x) => x[1])}::text[],
      ${rows.map((x) => x[2])}::text[], ${rows.map((x) => x[3])}::text[]) u(k, r, s, d)`.execute(t.db);
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe('finding_open_count (0014 triggers)', () => {
  it('counts inserted open fatals and warnings, not info findings', async () => {
    await insert([
      ['F1', 'ENR-001', 'fatal', '0001'],
      ['F2', 'ENR-001', 'fatal', '0001'],
      ['F3', 'ENR-001', 'fatal', '0002'],
      ['W1', 'ENR-002', 'warning', '0001'],
      ['W2', 'ENR-002', 'warning', '0001'],
      ['W3', 'ENR-002', 'warning', '0002'],
      ['I1', 'ENR-003', 'info', '0001'],
    ]);
    expect(await exact()).toEqual([
      { year: YEAR, district: '0001', rule: 'ENR-001', fatals: 2, warnings: 0 },
      { year: YEAR, district: '0001', rule: 'ENR-002', fatals: 0, warnings: 2 },
      { year: YEAR, district: '0002', rule: 'ENR-001', fatals: 1, warnings: 0 },
      { year: YEAR, district: '0002', rule: 'ENR-002', fatals: 0, warnings: 1 },
    ]);
  });

  it('follows acknowledgements and withdrawn acknowledgements', async () => {
    await sql`UPDATE validation_finding SET acknowledged_at = now(), acknowledged_by = 'x', acknowledgement_reason = 'ok'
      WHERE finding_key IN ('W1', 'W3')`.execute(t.db);
    const after = await exact();
    expect(after.find((c) => c.district === '0002' && c.rule === 'ENR-002')).toBeUndefined();
    expect(after.find((c) => c.district === '0001' && c.rule === 'ENR-002')?.warnings).toBe(1);
    await sql`UPDATE validation_finding SET acknowledged_at = NULL WHERE finding_key = 'W3'`.execute(t.db);
    await exact();
  });

  it('follows a run-shaped statement: upsert (new, reopened, changed) and resolve in one query', async () => {
    await sql`UPDATE validation_finding SET resolved_at = now() WHERE finding_key = 'F3'`.execute(t.db);
    expect((await exact()).some((c) => c.district === '0002' && c.fatals > 0)).toBe(false);
    // As validation-run.repository does: an INSERT … ON CONFLICT DO UPDATE and an UPDATE in two CTEs.
    await sql`
      WITH c(k, r, s, d) AS (VALUES ('F3', 'ENR-001', 'fatal', '0002'), ('F4', 'ENR-001', 'fatal', '0003'),
          ('W2', 'ENR-002', 'fatal', '0001'), ('F1', 'ENR-001', 'fatal', '0003')),
      w AS (
        INSERT INTO validation_finding (school_year, finding_key, rule_id, severity, district_number, record_table,
          message, first_run_id, last_run_id)
        SELECT ${YEAR}::int, k, r, s, d, 'enrollment', 'm2', 2, 2 FROM c
        ON CONFLICT (school_year, finding_key) DO UPDATE SET severity = excluded.severity,
          district_number = excluded.district_number, resolved_at = NULL, message = excluded.message,
          acknowledged_at = NULL
        RETURNING 1),
      r AS (UPDATE validation_finding SET resolved_at = now() WHERE finding_key = 'F2' RETURNING 1)
      SELECT (SELECT count(*) FROM w) + (SELECT count(*) FROM r) AS n`.execute(t.db);
    expect(await exact()).toEqual([
      { year: YEAR, district: '0001', rule: 'ENR-002', fatals: 1, warnings: 0 },
      { year: YEAR, district: '0002', rule: 'ENR-001', fatals: 1, warnings: 0 },
      { year: YEAR, district: '0002', rule: 'ENR-002', fatals: 0, warnings: 1 },
      { year: YEAR, district: '0003', rule: 'ENR-001', fatals: 2, warnings: 0 },
    ]);
  });

  it('leaves counts alone when a re-run only confirms findings', async () => {
    const before = await kept();
    await sql`UPDATE validation_finding SET last_seen = now(), last_run_id = 3`.execute(t.db);
    expect(await exact()).toEqual(before);
  });

  it('feeds the district blocking-findings view', async () => {
    expect(await blockingFindings(t.db, YEAR, '0002')).toEqual([
      { rule: 'ENR-001', severity: 'fatal', count: 1 },
      { rule: 'ENR-002', severity: 'warning', count: 1 },
    ]);
  });

  it('follows deletes and truncation', async () => {
    await sql`DELETE FROM validation_finding WHERE district_number = '0003' OR finding_key = 'W3'`.execute(
      t.db,
    );
    expect(await exact()).toEqual([
      { year: YEAR, district: '0001', rule: 'ENR-002', fatals: 1, warnings: 0 },
      { year: YEAR, district: '0002', rule: 'ENR-001', fatals: 1, warnings: 0 },
    ]);
    await sql`TRUNCATE validation_finding`.execute(t.db);
    expect(await exact()).toEqual([]);
    await insert([['F9', 'ENR-001', 'fatal', '0004']]);
    expect(await exact()).toEqual([
      { year: YEAR, district: '0004', rule: 'ENR-001', fatals: 1, warnings: 0 },
    ]);
  });
});
