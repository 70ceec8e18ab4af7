import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { HandEntryResult, HandEntryUndo } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';

// Undo of hand entries and the school user's scope, through the HTTP API on a real database.

let t: TestDatabase;
let app: FastifyInstance;
const who: Record<string, Record<string, string>> = {};
let schoolA: string;
let schoolB: string;

let D: string;

const calendarOf: Record<string, string> = {};

/** A district with two schools with calendars this year (so a school user has a neighbour). */
async function twoSchoolDistrict(): Promise<[string, string, string]> {
  const rows = await t.db
    .selectFrom('calendar')
    .innerJoin('school', 'school.school_number', 'calendar.school_number')
    .select(['school.district_number', 'school.school_number', 'calendar.calendar_number'])
    .where('calendar.school_year', '=', TEST_SCHOOL_YEAR)
    .orderBy('school.district_number')
    .orderBy('school.school_number')
    .execute();
  const byDistrict = Map.groupBy(rows, (r) => r.district_number);
  const [district, schools] = [...byDistrict].find(
    ([, s]) => new Set(s.map((x) => x.school_number)).size >= 2,
  )!;
  const a = schools[0]!;
  const b = schools.find((x) => x.school_number !== a.school_number)!;
  calendarOf[a.school_number] = a.calendar_number;
  calendarOf[b.school_number] = b.calendar_number;
  return [district, a.school_number, b.school_number];
}

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    matching: await testMatchSettings(),
    schoolYear: TEST_SCHOOL_YEAR,
  });
  [D, schoolA, schoolB] = await twoSchoolDistrict();
  const users: [string, Parameters<typeof createTestUser>[2]][] = [
    ['steward', [{ role: 'district-steward', districtNumber: D, schoolNumber: null }]],
    ['colleague', [{ role: 'district-steward', districtNumber: D, schoolNumber: null }]],
    ['schoolA', [{ role: 'school-user', districtNumber: D, schoolNumber: schoolA }]],
  ];
  for (const [name, grants] of users)
    who[name] = await sessionHeaders(t, await createTestUser(t, `${name}@entry.test`, grants));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const entry = async (as: string, template: string, row: Record<string, string>, school?: string) => {
  const query = school ? `?school=${school}` : '';
  return await app.inject({
    method: 'POST',
    url: `/api/v1/districts/${D}/entries/${template}${query}`,
    headers: who[as],
    payload: { rows: [row] },
  });
};
const undo = async (as: string, school?: string) =>
  await app.inject({
    method: 'POST',
    url: `/api/v1/districts/${D}/entries/undo${school ? `?school=${school}` : ''}`,
    headers: who[as],
  });

const demographics = (localId: string, last: string, first = 'Ada') => ({
  district_number: D,
  student_local_id: localId,
  last_name: last,
  first_name: first,
  gender: 'F',
  birth_date: '02/03/2014',
  hispanic: 'N',
  race_codes: '6',
});
const enrollment = (stateId: string, school: string, extra: Record<string, string> = {}) => ({
  district_number: D,
  calendar_number: calendarOf[school]!,
  school_number: school,
  student_state_id: stateId,
  last_name: 'X',
  first_name: 'Y',
  grade_level: '05',
  start_date: '08/27/2025',
  start_status: '01',
  service_type: 'P',
  school_year: String(TEST_SCHOOL_YEAR),
  ...extra,
});
const program = (stateId: string, school: string, titleI: string) => ({
  district_number: D,
  school_number: school,
  calendar_number: calendarOf[school]!,
  student_state_id: stateId,
  last_name: 'X',
  first_name: 'Y',
  title_i: titleI,
  school_year: String(TEST_SCHOOL_YEAR),
});

async function createStudent(as: string, localId: string, last: string, first?: string): Promise<string> {
  const res = await entry(as, 'student-demographics', demographics(localId, last, first));
  const body = res.json<HandEntryResult>();
  expect(body.committed, res.body).toBe(true);
  const s = await t.db
    .selectFrom('student')
    .innerJoin('student_district', 'student_district.student_id', 'student.id')
    .select('state_id')
    .where('student_district.local_id', '=', localId)
    .executeTakeFirstOrThrow();
  return s.state_id;
}

const titleIOf = async (stateId: string) =>
  (
    await t.db
      .selectFrom('program_participation as p')
      .innerJoin('student as s', 's.id', 'p.student_id')
      .select('p.title_i')
      .where('s.state_id', '=', stateId)
      .executeTakeFirst()
  )?.title_i;

