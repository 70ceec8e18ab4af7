import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { buildApp } from '../../http/app.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';
import { loadSmallBaseline, uploadGeneratedDistrict } from '../../../test/generated-state.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { injectAs, testerHeaders } from '../../../test/test-users.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { tsvRow, writeMontanaFile } from '../../../test/upload-files.ts';
import { writeExtract } from './extract.service.ts';
import { extractPages } from './record-extract.repository.ts';
import { RECORD_STORES } from './record-stores.ts';

// Every template extracted from a realistic district and uploaded again through the real pipeline must
// change nothing at all: no insert, no update, and every stored row byte-identical (ids, batch, timestamps).
// District A is round-tripped; district B shares a student with A and must never see A's data.
const A = '0080';
const B = '0016';
const TEMPLATES = ['student-demographics', 'student-enrollment', ...RECORD_STORES.map((s) => s.template)];
const SHARED_LOCAL_ID = '987654321012345';

let t: TestDatabase;
let profile: Profile;
let dir: string;
let app: FastifyInstance;
let api: ReturnType<typeof injectAs>;
let sharedStateId: string;
const setup: UploadResult[] = [];

/** A hash of every table an upload may write, over whole rows (so a rewrite of an unchanged row shows). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = ['student', 'student_district', 'staff', 'enrollment', ...RECORD_STORES.map((s) => s.table)];
  const out: Record<string, string> = {};
  for (const table of [...new Set(tables)]) {
    const r = await sql<{ h: string }>`
      SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) || ':' || count(*) AS h FROM ${sql.table(table)} x`.execute(
      t.db,
    );
    out[table] = r.rows[0]!.h;
  }
  return out;
}

async function upload(district: string, path: string, templateId?: string): Promise<UploadResult> {
  return await runUpload(t, profile, {
    path,
    fileName: path.slice(path.lastIndexOf('/') + 1),
    district,
    schoolYear: TEST_SCHOOL_YEAR,
    templateId,
    dryRun: false,
  });
}

/** Rows the generator never writes (extracurricular) and cells that need quoting or formula neutralising. */
async function uploadHandMade(): Promise<void> {
  const en = await sql<{ s: string; school: string; cal: string }>`
    SELECT x.state_id AS s, c.school_number AS school, c.calendar_number AS cal FROM enrollment e
    JOIN student x ON x.id = e.student_id JOIN calendar c ON c.id = e.calendar_id
    WHERE e.district_number = ${A} AND e.school_year = ${TEST_SCHOOL_YEAR} ORDER BY e.id LIMIT 3`.execute(
    t.db,
  );
  const where = { district_number: A, school_number: en.rows[0]!.school, calendar_number: en.rows[0]!.cal };
  const ec = en.rows.map((r, i) =>
    tsvRow(profile, 'extracurricular', {
      ...where,
      school_number: r.school,
      calendar_number: r.cal,
      student_state_id: r.s,
      last_name: 'X',
      first_name: 'Y',
      completed_activities: String(i + 1),
      school_year: String(TEST_SCHOOL_YEAR),
    }),
  );
  setup.push(await upload(A, await writeMontanaFile('ec.tsv', ec)));
  const course = (n: string, name: string, credit: string) =>
    tsvRow(profile, 'course', {
      ...where,
      course_number: n,
      course_name: name,
      sced_subject_area: '01',
      sced_course_identifier: '001',
      carnegie_unit_credit: credit,
      distance_class: 'Y',
    });
  // EWS student data (decision 0071): students not in the system, keyed by local ID and as-of date.
  const ew = ['EW-1', 'EW-2'].map((localId, i) =>
    tsvRow(profile, 'ews-student-data', {
      district_number: A,
      school_number: en.rows[0]!.school,
      student_local_id: localId,
      grade_level: i === 0 ? '08' : '10',
      as_of_date: '02/01/2026',
      birth_date: '04/04/2011',
      days_enrolled: '100.5',
      days_absent: '7',
      behavior_events: '1',
      suspension_days: '0',
      course_failures: '0',
      credits_earned: i === 0 ? '' : '12.50',
      school_changes_this_year: '1',
      school_changes_last_year: '0',
      district_changes_this_year: '0',
      district_changes_last_year: '0',
      race_codes: '2,5',
      frl: 'Y',
      school_year: String(TEST_SCHOOL_YEAR),
    }),
  );
  setup.push(await upload(A, await writeMontanaFile('ew.tsv', ew)));
  const cu = [course('X-1', '"""Quoted"" title, with comma"', '1.50'), course('X-2', '=SUM(A1)', '0.250')];
  setup.push(await upload(A, await writeMontanaFile('cu.tsv', cu)));
}

