// The template routes over HTTP on each database backend (the app always has one; these routes read only
// the in-memory profile): list in upload order, one template's documentation, 404 and the XLSX download.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  templateDetailSchema,
  templateListSchema,
  type Problem,
  type Profile,
  type TemplateDetail,
  type TemplateList,
} from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { injectAs, testerHeaders } from '../../../test/test-users.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { buildApp } from '../../http/app.ts';

let t: TestDatabase;
let app: FastifyInstance;
let api: ReturnType<typeof injectAs>;
let profile: Profile;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  app = await buildApp({ database: t, profile, schoolYear: TEST_SCHOOL_YEAR });
  api = injectAs(app, await testerHeaders(t));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

async function get(url: string) {
  return await api({ method: 'GET', url, headers: { 'x-request-id': 'req-templates' } });
}

describe('GET /api/v1/templates', () => {
  it('lists every template in upload order with its column count', async () => {
    const res = await get('/api/v1/templates');
    expect(res.statusCode).toBe(200);
    const body = templateListSchema.parse(res.json()) satisfies TemplateList;
    expect(body.total).toBe(22);
    expect(body.items.map((i) => i.id)).toEqual(profile.templates.map((p) => p.id));
    const orders = body.items.map((i) => i.order);
    expect(orders).toEqual(orders.toSorted((a, b) => a - b));
    expect(body.items[0]).toMatchObject({
      id: 'student-demographics',
      recordType: 'SD',
      level: 'district-student',
    });
    for (const item of body.items) {
      expect(item.columnCount).toBe(profile.templates.find((p) => p.id === item.id)!.columns.length);
    }
  });
});

describe('GET /api/v1/templates/{id}', () => {
  it('documents the fields in order with codes, key, update rules, upload order and provenance', async () => {
    const res = await get('/api/v1/templates/student-enrollment');
    expect(res.statusCode).toBe(200);
    const body = templateDetailSchema.parse(res.json()) satisfies TemplateDetail;
    const source = profile.templates.find((p) => p.id === 'student-enrollment')!;
    expect(body.fields.map((f) => [f.position, f.key])).toEqual(source.columns.map((c, i) => [i + 1, c.key]));
    expect(body.key.map((k) => k.key)).toEqual(source.key);
    expect(body.key[0]).toEqual({ key: 'record_type', label: 'Record Type' });
    expect(body.updateRules).toBe(source.updateRules);
    expect(body.uploadOrder).toMatchObject({
      position: 2,
      total: 22,
      after: { id: 'student-demographics' },
      before: { id: profile.templates[2]!.id },
    });
    expect(body.workbookUrl).toBe('/api/v1/templates/student-enrollment/template.xlsx');

    const byKey = new Map(body.fields.map((f) => [f.key, f]));
    expect(byKey.get('district_number')).toMatchObject({
      type: 'digits',
      width: 4,
      required: true,
      isKey: true,
      pattern: '^\\d{4}$',
      codeSet: null,
      provisional: false,
      decision: null,
    });
    const grade = byKey.get('grade_level')!;
    expect(grade).toMatchObject({ provisional: true, decision: '0012', isKey: true });
    expect(grade.codeSet?.id).toBe('grade-level');
    expect(grade.codeSet?.codes.map((c) => c.code)).toContain('KF');
    expect(byKey.get('record_type')?.codeSet?.codes.map((c) => c.code)).toEqual(['EN']);
    const retired = byKey.get('start_status')?.codeSet?.codes.find((c) => c.code === '05');
    expect(retired).toMatchObject({ retired: true });
  });

  it('answers 404 problem details for an unknown template', async () => {
    for (const url of ['/api/v1/templates/no-such-template', '/api/v1/templates/no-such/template.xlsx']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as Problem;
      expect(body).toMatchObject({ status: 404, title: 'Not found', requestId: 'req-templates' });
      expect(body.detail).toContain('no-such');
    }
  });
});

describe('GET /api/v1/templates/{id}/template.xlsx', () => {
  it('sends a workbook whose first sheet has the template’s labels', async () => {
    const res = await get('/api/v1/templates/student-demographics/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="montana-student-demographics.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Student Demographic');
    const labels = profile.templates[0]!.columns.map((c) => c.label);
    expect(labels.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual(labels);
    expect(workbook.getWorksheet('codes')?.state).toBe('hidden');
  });
});

describe('OpenAPI', () => {
  it('documents the template routes', async () => {
    const res = await get('/api/docs/json');
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/templates',
        '/api/v1/templates/{id}',
        '/api/v1/templates/{id}/template.xlsx',
      ]),
    );
  });
});