describe('undo of the last hand entry', () => {
  it('takes back an edit, then the record, then the enrollment, then the new student, one at a time', async () => {
    const stateId = await createStudent('steward', '7101', 'Undoable');
    expect(
      (await entry('steward', 'student-enrollment', enrollment(stateId, schoolA))).json<HandEntryResult>()
        .undoable,
    ).toBe(true);
    expect((await entry('steward', 'program-participation', program(stateId, schoolA, 'Y'))).statusCode).toBe(
      200,
    );
    const edit = await entry('steward', 'program-participation', program(stateId, schoolA, 'N'));
    expect(edit.json<HandEntryResult>()).toMatchObject({ committed: true, undoable: true });
    expect(await titleIOf(stateId)).toBe(false);

    const first = await undo('steward');
    expect(first.json<HandEntryUndo>()).toMatchObject({ kind: 'undone', template: 'program-participation' });
    expect(await titleIOf(stateId)).toBe(true);
    expect((await undo('steward')).json<HandEntryUndo>().kind).toBe('undone');
    expect(await titleIOf(stateId)).toBeUndefined();
    expect((await undo('steward')).json<HandEntryUndo>()).toMatchObject({ template: 'student-enrollment' });
    expect(
      await t.db
        .selectFrom('enrollment as e')
        .innerJoin('student as s', 's.id', 'e.student_id')
        .select('e.id')
        .where('s.state_id', '=', stateId)
        .execute(),
    ).toEqual([]);
    expect((await undo('steward')).json<HandEntryUndo>()).toMatchObject({ template: 'student-demographics' });
    expect(
      await t.db.selectFrom('student').select('id').where('state_id', '=', stateId).executeTakeFirst(),
    ).toBeUndefined();
    expect((await undo('steward')).json<HandEntryUndo>().kind).toBe('nothing');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'hand-entry-undo')
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('refuses (409) and changes nothing when someone changed the records since', async () => {
    const stateId = await createStudent('steward', '7102', 'Contested');
    await entry('steward', 'student-enrollment', enrollment(stateId, schoolA));
    await entry('steward', 'program-participation', program(stateId, schoolA, 'Y'));
    await entry('colleague', 'program-participation', program(stateId, schoolA, 'N'));
    const res = await undo('steward');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ title: string; detail: string }>().title).toContain('program-participation');
    expect(await titleIOf(stateId)).toBe(false);
    // The colleague's own change is still theirs to take back.
    expect((await undo('colleague')).json<HandEntryUndo>().kind).toBe('undone');
    expect(await titleIOf(stateId)).toBe(true);
  });

  it('will not take back an enrollment that records now hang off', async () => {
    const stateId = await createStudent('steward', '7103', 'Anchored');
    await entry('steward', 'student-enrollment', enrollment(stateId, schoolA));
    await entry('colleague', 'program-participation', program(stateId, schoolA, 'Y'));
    const res = await undo('steward');
    expect(res.statusCode).toBe(409);
    expect(await titleIOf(stateId)).toBe(true);
  });
});

describe('hand entry by a school user', () => {
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    mine = await createStudent('steward', '7201', 'Mine');
    theirs = await createStudent('steward', '7202', 'Theirs');
    await entry('steward', 'student-enrollment', enrollment(theirs, schoolB));
  });

  it('enrolls a student into their own school and edits that student’s records', async () => {
    const enrolled = await entry('schoolA', 'student-enrollment', enrollment(mine, schoolA), schoolA);
    expect(enrolled.json<HandEntryResult>().committed, enrolled.body).toBe(true);
    const edited = await entry('schoolA', 'program-participation', program(mine, schoolA, 'Y'), schoolA);
    expect(edited.json<HandEntryResult>().committed, edited.body).toBe(true);
    expect((await undo('schoolA', schoolA)).json<HandEntryUndo>().kind).toBe('undone');
  });

  it('is refused for another school’s rows, students and the district’s staff records', async () => {
    const denied = [
      await entry('schoolA', 'student-enrollment', enrollment(mine, schoolB), schoolA),
      await entry('schoolA', 'program-participation', program(theirs, schoolB, 'Y'), schoolA),
      // Naming their own school does not reach a student who is not enrolled there.
      await entry('schoolA', 'program-participation', program(theirs, schoolA, 'Y'), schoolA),
      await entry('schoolA', 'student-demographics', { ...demographics('7202', 'Renamed') }, schoolA),
      await entry('schoolA', 'terms-of-employment', { district_number: D }, schoolA),
      // Without ?school= the route itself wants a district grant.
      await entry('schoolA', 'program-participation', program(mine, schoolA, 'Y')),
      await entry('schoolA', 'program-participation', program(mine, schoolB, 'Y'), schoolB),
    ];
    expect(denied.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await titleIOf(theirs)).toBeUndefined();
    const renamed = await t.db
      .selectFrom('student')
      .select('id')
      .where('last_name', '=', 'Renamed')
      .execute();
    expect(renamed).toEqual([]);
  });
});

describe('injection payloads in hand-entered text', () => {
  const payloads = {
    last_name: "'; DROP TABLE student;--",
    first_name: '<script>alert(1)</script>',
    middle_name: '=HYPERLINK("http://evil.example","x")',
  };

  it('stores them verbatim, returns them as data, and neutralises formulas in CSV exports', async () => {
    const res = await entry('steward', 'student-demographics', { ...demographics('7301', 'x'), ...payloads });
    expect(res.json<HandEntryResult>().committed, res.body).toBe(true);
    const stored = await t.db
      .selectFrom('student')
      .select(['id', 'last_name', 'first_name', 'middle_name'])
      .where('last_name', '=', payloads.last_name)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      last_name: payloads.last_name,
      first_name: payloads.first_name,
      middle_name: payloads.middle_name,
    });
    const page = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${D}/students/${stored.id}?reveal=true`,
      headers: who.steward,
    });
    expect(page.json<{ identity: Record<string, unknown> }>().identity).toMatchObject({
      lastName: payloads.last_name,
      firstName: payloads.first_name,
      middleName: payloads.middle_name,
    });
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${D}/extracts/student-demographics.csv`,
      headers: who.steward,
    });
    const line = csv.body.split('\r\n').find((l) => l.includes('DROP TABLE'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(line).toContain(payloads.first_name);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const tsv = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${D}/extracts/student-demographics.tsv`,
      headers: who.steward,
    });
    // The Montana file is for re-upload, not spreadsheets: it keeps the value exactly.
    expect(tsv.body).toContain(payloads.middle_name);
  });
});
