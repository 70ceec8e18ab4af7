import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DistrictDetail, DistrictPage, Problem, SchoolPage } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { injectAs, testerHeaders } from '../../../test/test-users.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { buildApp } from '../../http/app.ts';
import { testProfile } from '../../../test/test-profile.ts';

let t: TestDatabase;
let app: FastifyInstance;
let api: ReturnType<typeof injectAs>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: TEST_SCHOOL_YEAR });
  api = injectAs(app, await testerHeaders(t));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

async function get<T>(url: string, headers: Record<string, string> = {}) {
  const res = await api({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() as T, headers: res.headers };
}

describe('GET /api/v1/districts', () => {
  it('lists all 397 Montana districts with school counts', async () => {
    const { status, body } = await get<DistrictPage>('/api/v1/districts');
    expect(status).toBe(200);
    expect(body.total).toBe(397);
    expect(body.items).toHaveLength(397);
    expect(body.items[0]).toMatchObject({
      districtNumber: '0001',
      name: 'Somers Elem',
      ncesLeaId: '3000002',
      level: 'elementary',
    });
    expect(body.items.every((d) => d.schoolCount >= 1)).toBe(true);
    expect(body.items.reduce((s, d) => s + d.schoolCount, 0)).toBeGreaterThan(780);
  });

  it('filters by name and level, sorts, and pages', async () => {
    const billings = await get<DistrictPage>('/api/v1/districts?q=billings');
    expect(billings.body.items.map((d) => d.name).sort()).toEqual(['Billings Elem', 'Billings H S']);
    const hs = await get<DistrictPage>(
      '/api/v1/districts?level=high_school&sort=ccdEnrollment&order=desc&limit=3',
    );
    expect(hs.body.total).toBe(98);
    expect(hs.body.items.map((d) => d.name)).toEqual(['Billings H S', 'Missoula H S', 'Flathead H S']);
    const page2 = await get<DistrictPage>('/api/v1/districts?limit=10&offset=10');
    expect(page2.body.items[0]!.districtNumber).toBe('0011');
    expect(page2.body.total).toBe(397);
  });

  it('treats LIKE wildcards in the filter as text', async () => {
    const { body } = await get<DistrictPage>('/api/v1/districts?q=%25');
    expect(body.total).toBe(0);
  });

  it('rejects a bad query with problem details naming the parameter', async () => {
    const { status, body, headers } = await get<Problem>('/api/v1/districts?limit=0');
    expect(status).toBe(400);
    expect(headers['content-type']).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(body.detail).toContain('limit');
    expect(body.requestId).toBeTruthy();
  });
});

describe('GET /api/v1/districts/{district}', () => {
  it('returns the district with its verification counts', async () => {
    const { status, body } = await get<DistrictDetail>('/api/v1/districts/0001');
    expect(status).toBe(200);
    expect(body.counts).toEqual({ students: 0, enrollments: 0, staff: 0 });
  });

  it('answers 404 problem details for an unknown district and echoes the request id', async () => {
    const { status, body, headers } = await get<Problem>('/api/v1/districts/9999', {
      'x-request-id': 'req-42',
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ status: 404, requestId: 'req-42', detail: 'district 9999 does not exist' });
    expect(headers['x-request-id']).toBe('req-42');
  });

  it('answers 400 for a malformed district number', async () => {
    const { status } = await get<Problem>('/api/v1/districts/12');
    expect(status).toBe(400);
  });
});

describe('GET /api/v1/districts/{district}/schools', () => {
  it("pages a district's schools", async () => {
    const { body } = await get<SchoolPage>('/api/v1/districts/0001/schools');
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items[0]).toMatchObject({ districtNumber: '0001' });
    expect(body.items[0]!.schoolNumber).toMatch(/^\d{4}$/);
  });

  it('404s for an unknown district', async () => {
    const { status } = await get<Problem>('/api/v1/districts/9998/schools');
    expect(status).toBe(404);
  });
});

describe('health and API documentation', () => {
  it('reports health with the database kind', async () => {
    const { body } = await get<{ status: string; database: string }>('/health');
    expect(body).toEqual({ status: 'ok', database: t.kind });
  });

  it('serves an OpenAPI document generated from the contracts', async () => {
    const { status, body } = await get<{ paths: Record<string, unknown> }>('/api/docs/json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/districts',
        '/api/v1/districts/{district}',
        '/api/v1/districts/{district}/schools',
      ]),
    );
  });
});
