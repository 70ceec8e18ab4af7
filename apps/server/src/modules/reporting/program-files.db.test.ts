import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { buildRecord } from '../validation/fixtures.test-helper.ts';
import { outcomeServices } from './outcome-reports.plugin.ts';
import { buildOutcomeFixture, certify, type OutcomeFixture } from './outcomes.test-helper.ts';

// EDFacts FS033, FS141, FS118 and FS002 from hand-countable program records on top of the outcome fixture
// (decisions 0061, 0062): two lunch-eligible seniors (one directly certified), one English learner, one homeless
// unaccompanied student doubled-up, one student with an IEP aged 13 on the count date.

let t: TestDatabase;
let f: OutcomeFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildOutcomeFixture(t);
  const row = (name: string) => ({
    enrollment_id: f.enrollment[name],
    student_id: studentOf(name),
    school_year: Y,
  });
  const ids = await t.db.selectFrom('enrollment').select(['id', 'student_id', 'district_number']).execute();
  const studentOf = (name: string) => ids.find((e) => Number(e.id) === f.enrollment[name])!.student_id;
  const fram = (name: string, eligibility: string, type: string) =>
    buildRecord(t, 'fram_eligibility', {
      ...row(name),
      district_number: f.a.district,
      eligibility_start_date: `${Y - 1}-08-20`,
      fram_eligibility: eligibility,
      fram_certification_type: type,
    });
  await fram('grad1', 'F', 'D');
  await fram('grad2', 'R', 'I');
  await fram('cohortDropout', 'N', 'I');
  await buildRecord(t, 'english_learner', {
    student_id: studentOf('cte1'),
    district_number: f.a.district,
    school_year: Y,
    identified_date: `${Y - 3}-09-01`,
    el_status: 'Y',
  });
  await buildRecord(t, 'program_participation', {
    ...row('dropout'),
    district_number: f.a.district,
    homeless: true,
    homeless_nighttime_residence: '2',
    homeless_unaccompanied: true,
  });
});
afterAll(async () => {
  await t.drop();
});

const edfacts = async (
  file: 'FS033' | 'FS141' | 'FS118' | 'FS002',
  level: 'sea' | 'lea' | 'sch',
  more = {},
) => {
  const out = await outcomeServices(t.db, await testProfile(), Y).exports.edfacts(file, {
    source: 'live',
    level,
    ...more,
  });
  if (out.kind !== 'file') throw new Error('unsupported');
  return out.file;
};
/** Data records split into fields (header dropped). */
const records = (body: string) =>
  body
    .split('\r\n')
    .slice(1, -1)
    .map((l) => l.split(','));
/** [table, categories…, total, amount] of each record: the parts a reader checks. */
const summary = (body: string, categories: number) =>
  records(body).map((r) => [r[5], ...r.slice(6, 6 + categories), r[6 + categories], r.at(-1)]);

describe('EDFacts program files', () => {
  it('FS033: free and reduced-price lunch per school with the direct-certification total', async () => {
    const file = await edfacts('FS033', 'sch');
    expect(file.body.split('\r\n')[0]).toMatch(
      /^SCHOOL FREE AND REDUCED PRICE LUNCH,4,MTSCHFS0332026\.csv,033-/,
    );
    expect(records(file.body).every((r) => r[3] === f.a.district && r[4] === f.a.school)).toBe(true);
    expect(summary(file.body, 1)).toEqual([
      ['LUNCHFREERED', 'FL', 'N', '1'],
      ['LUNCHFREERED', 'RPL', 'N', '1'],
      ['LUNCHFREERED', '', 'Y', '2'],
      ['DIRECTCERT', '', 'Y', '1'],
    ]);
    expect(
      await outcomeServices(t.db, await testProfile(), Y).exports.edfacts('FS033', { level: 'lea' }),
    ).toMatchObject({
      kind: 'unsupported',
    });
  });

  it('FS141: English learners by grade, race and IDEA status; no home language is collected (fixture students have no race)', async () => {
    const file = await edfacts('FS141', 'lea');
    expect(summary(file.body, 4)).toEqual([
      ['LEPENROLLED', '11', '', '', '', 'N', '1'],
      ['LEPENROLLED', '', '', '', '', 'Y', '1'],
    ]);
  });

  it('FS118: homeless students of the year with residence and unaccompanied status, SEA and LEA only', async () => {
    const file = await edfacts('FS118', 'sea');
    expect(file.body.split('\r\n')[0]).toMatch(/^SEA HOMELESS STUDENTS ENROLLED SY COUNT,5,/);
    expect(summary(file.body, 7)).toEqual([
      ['HOMLESENROLCNT', '10', '', '', '', '', '', '', 'N', '1'],
      ['HOMLESENROLCNT', '', 'D', '', '', '', '', '', 'N', '1'],
      ['HOMLESENROLCNT', '', '', '', '', '', 'UY', '', 'N', '1'],
      ['HOMLESENROLCNT', '', 'D', '', '', '', 'UY', '', 'N', '1'],
      ['HOMLESENROLCNT', '', '', '', '', '', '', '', 'Y', '1'],
    ]);
  });

  it('FS002: students with an IEP by age, sex, race and EL status; no disability category rows', async () => {
    const file = await edfacts('FS002', 'sch', { format: 'txt' });
    const lines = file.body.split('\r\n').slice(1, -1);
    expect(lines.every((l) => l.length === 504)).toBe(true);
    const tsv = await edfacts('FS002', 'sch', { format: 'tab' });
    const rows = tsv.body
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split('\t'));
    // RACEETHNIC 7, SEX 8, DISABCATIDEA 15, AGESA 18, EDENVIRIDEASA 19, LEPBOTH 20, total 21.
    expect(rows.map((r) => [r[4], r[7], r[8], r[15], r[18], r[19], r[20], r[21], r.at(-1)])).toEqual([
      [f.a2.school, '', 'F', '', '', '', '', 'Y', '1'],
      [f.a2.school, '', '', '', '13', '', '', 'Y', '1'],
      [f.a2.school, '', '', '', '', '', 'NLEP', 'Y', '1'],
      [f.a2.school, '', '', '', '', '', '', 'Y', '1'],
    ]);
  });

  it('reads the certified program snapshot, not later live changes', async () => {
    await certify(t, f, 'eoy-program-participation', [
      'program-participation',
      'english-learners',
      'fram',
      'section-504',
      'student-enrollment',
    ]);
    await t.db.deleteFrom('program_participation').execute();
    expect((await edfacts('FS118', 'lea')).records).toBe(0);
    const certified = await edfacts('FS118', 'lea', { source: 'certified' });
    expect(summary(certified.body, 7).at(-1)).toEqual([
      'HOMLESENROLCNT',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'Y',
      '1',
    ]);
  });
});
