import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Upload, UploadAccepted } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { injectAs, testerHeaders } from '../../../test/test-users.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../../test/test-profile.ts';
import { sdRow } from '../../../test/upload-files.ts';
import { buildApp } from '../../http/app.ts';

let t: TestDatabase;
let app: FastifyInstance;
let api: ReturnType<typeof injectAs>;
let sdFile: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const profile = await testProfile();
  app = await buildApp({
    database: t,
    profile,
    matching: await testMatchSettings(),
    schoolYear: TEST_SCHOOL_YEAR,
  });
  api = injectAs(app, await testerHeaders(t));
  sdFile = [
    'HD\t08/28/2025\t10:00:00\tMT9.1',
    sdRow(profile, { student_local_id: '31', last_name: '=HYPERLINK("x")', first_name: 'Ann' }),
    sdRow(profile, { student_local_id: '32', last_name: 'Ok', first_name: 'Bo', gender: 'Z' }),
  ].join('\n');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

function multipart(content: string, name = 'sd.tsv') {
  const boundary = '----bitterroot-test';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/tab-separated-values\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function uploadAndWait(district: string, content: string, query = ''): Promise<Upload> {
  const res = await api({
    method: 'POST',
    url: `/api/v1/districts/${district}/uploads${query}`,
    ...multipart(content),
  });
  expect(res.statusCode).toBe(202);
  const accepted = res.json() as UploadAccepted;
  expect(res.headers.location).toBe(accepted.location);
  for (;;) {
    const poll = (await api({ method: 'GET', url: accepted.location })).json() as Upload;
    if (['validated', 'rejected', 'committed', 'failed'].includes(poll.status)) return poll;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('uploads over HTTP', () => {
  it('accepts a multipart upload, then reports status and findings', async () => {
    const u = await uploadAndWait('0001', sdFile);
    expect(u).toMatchObject({
      status: 'rejected',
      district: '0001',
      rows: 2,
      rejected: 1,
      progress: null,
      failure: null,
    });
    expect(u.findings).toEqual([
      expect.objectContaining({ line: 3, column: 'gender', code: 'FLD-CODE', value: 'Z' }),
    ]);
  });

  it('downloads findings as CSV (formula cells neutralised) and XLSX', async () => {
    const ok = await uploadAndWait(
      '0001',
      sdFile.replace('\tZ\t', '\tF\t').replace('=HYPERLINK("x")', '=HYPERLINK("x")'),
      '?dryRun=true',
    );
    expect(ok.status).toBe('validated');
    const bad = await uploadAndWait(
      '0001',
      sdFile.replace('\tAnn\t', '\t=cmd|x\t').replace('\tF\t', '\tQ\t'),
    );
    const csv = await api({
      method: 'GET',
      url: `/api/v1/districts/0001/uploads/${bad.batchId}/findings.csv`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFLine,Column,Field,Value,Code,Severity,Message,Fix\r\n')).toBe(true);
    expect(csv.body).not.toMatch(/(^|,)=/m);
    const xlsx = await api({
      method: 'GET',
      url: `/api/v1/districts/0001/uploads/${bad.batchId}/findings.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('never shows one district another district’s upload, findings or new state IDs', async () => {
    const u = await uploadAndWait('0001', sdFile);
    for (const path of [
      `${u.batchId}`,
      `${u.batchId}/findings.csv`,
      `${u.batchId}/findings.xlsx`,
      `${u.batchId}/new-state-ids.csv`,
    ]) {
      const res = await api({ method: 'GET', url: `/api/v1/districts/0002/uploads/${path}` });
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('HYPERLINK');
    }
  });

  it('answers problem details for a missing file and an unknown district', async () => {
    const none = await api({
      method: 'POST',
      url: '/api/v1/districts/0001/uploads',
      payload: '--x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(none.statusCode).toBe(400);
    const unknown = await api({
      method: 'POST',
      url: '/api/v1/districts/9999/uploads',
      ...multipart(sdFile),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });
});
