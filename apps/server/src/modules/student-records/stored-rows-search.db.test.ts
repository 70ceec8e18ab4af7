import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { StoredRows } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';

// Search, sort and keyset pages of a district's stored rows (decision 0074) over HTTP on a real database: 650
// courses in one district (more than the old 500-row list), a text filter over the key and name columns, a sort
// by name both ways, pages that together are every row once, and another district's rows out of reach.

let t: TestDatabase;
let app: FastifyInstance;
let steward: Record<string, string>;
let outsider: Record<string, string>;
let D: string;
let other: string;
const N = 650;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: TEST_SCHOOL_YEAR });
  const calendars = await sql<{ id: number; d: string; school: string }>`
    SELECT DISTINCT ON (s.district_number) c.id::int AS id, s.district_number AS d, s.school_number AS school
    FROM calendar c JOIN school s ON s.school_number = c.school_number
    WHERE c.school_year = ${TEST_SCHOOL_YEAR} ORDER BY s.district_number, c.id LIMIT 2`.execute(t.db);
  const [mine, theirs] = calendars.rows;
  [D, other] = [mine!.d, theirs!.d];
  // Course names run backwards against course numbers, so sorting by name is not the stored order.
  for (const [c, n, prefix] of [
    [mine!, N, 'Course'],
    [theirs!, 5, 'Elsewhere'],
  ] as const)
    await sql`
      INSERT INTO course (calendar_id, school_number, district_number, school_year, course_number, course_name,
        sced_subject_area, sced_course_identifier)
      SELECT ${c.id}::bigint, ${c.school}, ${c.d}, ${TEST_SCHOOL_YEAR}::int, 'C' || lpad(i::text, 4, '0'),
        ${prefix} || ' ' || lpad((${n}::int - i)::text, 4, '0') || CASE WHEN i % 100 = 7 THEN ' Geometry' ELSE '' END,
        '02', '987'
      FROM generate_series(1, ${n}::int) i`.execute(t.db);
  steward = await sessionHeaders(
    t,
    await createTestUser(t, 'steward@stored-rows-search.test', [
      { role: 'district-steward', districtNumber: D, schoolNumber: null },
    ]),
  );
  outsider = await sessionHeaders(
    t,
    await createTestUser(t, 'outsider@stored-rows-search.test', [
      { role: 'district-steward', districtNumber: other, schoolNumber: null },
    ]),
  );
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const list = async (query: Record<string, string>, as = steward, district = D) => {
  const res = await app.inject({
    url: `/api/v1/districts/${district}/stored-rows/course?${new URLSearchParams(query)}`,
    headers: as,
  });
  return { status: res.statusCode, body: res.json<StoredRows>() };
};

/** Every page of a query, following `next`. */
async function allPages(query: Record<string, string>): Promise<StoredRows[]> {
  const pages: StoredRows[] = [];
  let after: string | null | undefined;
  do {
    const { status, body } = await list({ ...query, ...(after ? { after } : {}) });
    expect(status).toBe(200);
    pages.push(body);
    after = body.next;
  } while (after);
  return pages;
}

describe('stored rows: search, sort and keyset pages', () => {
  it('pages through more than 500 rows, each row once, with the total on every page', async () => {
    const pages = await allPages({ limit: '200' });
    expect(pages.map((p) => p.rows.length)).toEqual([200, 200, 200, 50]);
    expect(pages.every((p) => p.total === N)).toBe(true);
    expect(pages.map((p) => p.truncated)).toEqual([true, true, true, false]);
    const numbers = pages.flatMap((p) => p.rows.map((r) => r.course_number));
    expect(new Set(numbers).size).toBe(N);
    expect(numbers[0]).toBe('C0001');
    expect(pages[0]!.searchable).toEqual(
      expect.arrayContaining(['school_number', 'calendar_number', 'course_number', 'course_name']),
    );
    expect(pages[0]!.searchable).not.toContain('district_number');
  });

  it('sorts by a searchable column both ways, across pages', async () => {
    const up = (await allPages({ limit: '300', sort: 'course_name' })).flatMap((p) => p.rows);
    expect(up).toHaveLength(N);
    expect(up[0]!.course_name).toBe('Course 0000');
    const names = up.map((r) => r.course_name!);
    expect(names).toEqual([...names].sort());
    const down = (await allPages({ limit: '300', sort: 'course_name', order: 'desc' })).flatMap(
      (p) => p.rows,
    );
    expect(down.map((r) => r.course_number)).toEqual(up.map((r) => r.course_number).reverse());
  });

  it('filters by text in a key or name column, case-insensitively, and counts the matches', async () => {
    const { body } = await list({ q: 'geometry' });
    expect(body.total).toBe(7);
    expect(body.rows).toHaveLength(7);
    expect(body.rows.every((r) => r.course_name!.endsWith('Geometry'))).toBe(true);
    expect(body.next).toBeNull();
    const byNumber = await list({ q: 'c064' });
    expect(byNumber.body.rows.map((r) => r.course_number)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `C064${i}`),
    ]);
    // Wildcards are text: nothing has a percent sign in it.
    expect((await list({ q: '%' })).body.total).toBe(0);
    // A column outside the key and name columns is not searched (every course has SCED identifier 987).
    expect((await list({ q: '987' })).body.total).toBe(0);
    const paged = await allPages({ q: 'course 01', limit: '40', sort: 'course_name' });
    expect(paged.flatMap((p) => p.rows)).toHaveLength(100);
  });

  it('never shows another district, and refuses a bad sort or cursor', async () => {
    expect((await list({}, outsider)).status).toBe(403);
    const theirs = await list({ q: 'Elsewhere' }, outsider, other);
    expect(theirs.body.total).toBe(5);
    expect((await list({ q: 'Elsewhere' })).body.total).toBe(0);
    expect((await list({ sort: 'sced_subject_area' })).status).toBe(400);
    expect((await list({ after: 'not-a-cursor' })).status).toBe(400);
  });
});
