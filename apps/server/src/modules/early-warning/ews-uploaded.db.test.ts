import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { EwsScoreRun, EwsStudentsResponse, Profile } from '@bitterroot/contracts';
import {
  featureNamesForGrade,
  featuresFromUploaded,
  scoreWithArtifact,
  type EwsArtifact,
  type EwsGrade,
} from '@bitterroot/core';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { tsvRow, writeMontanaFile } from '../../../test/upload-files.ts';
import { buildApp } from '../../http/app.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';
import { writeExtract } from '../student-records/extract.service.ts';
import { buildTemplateWorkbook, FIRST_DATA_ROW, sheetName } from '../templates/template-workbook.ts';
import { insertModel, promoteModel } from './ews-model.repository.ts';
import { readUploadedOfYear } from './ews-uploaded.repository.ts';
import { loadEwsSettings } from './ews-settings.ts';

// EWS student data of students not in the system (decision 0071), on both databases: uploaded through the
// one pipeline, scored on commit with the grade's current model by the live path's code, listed with reasons
// and the "uploaded" marker for its district only; a bad file is refused with row/column findings and writes
// nothing; the extract re-uploads unchanged; the statewide run re-scores the rows.

const TEMPLATE = 'ews-student-data';
const HOME = '0001';
let t: TestDatabase;
let profile: Profile;
let app: FastifyInstance;
let school: string;
let otherDistrict: string;
let steward: Record<string, string>;
let otherSteward: Record<string, string>;
let staff: Record<string, string>;
const artifacts = new Map<number, EwsArtifact>();

/** A hand-made model for a grade: risk rises with absence, behavior, failures and moves (no training data needed). */
async function promoteHandMadeModel(grade: EwsGrade): Promise<void> {
  const names = featureNamesForGrade(grade);
  const weights: Record<string, number> = { attendanceRate: -0.9, creditsEarned: -0.4 };
  const artifact = {
    grade,
    model: {
      spec: {
        grade,
        names,
        means: names.map((n) => (n === 'attendanceRate' ? 0.94 : n === 'creditsEarned' ? 6 : 0.5)),
        sds: names.map((n) => (n === 'attendanceRate' ? 0.05 : 1)),
      },
      intercept: -2,
      coefficients: names.map((n) => weights[n] ?? 0.5),
      l2: 0.01,
    },
    thresholds: { moderate: 0.2, high: 0.5 },
    settings: await loadEwsSettings(),
  } as unknown as EwsArtifact;
  const stored = await insertModel(t.db, artifact, `hand-made-${grade}`, null);
  await promoteModel(t.db, stored.id, grade, null);
  artifacts.set(grade, artifact);
}

/** One file row; days and counts of an average student unless overridden. */
function row(v: Record<string, string>): Record<string, string> {
  return {
    district_number: HOME,
    school_number: school,
    student_local_id: 'L-1',
    grade_level: '09',
    as_of_date: '03/01/2026',
    birth_date: '05/05/2011',
    days_enrolled: '110',
    days_absent: '4',
    behavior_events: '0',
    suspension_days: '0',
    course_failures: '0',
    credits_earned: '6',
    school_changes_this_year: '0',
    school_changes_last_year: '0',
    district_changes_this_year: '0',
    district_changes_last_year: '0',
    school_year: String(TEST_SCHOOL_YEAR),
    ...v,
  };
}

async function upload(
  rows: Record<string, string>[],
  options: { district?: string; dryRun?: boolean } = {},
): Promise<UploadResult> {
  const path = await writeMontanaFile(
    'ew.tsv',
    rows.map((r) => tsvRow(profile, TEMPLATE, r)),
  );
  return await runFile(path, options);
}

async function runFile(
  path: string,
  options: { district?: string; dryRun?: boolean; templateId?: string } = {},
): Promise<UploadResult> {
  return await runUpload(t, profile, {
    path,
    fileName: path.slice(path.lastIndexOf('/') + 1),
    district: options.district ?? HOME,
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: options.dryRun ?? false,
    ...(options.templateId ? { templateId: options.templateId } : {}),
  });
}

async function storedCount(): Promise<{ rows: number; scores: number }> {
  const r = await sql<{ rows: number; scores: number }>`SELECT
    (SELECT count(*)::int FROM ews_uploaded_student) AS rows,
    (SELECT count(*)::int FROM ews_uploaded_score) AS scores`.execute(t.db);
  return r.rows[0]!;
}

