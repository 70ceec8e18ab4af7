import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PublicReport } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, injectAs, sessionHeaders, testerHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';
import { outcomeServices } from './outcome-reports.plugin.ts';
import { buildOutcomeFixture, certify, type OutcomeFixture } from './outcomes.test-helper.ts';

let t: TestDatabase;
let app: FastifyInstance;
let f: OutcomeFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildOutcomeFixture(t);
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: Y });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const exportsOf = async () => outcomeServices(t.db, await testProfile(), Y).exports;
const edfacts = async (...args: Parameters<Awaited<ReturnType<typeof exportsOf>>['edfacts']>) => {
  const out = await (await exportsOf()).edfacts(...args);
  if (out.kind !== 'file') throw new Error('unsupported');
  return out.file;
};
/** Data records split into fields (header dropped). */
const records = (body: string) =>
  body
    .split('\r\n')
    .slice(1, -1)
    .map((l) => l.split(','));

describe('EDFacts files', () => {
  it('writes FS052 membership per school with a header counting the data records', async () => {
    const file = await edfacts('FS052', { source: 'live', level: 'sch' });
    const [header, ...rest] = file.body.split('\r\n');
    expect(header).toMatch(new RegExp(`^SCHOOL MEMBERSHIP TABLE,${file.records},MTSCHFS052${Y}.csv,052-`));
    expect(rest.at(-1)).toBe('');
    const tot = records(file.body).filter(
      (r) => r[5] === 'MEMBER' && r[9] === 'Y' && r[6] === '' && r[8] === '',
    );
    expect(tot.map((r) => [r[4], r.at(-1)])).toEqual([
      [f.a.school, '7'],
      [f.a2.school, '4'],
    ]);
    expect(records(file.body).map((r) => r[0])).toEqual(records(file.body).map((_, i) => String(i + 1)));
  });

  it('writes fixed-width records of exactly the layout length', async () => {
    const file = await edfacts('FS052', { source: 'live', level: 'lea', format: 'txt' });
    const lines = file.body.split('\r\n').slice(1, -1);
    expect(lines.every((l) => l.length === 324)).toBe(true);
    expect(lines.at(-1)!.slice(14, 28).trim()).toBe(f.a.district);
    expect(lines.at(-1)!.slice(314).trim()).toBe('11');
  });

  it('writes the dropout, ACGR, chronic absence and discipline files from the same rules as the reports', async () => {
    const total = (body: string, set: (r: string[]) => boolean) =>
      records(body)
        .filter(set)
        .map((r) => r.at(-1));
    const fs032 = await edfacts('FS032', { source: 'live', level: 'lea' });
    expect(total(fs032.body, (r) => r[3] === f.a.district && r.slice(6, 14).every((c) => c === ''))).toEqual([
      '2',
    ]);
    const fs150 = await edfacts('FS150', { source: 'live', level: 'lea' });
    expect(total(fs150.body, (r) => r[3] === f.a.district && r[12] === 'Y')).toEqual(['50.00']);
    const fs151 = await edfacts('FS151', { source: 'live', level: 'sea' });
    expect(total(fs151.body, (r) => r[12] === 'COHREM' && r[13] === 'Y')).toEqual(['1']);
    const fs195 = await edfacts('FS195', { source: 'live' });
    expect(total(fs195.body, (r) => r[4] === f.a2.school && r[13] === 'Y')).toEqual(['2']);
    const fs006 = await edfacts('FS006', { source: 'live', level: 'sea' });
    expect(
      records(fs006.body).find((r) => r[17] === 'INSCHOOL' && r[14] === '' && r[6] === 'GREATER10'),
    ).toBeTruthy();
    expect(await (await exportsOf()).edfacts('FS195', { level: 'lea' })).toMatchObject({
      kind: 'unsupported',
    });
  });

  it('reproduces counts from the certified snapshot, not from later live changes', async () => {
    await certify(t, f, 'fall-count', ['student-demographics', 'student-enrollment']);
    const before = await edfacts('FS052', { level: 'sea', source: 'certified' });
    await t.db
      .updateTable('enrollment')
      .set({ no_show: true })
      .where('id', '=', f.enrollment['grad1']!)
      .execute();
    const after = await edfacts('FS052', { level: 'sea', source: 'certified' });
    const body = (s: string) => s.split('\r\n').slice(1).join('\r\n');
    expect(body(after.body)).toBe(body(before.body));
    expect(
      records(before.body)
        .find((r) => r[9] === 'Y' && r[6] === '' && r[8] === '')
        ?.at(-1),
    ).toBe('11');
    const live = await edfacts('FS052', { level: 'sea', source: 'live' });
    expect(
      records(live.body)
        .find((r) => r[9] === 'Y' && r[6] === '' && r[8] === '')
        ?.at(-1),
    ).toBe('10');
    await t.db
      .updateTable('enrollment')
      .set({ no_show: false })
      .where('id', '=', f.enrollment['grad1']!)
      .execute();
  });
});

