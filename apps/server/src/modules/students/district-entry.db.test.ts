import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { HandEntryResult, HandEntryUndo, StoredRows } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';

// Hand entry of the district's own records (staff, courses, sections, rosters; issue 9 §3) through the HTTP API
// on a real database: the same entry route and pipeline as student records, the stored rows listed back as
// layout cells for the edit form, an edit and its undo, and the rows of another district out of reach.

let t: TestDatabase;
let app: FastifyInstance;
let steward: Record<string, string>;
let outsider: Record<string, string>;
let D: string;
let school: string;
let calendar: string;
const YEAR = String(TEST_SCHOOL_YEAR);
const STAFF_ID = '700000123';

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    matching: await testMatchSettings(),
    schoolYear: TEST_SCHOOL_YEAR,
  });
  const place = await t.db
    .selectFrom('calendar')
    .innerJoin('school', 'school.school_number', 'calendar.school_number')
    .select(['school.district_number', 'school.school_number', 'calendar.calendar_number'])
    .where('calendar.school_year', '=', TEST_SCHOOL_YEAR)
    .orderBy('school.district_number')
    .executeTakeFirstOrThrow();
  [D, school, calendar] = [place.district_number, place.school_number, place.calendar_number];
  const other = D === '0001' ? '0002' : '0001';
  steward = await sessionHeaders(
    t,
    await createTestUser(t, 'steward@district-entry.test', [
      { role: 'district-steward', districtNumber: D, schoolNumber: null },
    ]),
  );
  outsider = await sessionHeaders(
    t,
    await createTestUser(t, 'outsider@district-entry.test', [
      { role: 'district-steward', districtNumber: other, schoolNumber: null },
    ]),
  );
  // Staff state IDs are issued by the state (educator licensing), never by a district's entry.
  await t.db
    .insertInto('staff')
    .values({ staff_state_id: STAFF_ID, last_name: 'Larkspur', first_name: 'Wren', gender: 'F' })
    .execute();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const enter = async (template: string, row: Record<string, string>, as = steward) => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/districts/${D}/entries/${template}`,
    headers: as,
    payload: { rows: [row] },
  });
  return { status: res.statusCode, body: res.json<HandEntryResult>() };
};
const stored = async (template: string, as = steward) => {
  const res = await app.inject({ url: `/api/v1/districts/${D}/stored-rows/${template}`, headers: as });
  return { status: res.statusCode, body: res.json<StoredRows>() };
};
// Functions: the district and calendar are chosen in beforeAll.
const section = () => ({ district_number: D, school_number: school, calendar_number: calendar });
const course = () => ({
  ...section(),
  course_number: 'HE101',
  course_name: 'Hand-entered Algebra',
  sced_subject_area: '02',
  sced_course_identifier: '052',
});

describe('hand entry of staff, courses, sections and rosters', () => {
  it('creates a course, a section, a teacher of record and a roster line, each listed back as cells', async () => {
    const made = await enter('course', course());
    expect(made.body.committed, JSON.stringify(made.body.findings)).toBe(true);
    expect(
      (await enter('section', { ...section(), course_number: 'HE101', section_number: '1' })).body.committed,
    ).toBe(true);
    const teacher = await enter('staff-history', {
      ...section(),
      course_number: 'HE101',
      section_number: '1',
      staff_state_id: STAFF_ID,
      role: '01',
      start_date: '08/27/2025',
      school_year: YEAR,
    });
    expect(teacher.body.committed, JSON.stringify(teacher.body.findings)).toBe(true);
    const employed = await enter('terms-of-employment', {
      district_number: D,
      staff_state_id: STAFF_ID,
      last_name: 'Larkspur',
      first_name: 'Wren',
      gender: 'F',
      employment_start_date: '08/01/2020',
      school_year: YEAR,
    });
    expect(employed.body.committed, JSON.stringify(employed.body.findings)).toBe(true);

    const pupil = await enter('student-demographics', {
      district_number: D,
      student_local_id: '880001',
      last_name: 'Rosterling',
      first_name: 'Ivy',
      gender: 'F',
      birth_date: '02/03/2010',
      hispanic: 'N',
      race_codes: '6',
    });
    expect(pupil.body.committed).toBe(true);
    const stateId = (await stored('student-demographics')).body.rows.find(
      (r) => r.student_local_id === '880001',
    )!.student_state_id!;
    const enrolled = await enter('student-enrollment', {
      ...section(),
      student_state_id: stateId,
      last_name: 'Rosterling',
      first_name: 'Ivy',
      grade_level: '09',
      start_date: '08/27/2025',
      start_status: '01',
      service_type: 'P',
      school_year: YEAR,
    });
    expect(enrolled.body.committed, JSON.stringify(enrolled.body.findings)).toBe(true);
    const line = { ...section(), course_number: 'HE101', section_number: '1', student_state_id: stateId };
    const rostered = await enter('roster', { ...line, start_date: '08/27/2025' });
    expect(rostered.body.committed, JSON.stringify(rostered.body.findings)).toBe(true);
    expect((await stored('roster')).body.rows).toEqual([expect.objectContaining(line)]);

    const courses = await stored('course');
    expect(courses.status).toBe(200);
    expect(courses.body.rows).toContainEqual(expect.objectContaining({ record_type: 'CU', ...course }));
    const staffRows = (await stored('staff-history')).body.rows;
    expect(staffRows).toEqual([
      expect.objectContaining({ staff_state_id: STAFF_ID, start_date: '08/27/2025' }),
    ]);
    expect((await stored('terms-of-employment')).body.rows).toEqual([
      expect.objectContaining({ last_name: 'Larkspur', employment_start_date: '08/01/2020' }),
    ]);
  });

  it('refuses a roster line for an unknown section with a finding on the field, and saves nothing', async () => {
    const out = await enter('roster', {
      ...section(),
      course_number: 'HE101',
      section_number: '9',
      student_state_id: '000000001',
      start_date: '08/27/2025',
    });
    expect(out.body.committed).toBe(false);
    expect(out.body.findings.some((f) => f.severity === 'fatal')).toBe(true);
    expect((await stored('roster')).body.rows.map((r) => r.section_number)).toEqual(['1']);
  });

  it('edits a stored row sent back unchanged but one cell, and the undo puts the old value back', async () => {
    const row = (await stored('course')).body.rows.find((r) => r.course_number === 'HE101')!;
    const same = await enter('course', row);
    expect(same.body).toMatchObject({ committed: true });
    const edited = await enter('course', { ...row, course_name: 'Algebra by hand' });
    expect(edited.body).toMatchObject({ committed: true, undoable: true });
    expect((await stored('course')).body.rows.map((r) => r.course_name)).toContain('Algebra by hand');
    const undo = await app.inject({
      method: 'POST',
      url: `/api/v1/districts/${D}/entries/undo`,
      headers: steward,
    });
    expect(undo.json<HandEntryUndo>()).toMatchObject({ kind: 'undone', template: 'course' });
    expect((await stored('course')).body.rows.map((r) => r.course_name)).toContain('Hand-entered Algebra');
  });

  it('keeps another district’s steward out of the rows and the entry', async () => {
    expect((await stored('course', outsider)).status).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/districts/${D}/entries/course`,
      headers: outsider,
      payload: { rows: [{ ...course(), course_name: 'Hijacked' }] },
    });
    expect(res.statusCode).toBe(403);
    expect((await stored('course')).body.rows.map((r) => r.course_name)).not.toContain('Hijacked');
  });

  it('answers 404 for a template that is not stored and truncates at the limit', async () => {
    const res = await app.inject({ url: `/api/v1/districts/${D}/stored-rows/no-such`, headers: steward });
    expect(res.statusCode).toBe(404);
    const one = await app.inject({
      url: `/api/v1/districts/${D}/stored-rows/course?limit=1`,
      headers: steward,
    });
    expect(one.json<StoredRows>()).toMatchObject({ truncated: false });
    await enter('course', { ...course(), course_number: 'HE102', course_name: 'Second course' });
    const two = await app.inject({
      url: `/api/v1/districts/${D}/stored-rows/course?limit=1`,
      headers: steward,
    });
    expect(two.json<StoredRows>()).toMatchObject({ truncated: true });
    expect(two.json<StoredRows>().rows).toHaveLength(1);
  });
});