const list = async (headers: Record<string, string>, district = HOME) =>
  await app.inject({
    method: 'GET',
    url: `/api/v1/districts/${district}/ews/students?asOf=2026-03-15`,
    headers,
  });

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  const schools = await sql<{ district_number: string; school_number: string }>`
    SELECT district_number, school_number FROM school ORDER BY district_number, school_number`.execute(t.db);
  school = schools.rows.find((s) => s.district_number === HOME)!.school_number;
  otherDistrict = schools.rows.find((s) => s.district_number !== HOME)!.district_number;
  for (const g of [8, 9] as const) await promoteHandMadeModel(g);
  app = await buildApp({ database: t, profile, schoolYear: TEST_SCHOOL_YEAR });
  await app.ready();
  const grant = (districtNumber: string) => [
    { role: 'district-steward' as const, districtNumber, schoolNumber: null },
  ];
  steward = await sessionHeaders(t, await createTestUser(t, 'ew-home@ews.test', grant(HOME)));
  otherSteward = await sessionHeaders(t, await createTestUser(t, 'ew-other@ews.test', grant(otherDistrict)));
  staff = await sessionHeaders(
    t,
    await createTestUser(t, 'ew-staff@ews.test', [
      { role: 'state-staff', districtNumber: null, schoolNumber: null },
    ]),
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('EWS student data upload', () => {
  it('refuses a bad file with row and column findings and writes nothing', async () => {
    const before = await storedCount();
    const r = await upload([
      row({ student_local_id: 'B-1', days_absent: '120' }),
      row({ student_local_id: 'B-2', behavior_events: '-1' }),
      row({ student_local_id: 'B-3', school_number: '9999' }),
      row({ student_local_id: 'B-4', school_changes_this_year: '1', district_changes_this_year: '2' }),
      row({ student_local_id: 'B-5', credits_earned: '' }),
      row({ student_local_id: 'B-6', as_of_date: '03/01/2025' }),
      row({ student_local_id: 'B-7', grade_level: '05' }),
      row({ student_local_id: 'B-8', suspension_days: '2' }),
      row({ student_local_id: 'B-9', days_enrolled: 'many' }),
    ]);
    expect(r.status).toBe('rejected');
    expect(r.rejected).toBe(9);
    const seen = r.findings.map((f) => `${f.line}:${f.column}:${f.code}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        '2:days_absent:EWS-ABSENT-OVER-ENROLLED',
        '3:behavior_events:EWS-NEGATIVE',
        '4:school_number:REC-NO-PARENT',
        '5:district_changes_this_year:EWS-DISTRICT-CHANGES',
        '6:credits_earned:EWS-CREDITS-REQUIRED',
        '7:as_of_date:EWS-AS-OF-YEAR',
        '9:behavior_events:EWS-SUSPENSION-WITHOUT-EVENT',
      ]),
    );
    expect(r.findings.some((f) => f.line === 8 && f.column === 'grade_level')).toBe(true);
    expect(r.findings.some((f) => f.line === 10 && f.column === 'days_enrolled')).toBe(true);
    for (const f of r.findings) expect(f.fix).toBeTruthy();
    expect(await storedCount()).toEqual(before);
  });

  it('refuses rows of another district and writes nothing on a dry run', async () => {
    const cross = await upload([row({ student_local_id: 'X-1' })], { district: otherDistrict });
    expect(cross.status).toBe('rejected');
    expect(cross.findings.map((f) => f.code)).toContain('ROW-DISTRICT');
    const dry = await upload([row({ student_local_id: 'D-1' })], { dryRun: true });
    expect(dry.status).toBe('validated');
    expect(await storedCount()).toEqual({ rows: 0, scores: 0 });
  });

  it('commits atomically and scores each row with its grade’s current model by the live path’s code', async () => {
    const r = await upload([
      row({ student_local_id: 'L-1', days_absent: '30', behavior_events: '3', suspension_days: '4' }),
      row({ student_local_id: 'L-2', grade_level: '08', credits_earned: '', course_failures: '2' }),
      // No current grade-11 model: stored, not scored.
      row({ student_local_id: 'L-3', grade_level: '11' }),
      row({ student_local_id: 'L-4', school_changes_this_year: '2', district_changes_this_year: '1' }),
    ]);
    expect(r.status, JSON.stringify(r.findings.slice(0, 3))).toBe('committed');
    expect(r.summary).toMatchObject({ inserted: 4, scored: 3 });
    const stored = await sql<{ uploaded_id: number; probability: number; band: string; reasons: unknown }>`
      SELECT uploaded_id, probability, band, reasons FROM ews_uploaded_score`.execute(t.db);
    const byId = new Map(stored.rows.map((s) => [Number(s.uploaded_id), s]));
    for (const u of await readUploadedOfYear(t.db, TEST_SCHOOL_YEAR)) {
      const artifact = artifacts.get(u.grade);
      if (!artifact) {
        expect(byId.has(u.id)).toBe(false);
        continue;
      }
      const expected = scoreWithArtifact(
        artifact,
        featuresFromUploaded({ ...u, grade: u.grade as EwsGrade }),
      );
      const s = byId.get(u.id)!;
      expect(s.probability).toBeCloseTo(expected.probability, 12);
      expect(s.band).toBe(expected.band);
      expect(typeof s.reasons === 'string' ? JSON.parse(s.reasons) : s.reasons).toEqual(expected.reasons);
    }
  });

  it('lists the scored uploaded students with reasons and the marker, in the list and its CSV', async () => {
    const res = await list(steward);
    expect(res.statusCode).toBe(200);
    const body = res.json<EwsStudentsResponse>();
    const uploaded = body.students.filter((s) => s.source === 'uploaded');
    expect(uploaded.map((s) => s.localId).sort()).toEqual(['L-1', 'L-2', 'L-4']);
    expect(body.uploadedScored).toBe(3);
    const l1 = uploaded.find((s) => s.localId === 'L-1')!;
    expect(l1.band).toBe('high');
    expect(l1.reasons.length).toBeGreaterThan(0);
    expect(l1.reasons.join(' ')).toMatch(/state mean/);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${HOME}/ews/students.csv?asOf=2026-03-15`,
      headers: steward,
    });
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split('\n').find((x) => x.includes('Local ID L-1'))!;
    expect(line.startsWith('uploaded (not in the system),Local ID L-1,')).toBe(true);
  });

  it('denies another district’s list and never shows the rows in its own', async () => {
    expect((await list(otherSteward)).statusCode).toBe(403);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/districts/${HOME}/ews/students.csv`,
      headers: otherSteward,
    });
    expect(csv.statusCode).toBe(403);
    const own = (await list(otherSteward, otherDistrict)).json<EwsStudentsResponse>();
    expect(own.students.filter((s) => s.source === 'uploaded')).toEqual([]);
    expect(own.uploadedScored).toBe(0);
  });

  it('replaces a student’s row for the same as-of date on re-upload and re-scores it', async () => {
    const before = await sql<{ p: number }>`SELECT s.probability AS p FROM ews_uploaded_score s
      JOIN ews_uploaded_student u ON u.id = s.uploaded_id WHERE u.student_local_id = 'L-1'`.execute(t.db);
    const r = await upload([
      row({ student_local_id: 'L-1', days_absent: '2', behavior_events: '3', suspension_days: '4' }),
    ]);
    expect(r.summary).toMatchObject({ inserted: 0, updated: 1, scored: 1 });
    const after = await sql<{ p: number; n: number }>`SELECT s.probability AS p,
      (SELECT count(*)::int FROM ews_uploaded_student WHERE student_local_id = 'L-1') AS n
      FROM ews_uploaded_score s JOIN ews_uploaded_student u ON u.id = s.uploaded_id
      WHERE u.student_local_id = 'L-1'`.execute(t.db);
    expect(after.rows[0]!.n).toBe(1);
    expect(after.rows[0]!.p).toBeLessThan(before.rows[0]!.p);
  });

  it('re-uploads its extract with nothing changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bitterroot-ew-'));
    const path = join(dir, 'ew-extract.tsv');
    const request = {
      district: HOME,
      templateId: TEMPLATE,
      format: 'tsv' as const,
      schoolYear: TEST_SCHOOL_YEAR,
    };
    const written = await writeExtract(t.db, profile, request, path);
    expect(written.kind === 'written' ? written.rows : 0).toBe(4);
    expect((await readFile(path, 'utf8')).split('\n')[1]!.startsWith('EW\t')).toBe(true);
    const r = await runFile(path);
    expect(r.status).toBe('committed');
    expect(r.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, scored: 0 });
  });

  it('reads CSV and the generated XLSX template the same way', async () => {
    const template = profile.templates.find((x) => x.id === TEMPLATE)!;
    const dir = await mkdtemp(join(tmpdir(), 'bitterroot-ew-'));
    const values = row({ student_local_id: 'C-1', grade_level: '08', credits_earned: '' });
    const cells = template.columns.map((c) => (c.key === 'record_type' ? 'EW' : (values[c.key] ?? '')));
    const csv = join(dir, 'ew.csv');
    await writeFile(csv, [template.columns.map((c) => c.label).join(','), cells.join(',')].join('\n') + '\n');
    expect((await runFile(csv)).summary).toMatchObject({ inserted: 1, scored: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplateWorkbook(profile, template)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(sheetName(template))!;
    cells.forEach((v, i) => {
      sheet.getRow(FIRST_DATA_ROW).getCell(i + 1).value = i === 3 ? 'X-9' : v;
    });
    const xlsx = join(dir, 'ew.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const r = await runFile(xlsx, { templateId: TEMPLATE });
    expect(r.status, JSON.stringify(r.findings.slice(0, 3))).toBe('committed');
    expect(r.summary).toMatchObject({ inserted: 1, scored: 1 });
  });

  it('re-scores every uploaded row in the statewide run', async () => {
    await sql`DELETE FROM ews_uploaded_score`.execute(t.db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/ews/score-runs',
      headers: staff,
      payload: { asOf: '2026-03-15' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<EwsScoreRun>().uploaded).toBe(5);
    expect((await storedCount()).scores).toBe(5);
  });
});
