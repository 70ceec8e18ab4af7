import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { firstSchool } from '../../../test/test-schools.ts';
import { enRow, sdRow, tsvRow, writeMontanaFile } from '../../../test/upload-files.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';

// Each record type's import semantics (montana-aim.md §4.3), one rule at a time, on both databases:
// the finding a broken rule gives (row, column, code, fix) and what a valid upload stores.

let t: TestDatabase;
let profile: Profile;
let school: string;
const ids: Record<string, string> = {};
const STAFF = '900000001';

async function upload(
  templateId: string,
  rows: Record<string, string>[],
  name?: string,
): Promise<UploadResult> {
  const template = profile.templates.find((x) => x.id === templateId)!;
  const has = (k: string) => template.columns.some((c) => c.key === k);
  const lines = rows.map((v) =>
    tsvRow(
      profile,
      templateId,
      Object.fromEntries(
        Object.entries({
          district_number: '0001',
          school_number: school,
          calendar_number: '001',
          school_year: String(TEST_SCHOOL_YEAR),
          last_name: 'Test',
          first_name: 'Student',
          ...v,
        }).filter(([k]) => has(k)),
      ),
    ),
  );
  const path = await writeMontanaFile(name ?? `${templateId}.tsv`, lines);
  return await runUpload(t, profile, {
    path,
    fileName: name ?? `${templateId}.tsv`,
    district: '0001',
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: false,
  });
}

const codes = (r: UploadResult) => r.findings.map((f) => `${f.line}:${f.field ?? '-'}:${f.code}`);

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  school = await firstSchool(t.db, '0001');
  const sd = await writeMontanaFile('sd.tsv', [
    sdRow(profile, { student_local_id: '1', last_name: 'Avery', first_name: 'Ann' }),
    sdRow(profile, { student_local_id: '2', last_name: 'Brook', first_name: 'Ben' }),
    sdRow(profile, { student_local_id: '3', last_name: 'Cruz', first_name: 'Cal' }),
  ]);
  await runUpload(t, profile, {
    path: sd,
    fileName: 'sd.tsv',
    district: '0001',
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: false,
  });
  const r = await sql<{
    l: string;
    s: string;
  }>`SELECT sd.local_id AS l, s.state_id AS s FROM student_district sd
    JOIN student s ON s.id = sd.student_id WHERE sd.district_number = '0001'`.execute(t.db);
  for (const row of r.rows) ids[row.l] = row.s;
  // Avery: a first primary enrollment that ended and a second, current one; Brook: partial only; Cruz: primary.
  const en = await writeMontanaFile('en.tsv', [
    enRow(profile, {
      last_name: 'L',
      first_name: 'F',
      school_number: school,
      student_state_id: ids['1']!,
      start_date: '08/27/2025',
      end_date: '10/15/2025',
      end_status: '200',
    }),
    enRow(profile, {
      last_name: 'L',
      first_name: 'F',
      school_number: school,
      student_state_id: ids['1']!,
      start_date: '10/16/2025',
    }),
    enRow(profile, {
      last_name: 'L',
      first_name: 'F',
      school_number: school,
      student_state_id: ids['2']!,
      service_type: 'S',
    }),
    enRow(profile, {
      last_name: 'L',
      first_name: 'F',
      school_number: school,
      student_state_id: ids['3']!,
      grade_level: '10',
    }),
  ]);
  const enrolled = await runUpload(t, profile, {
    path: en,
    fileName: 'en.tsv',
    district: '0001',
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: false,
  });
  expect(enrolled.status, JSON.stringify(enrolled.findings)).toBe('committed');
  await sql`INSERT INTO staff (staff_state_id, last_name, first_name) VALUES (${STAFF}, 'Teach', 'Terry')`.execute(
    t.db,
  );
});
afterAll(async () => {
  await t.drop();
});

