import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { flag, isoDate, lpad9, paddedIdNumber, stateIdNumber, stateIdText } from './bulk-values.ts';
import { tsvRowBatches } from './tsv-rows.ts';
import { copyInto, copyTextChunks } from '../../db/database.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The conversion load types cells in Node instead of in SQL; these must agree with the SQL they
// replaced (br_to_date, the staged flag CASE, lpad) on every input, on both databases.
const DATES = [
  '2024-02-29',
  '2023-02-29',
  '1900-01-01',
  '1899-12-31',
  '2100-12-31',
  '2101-01-01',
  '2024-04-31',
  '2024-4-3',
  '4/3/2024',
  '04/03/2024',
  '12/31/2025',
  '13/01/2025',
  '02/30/2024',
  '0/1/2024',
  '2024-00-10',
  '2024-13-01',
  '2024/01/01',
  '20240101',
  'tomorrow',
  '2024-01-1x',
  '1/1/99',
  '01/01/2024 ',
  '',
];
const FLAGS = ['Y', 'y', 'YES', 'yes', '1', 'TRUE', 'true', 'x', 'N', 'no', '0', 'FALSE', 'maybe', 'T', ''];
const IDS = [
  '1',
  '000000001',
  '123456789',
  '1234567890',
  '123456789x',
  '12345678x',
  '12345',
  'abc',
  '12 34',
  '0',
  '٣',
  '',
];

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function sqlValues<T>(expression: string, inputs: string[]): Promise<T[]> {
  const r = await sql
    .raw<{ v: T }>(
      `SELECT ${expression} AS v FROM unnest(ARRAY[${inputs.map((i) => `'${i}'`).join(',')}]::text[]) WITH ORDINALITY AS x(c, n) ORDER BY n`,
    )
    .execute(t.db);
  return r.rows.map((row) => row.v);
}

describe('cells typed in Node', () => {
  it('read dates exactly as br_to_date does', async () => {
    const expected = await sqlValues<string | null>(`br_to_date(nullif(c, ''))::text`, DATES);
    expect(DATES.map((d) => isoDate(d.trim() === '' ? null : d.trim()))).toEqual(expected);
  });

  it('read flags exactly as the staged flag CASE does', async () => {
    const expected = await sqlValues<boolean | null>(
      `CASE WHEN upper(btrim(c)) IN ('Y','YES','1','TRUE','X') THEN true WHEN upper(btrim(c)) IN ('N','NO','0','FALSE') THEN false END`,
      FLAGS,
    );
    expect(FLAGS.map((f) => flag(f === '' ? null : f))).toEqual(expected);
  });

  it('read state IDs as lpad and the format check did', async () => {
    const padded = await sqlValues<string | null>(`lpad(nullif(c, ''), 9, '0')`, IDS);
    const wellFormed = await sqlValues<boolean>(`c ~ '^\\d{1,9}$'`, IDS);
    const cellOf = (i: string) => (i === '' ? null : i);
    expect(IDS.map((i) => (i === '' ? null : lpad9(i)))).toEqual(padded);
    // Looked up by number: the padded text when it is all digits (a student's state_id always is).
    expect(IDS.map((i) => paddedIdNumber(cellOf(i)))).toEqual(
      padded.map((p) => (p !== null && /^[0-9]{9}$/.test(p) ? Number(p) : null)),
    );
    expect(IDS.map((i) => stateIdNumber(cellOf(i)) !== null)).toEqual(wellFormed);
    for (const [i, ok] of IDS.map((id, k) => [id, wellFormed[k]] as const))
      if (ok) expect(stateIdText(stateIdNumber(i)!)).toBe(lpad9(i));
  });

  it('survive COPY text format with backslashes, tabs and accents', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulk-values-'));
    try {
      const file = join(dir, 'f.tsv');
      await writeFile(file, '\uFEFFHD\t1\r\nSD\tPeña\\N\tx\r\n\r\nSD\tNguyễn\rSD\t  \t\n');
      const rows: (string | null)[][] = [];
      for await (const batch of tsvRowBatches(file, { skipHeader: 'hd', width: 3 }))
        for (const cells of batch) rows.push(cells.map((c) => (c.trim() === '' ? null : c.trim())));
      expect(rows).toEqual([
        ['SD', 'Peña\\N', 'x'],
        ['SD', 'Nguyễn'],
        ['SD', null, null],
      ]);
      await sql`CREATE TABLE copy_text (a text, b text, c text)`.execute(t.db);
      await copyInto(
        t.db,
        'copy_text',
        ['a', 'b', 'c'],
        copyTextChunks([rows.map((r) => [r[0], r[1], r[2] ?? null])]),
        'text',
      );
      const back = await sql<{ b: string | null }>`SELECT b FROM copy_text`.execute(t.db);
      expect(back.rows.map((r) => r.b)).toEqual(['Peña\\N', 'Nguyễn', null]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