describe('state files', () => {
  it('lists only opted-in students for the missing-child file, with formula cells neutralised', async () => {
    const file = await (await exportsOf()).stateFile('missing-child-photos');
    const lines = file.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('State ID,Last Name,First Name,Birth Date,District,School,Grade');
    expect(file.records).toBe(2);
    expect(file.body).toContain(`${f.id['cte1']},"'=HYPERLINK(""http://x"")"`);
    expect(file.body).not.toContain(f.id['cte2']!);
  });

  it('serves the MAEFAIRS, nutrition and child-count files to state staff over HTTP', async () => {
    const as = injectAs(app, await testerHeaders(t));
    for (const name of ['maefairs-anb', 'nutrition', 'sped-child-count']) {
      const res = await as({ method: 'GET', url: `/api/v1/exports/state/${name}?source=live` });
      expect(res.statusCode, name).toBe(200);
      expect(res.headers['content-disposition']).toContain(`${name}-${Y}-live.csv`);
    }
    const child = await as({ method: 'GET', url: '/api/v1/exports/state/sped-child-count?source=live' });
    expect(child.body).toContain(`${f.id['iep']},`);
    const fs = await as({ method: 'GET', url: '/api/v1/exports/edfacts/FS006?level=sch' });
    expect(fs.statusCode).toBe(400);
  });

  it('refuses district people the state files', async () => {
    const admin = await createTestUser(t, 'admin.a@exports.test', [
      { role: 'district-admin', districtNumber: f.a.district, schoolNumber: null },
    ]);
    const as = injectAs(app, await sessionHeaders(t, admin));
    for (const url of ['/api/v1/exports/edfacts/FS052', '/api/v1/exports/state/missing-child-photos'])
      expect((await as({ method: 'GET', url })).statusCode, url).toBe(403);
  });
});

describe('public reports', () => {
  it('shows any signed-in user suppressed aggregates without students', async () => {
    const school = await createTestUser(t, 'school.b@public.test', [
      { role: 'school-user', districtNumber: f.b.district, schoolNumber: f.b.school },
    ]);
    const as = injectAs(app, await sessionHeaders(t, school));
    const res = await as({
      method: 'GET',
      url: `/api/v1/public-reports?district=${f.a.district}&source=live`,
    });
    expect(res.statusCode).toBe(200);
    const report = res.json<PublicReport>();
    expect(report.level).toBe('district');
    const byRace = report.tables[0]!;
    expect(byRace.grandTotal).toBe('11');
    // Every detail count here is below 10: all hidden, none recoverable.
    expect(byRace.cells.flat().every((c) => c === '*' || c === '0')).toBe(true);
    expect(byRace.rowTotals.every((c) => c === '*')).toBe(true);
    expect(report.rates.find((r) => r.label.startsWith('4-year'))?.display).toBe('*');
    expect(JSON.stringify(report)).not.toContain(f.id['grad1']!);
    const schoolReport = await as({
      method: 'GET',
      url: `/api/v1/public-reports?school=${f.a2.school}&source=live`,
    });
    expect(schoolReport.json<PublicReport>().tables.every((t) => t.grandTotal === '*')).toBe(true);
    const wrong = await as({
      method: 'GET',
      url: `/api/v1/public-reports?district=${f.b.district}&school=${f.a.school}`,
    });
    expect(wrong.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/public-reports' })).statusCode).toBe(401);
  });
});