describe('records keyed to an enrollment', () => {
  it('rejects a row without an enrollment, naming the school, calendar and the upload to send first', async () => {
    const r = await upload('program-participation', [
      { student_state_id: ids['1']!, calendar_number: '009', title_i: 'Y' },
    ]);
    expect(r.status).toBe('rejected');
    expect(codes(r)).toEqual(['2:Student State ID:REC-NO-PARENT']);
    expect(r.findings[0]!.message).toContain(
      `No enrollment of this student at school ${school}, calendar 009`,
    );
    expect(r.findings[0]!.fix).toContain('Upload Student Demographic and Student Enrollment');
  });

  it('program participation overwrites the values of the most recent enrollment', async () => {
    expect(
      (await upload('program-participation', [{ student_state_id: ids['1']!, title_i: 'Y', homeless: 'N' }]))
        .status,
    ).toBe('committed');
    const again = await upload('program-participation', [
      { student_state_id: ids['1']!, title_i: 'N', homeless: 'N' },
    ]);
    expect(again.summary).toMatchObject({ updated: 1, inserted: 0 });
    const r = await sql<{
      title_i: boolean;
      start: string;
    }>`SELECT p.title_i, to_char(e.start_date, 'MM/DD/YYYY') AS start
      FROM program_participation p JOIN enrollment e ON e.id = p.enrollment_id`.execute(t.db);
    expect(r.rows).toEqual([{ title_i: false, start: '10/16/2025' }]);
  });

  it('a homeless student needs a nighttime residence (McKinney-Vento mismatch)', async () => {
    const r = await upload('program-participation', [{ student_state_id: ids['3']!, homeless: 'Y' }]);
    expect(codes(r)).toEqual(['2:Homeless Night Time Residence:PP-HOMELESS-RESIDENCE']);
  });

  it('counts match the most recent primary enrollment, the named start date, or else the partial one', async () => {
    const r = await upload('fall-count', [
      { student_state_id: ids['1']!, fall_aggregate_hours: '720' },
      { student_state_id: ids['2']!, fall_aggregate_hours: '360' },
    ]);
    expect(r.status, JSON.stringify(r.findings)).toBe('committed');
    const named = await upload('spring-count', [
      { student_state_id: ids['1']!, start_date: '08/27/2025', spring_aggregate_hours: '100' },
    ]);
    expect(named.status).toBe('committed');
    const rows = await sql<{ kind: string; start: string; service: string }>`
      SELECT 'fall' AS kind, to_char(e.start_date, 'MM/DD/YYYY') AS start, e.service_type AS service FROM fall_count f JOIN enrollment e ON e.id = f.enrollment_id
      UNION ALL SELECT 'spring', to_char(e.start_date, 'MM/DD/YYYY'), e.service_type FROM spring_count f JOIN enrollment e ON e.id = f.enrollment_id
      ORDER BY 1, 2`.execute(t.db);
    expect(rows.rows).toEqual([
      { kind: 'fall', start: '08/27/2025', service: 'S' },
      { kind: 'fall', start: '10/16/2025', service: 'P' },
      { kind: 'spring', start: '08/27/2025', service: 'P' },
    ]);
  });

  it('behavior replaces the district’s whole year; a header-only file is "nothing to report"', async () => {
    const event = {
      incident_date: '11/03/2025',
      event_code: 'FIT',
      primary_event: 'Y',
      resolution_code: 'OSS',
      resolution_start_date: '11/04/2025',
    };
    const first = await upload('behavior', [
      { student_state_id: ids['1']!, incident_id: 'I-1', ...event, incident_title: 'x'.repeat(50) },
      { student_state_id: ids['3']!, incident_id: 'I-2', ...event },
    ]);
    expect(first.status, JSON.stringify(first.findings)).toBe('committed');
    const title = await sql<{
      n: number;
    }>`SELECT max(length(incident_title))::int AS n FROM behavior_event`.execute(t.db);
    expect(title.rows[0]!.n).toBe(50);
    const second = await upload('behavior', [{ student_state_id: ids['3']!, incident_id: 'I-2', ...event }]);
    // Rows the new file no longer has are gone; the row it repeats is left as it was.
    expect(second.summary).toMatchObject({ replaced: 1, inserted: 0, unchanged: 1 });
    const empty = await upload('behavior', []);
    expect(empty.status).toBe('committed');
    // The empty file replaces the year with "no incidents".
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM behavior_event`.execute(t.db);
    expect(left.rows[0]!.n).toBe(0);
    const sub = await sql<{
      rows: number;
    }>`SELECT rows FROM record_submission WHERE template_id = 'behavior'`.execute(t.db);
    expect(sub.rows).toEqual([{ rows: 0 }]);
  });

  it('a header-only extracurricular file is a valid submission, but not for other record types', async () => {
    expect((await upload('extracurricular', [])).status).toBe('committed');
    const fram = await upload('fram', []);
    expect(fram.status).toBe('rejected');
    expect(codes(fram)).toEqual(['null:-:FILE-NO-ROWS']);
  });

  it('fall CTE never overwrites post-program data and lists the differences', async () => {
    // Fall CTE follows up last year's graduates: here Cruz's enrollment is this year's, so it has no parent.
    const r = await upload('fall-cte', [
      {
        student_state_id: ids['3']!,
        cte_concentrator: 'Y',
        post_program_status: '01',
        date_contacted: '11/01/2025',
      },
    ]);
    expect(codes(r)).toEqual(['2:Student State ID:REC-NO-PARENT']);
    expect(r.findings[0]!.message).toContain(`in ${TEST_SCHOOL_YEAR - 1}`);
  });
});

describe('district-level student records', () => {
  it('Section 504: no new record inside an existing date range', async () => {
    expect(
      (
        await upload('section-504', [
          { student_state_id: ids['1']!, start_date: '09/01/2025', end_date: '05/31/2026' },
        ])
      ).status,
    ).toBe('committed');
    const inside = await upload('section-504', [{ student_state_id: ids['1']!, start_date: '01/05/2026' }]);
    expect(inside.status).toBe('committed');
    expect(codes(inside)).toEqual(['2:Start Date:REC-OVERLAP']);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM section_504`.execute(t.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('EOY CTE: pathway credits must be district + transfer credits', async () => {
    const base = { cte_pathway: 'AG', cte_concentrator: 'Y', single_parent: 'N', start_date: '08/27/2025' };
    const r = await upload('eoy-cte', [
      {
        student_state_id: ids['3']!,
        ...base,
        district_credits: '1.5',
        transfer_credits: '0.5',
        pathway_credits: '2.5',
      },
    ]);
    expect(r.findings.map((f) => `${f.line}:${f.column}:${f.code}`)).toEqual([
      '2:pathway_credits:CTE-CREDITS',
    ]);
    expect(r.findings[0]!.message).toBe(
      'Pathway credits 2.5 are not district credits 1.5 + transfer credits 0.5',
    );
  });

  it('test accommodations need a covering EL or 504 record and end within a year', async () => {
    const row = { current_grade: '05', state_assessment: 'MAST', test_settings: 'Extended time' };
    const noProgram = await upload('test-accommodations', [
      { student_state_id: ids['3']!, start_date: '09/01/2025', ...row },
    ]);
    expect(noProgram.findings.map((f) => f.code)).toEqual(['TA-NO-PROGRAM']);
    const tooLong = await upload('test-accommodations', [
      { student_state_id: ids['1']!, start_date: '09/01/2025', end_date: '10/01/2026', ...row },
    ]);
    expect(tooLong.findings.map((f) => f.code)).toEqual(['TA-END-DATE']);
    const ok = await upload('test-accommodations', [
      { student_state_id: ids['1']!, start_date: '09/01/2025', end_date: '05/01/2026', ...row },
    ]);
    expect(ok.status, JSON.stringify(ok.findings)).toBe('committed');
  });
});

describe('staff and teacher–class records', () => {
  it('a section needs its course, named with the upload order', async () => {
    const r = await upload('section', [{ course_number: 'MATH7', section_number: '1' }]);
    expect(r.findings.map((f) => f.code)).toEqual(['REC-NO-PARENT']);
    expect(r.findings[0]!.fix).toContain('Upload the Course file first');
  });

  it('district assignment: a start before the end of a closed matching record is an error (R32)', async () => {
    const da = {
      staff_state_id: STAFF,
      assignment_school_number: school,
      assignment_code: 'TCH',
      last_name: 'Teach',
      first_name: 'Terry',
    };
    expect(
      (
        await upload('district-assignment', [
          { ...da, assignment_start_date: '08/20/2024', assignment_end_date: '06/10/2025' },
        ])
      ).status,
    ).toBe('committed');
    const r = await upload('district-assignment', [{ ...da, assignment_start_date: '05/01/2025' }]);
    expect(r.findings.map((f) => f.code)).toEqual(['DA-CLOSED-OVERLAP']);
    expect(
      (await upload('district-assignment', [{ ...da, assignment_start_date: '08/20/2025' }])).status,
    ).toBe('committed');
  });

  it('staff history updates a closed row only while it is open, and says so', async () => {
    const course = {
      course_number: 'MATH7',
      course_name: 'Math 7',
      sced_subject_area: '02',
      sced_course_identifier: '052',
    };
    expect((await upload('course', [course])).status).toBe('committed');
    expect((await upload('section', [{ course_number: 'MATH7', section_number: '1' }])).status).toBe(
      'committed',
    );
    const sh = {
      course_number: 'MATH7',
      section_number: '1',
      staff_state_id: STAFF,
      start_date: '08/27/2025',
    };
    expect((await upload('staff-history', [{ ...sh, role: '01', end_date: '12/19/2025' }])).status).toBe(
      'committed',
    );
    const r = await upload('staff-history', [{ ...sh, role: '02', end_date: '12/19/2025' }]);
    expect(r.status).toBe('committed');
    expect(r.findings.map((f) => f.code)).toEqual(['REC-KEPT']);
    const role = await sql<{ role: string }>`SELECT role FROM section_staff`.execute(t.db);
    expect(role.rows).toEqual([{ role: '01' }]);
  });
});