/** Links one of A's students to B under another local ID, as a move between districts would. */
async function shareStudentWithB(): Promise<void> {
  const path = join(dir, 'a-sd.tsv');
  await writeExtract(t.db, profile, extractOf(A, 'student-demographics'), path);
  const row = (await readFile(path, 'utf8')).split('\n')[1]!.split('\t');
  sharedStateId = row[2]!;
  row[1] = B;
  row[3] = SHARED_LOCAL_ID;
  setup.push(await upload(B, await writeMontanaFile('b-sd.tsv', [row.join('\t')])));
}

const extractOf = (district: string, templateId: string, format: 'tsv' | 'csv' = 'tsv') => ({
  district,
  templateId,
  format,
  schoolYear: TEST_SCHOOL_YEAR,
});

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-extract-'));
  await loadSmallBaseline(t, dir);
  for (const d of [A, B]) setup.push(...(await uploadGeneratedDistrict(t, profile, dir, d)));
  await uploadHandMade();
  await shareStudentWithB();
  app = await buildApp({ database: t, profile, schoolYear: TEST_SCHOOL_YEAR });
  api = injectAs(app, await testerHeaders(t));
}, 300_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('extracts in the template layout', () => {
  it('cover every template of the profile, on a state whose setup uploads all committed', () => {
    expect([...TEMPLATES].sort()).toEqual(profile.templates.map((x) => x.id).sort());
    const refused = setup.filter((r) => r.status !== 'committed');
    for (const r of refused) expect(r.findings.map((f) => f.code)).toEqual(['FILE-NO-ROWS']);
  });

  it.each(TEMPLATES)('%s: the extract re-uploads with nothing inserted, updated or rewritten', async (id) => {
    const path = join(dir, `${A}-${id}.tsv`);
    const written = await writeExtract(t.db, profile, extractOf(A, id), path);
    expect(written.kind).toBe('written');
    const rows = written.kind === 'written' ? written.rows : 0;
    expect(rows).toBeGreaterThan(0);
    const before = await fingerprint();
    const r = await upload(A, path);
    expect(r.status, JSON.stringify(r.findings.slice(0, 3))).toBe('committed');
    expect(r.findings).toEqual([]);
    expect(r.rows).toBe(rows);
    const changed = Object.entries(r.summary).filter(([k, v]) => k !== 'unchanged' && v !== 0);
    expect(changed, JSON.stringify(r.summary)).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('pages give the same rows as one page, also when parent conditions empty a page', async () => {
    const all = async (id: string, size: number) => {
      const rows: string[][] = [];
      const template = profile.templates.find((x) => x.id === id)!;
      for await (const page of extractPages(
        t.db,
        template,
        { district: A, schoolYear: TEST_SCHOOL_YEAR },
        size,
      )!)
        rows.push(...page);
      return rows;
    };
    for (const id of TEMPLATES) expect(await all(id, 7), id).toEqual(await all(id, 5000));
  });

  it('still replaces the behavior year: a row the file drops is deleted, the others stay untouched', async () => {
    const path = join(dir, 'behavior-all.tsv');
    await writeExtract(t.db, profile, extractOf(A, 'behavior'), path);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    const kept = lines.length - 2;
    const fewer = await upload(A, await writeMontanaFile('bh.tsv', lines.slice(1, -1)));
    expect(fewer.summary).toEqual({ replaced: 1, inserted: 0, updated: 0, unchanged: kept });
    const back = await upload(A, path);
    expect(back.summary).toEqual({ replaced: 0, inserted: 1, updated: 0, unchanged: kept });
  });

  it('writes cells the Montana reader takes back: quotes, trimmed decimals, Y/N, MM/DD/YYYY', async () => {
    const path = join(dir, 'course.tsv');
    await writeExtract(t.db, profile, extractOf(A, 'course'), path, new Date(2026, 0, 5, 9, 7, 3));
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines[0]).toBe('HD\t01/05/2026\t09:07:03\tMT9.1');
    expect(lines.find((l) => l.includes('\tX-1\t'))).toContain(
      '\t"""Quoted"" title, with comma"\t01\t001\t\t\t1.5\t\t\t\tY\t\t',
    );
    expect(lines.find((l) => l.includes('\tX-2\t'))).toContain('\t=SUM(A1)\t01\t001\t\t\t0.25\t');
  });
});

describe('extracts over HTTP', () => {
  const get = (url: string) => api({ method: 'GET', url });
  const rowsOf = (body: string) =>
    body
      .split('\n')
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => l.split('\t'));

  it('streams the Montana TSV with its HD row and only the district’s own rows', async () => {
    const aOnly = await sql<{ s: string }>`
      SELECT x.state_id AS s FROM student_district a JOIN student x ON x.id = a.student_id WHERE a.district_number = ${A}
        AND NOT EXISTS (SELECT 1 FROM student_district b WHERE b.student_id = a.student_id AND b.district_number = ${B})`.execute(
      t.db,
    );
    const forbidden = new Set(aOnly.rows.map((r) => r.s));
    expect(forbidden.size).toBeGreaterThan(0);
    for (const id of TEMPLATES) {
      const res = await get(`/api/v1/districts/${B}/extracts/${id}.tsv`);
      expect(res.statusCode, id).toBe(200);
      expect(res.headers['content-type']).toBe('text/tab-separated-values; charset=utf-8');
      expect(res.body.split('\n')[0]).toMatch(/^HD\t\d{2}\/\d{2}\/\d{4}\t\d{2}:\d{2}:\d{2}\tMT9\.1$/);
      const stateCol = profile.templates
        .find((x) => x.id === id)!
        .columns.findIndex((c) => c.key === 'student_state_id');
      for (const row of rowsOf(res.body)) {
        expect(row[1], id).toBe(B);
        if (stateCol >= 0) expect(forbidden.has(row[stateCol]!), `${id} ${row[stateCol]}`).toBe(false);
      }
    }
    const sdOf = async (d: string) =>
      rowsOf((await get(`/api/v1/districts/${d}/extracts/student-demographics.tsv`)).body).find(
        (r) => r[2] === sharedStateId,
      )!;
    expect((await sdOf(B))[3]).toBe(SHARED_LOCAL_ID);
    expect((await sdOf(A))[3]).not.toBe(SHARED_LOCAL_ID);
  });

  it('serves CSV with a label header and formula cells neutralised', async () => {
    const res = await get(`/api/v1/districts/${A}/extracts/course.csv?schoolYear=${TEST_SCHOOL_YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`${A}-course-${TEST_SCHOOL_YEAR}.csv`);
    expect(
      res.body.startsWith('\uFEFFRecord Type,District Number,School Number,Calendar Number,Course Number,'),
    ).toBe(true);
    expect(res.body).toContain(",'=SUM(A1),");
    expect(res.body).toContain(',"""Quoted"" title, with comma",');
    expect(res.body).not.toMatch(/(^|,)[=+@]/m);
  });

  it('answers 404 problem details for an unknown template or district', async () => {
    for (const url of [
      `/api/v1/districts/${A}/extracts/no-such-template.tsv`,
      '/api/v1/districts/9999/extracts/course.tsv',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(`/api/v1/districts/${A}/extracts/course.xlsx`)).statusCode).toBe(400);
  });
});
