import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { buildEnrollment, buildRecord, buildStudent, places, type Place } from './fixtures.test-helper.ts';
import type { RuleCatalogue } from './rule-catalogue.loader.ts';
import { catalogueFor, planRun } from './validation-plan.ts';
import { runValidation } from './validation-run.repository.ts';
import { expectScopesAgree } from './scope-equivalence.test-helper.ts';

// One failing and one passing fixture per set-based rule, each named after its montana-aim.md §6.4 source.
// Every case runs only its own rule statewide and looks for findings on its own records.

const Y = TEST_SCHOOL_YEAR;
const TODAY = `${Y}-12-01`;
let t: TestDatabase;
let profile: Profile;
let catalogue: RuleCatalogue;
let p: { a: Place; a2: Place; b: Place };

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  catalogue = await catalogueFor(profile);
  p = await places(t);
});
afterAll(async () => {
  await t.drop();
});

type Ref = { table: string; id: number };
type Case = { rule: string; name: string; arrange: () => Promise<{ fail: Ref[]; pass: Ref[] }> };

const en = (id: number): Ref => ({ table: 'enrollment', id });
const student = async (over = {}) => (await buildStudent(t, over)).id;
const rec = async (table: string, values: Record<string, unknown>): Promise<Ref> => ({
  table,
  id: await buildRecord(t, table, values),
});
const scope = (sid: number, at: Place) => ({ student_id: sid, district_number: at.district, school_year: Y });

async function enrolled(over = {}, at: Place = p.a, studentOver = {}) {
  const sid = await student(studentOver);
  return { sid, eid: await buildEnrollment(t, sid, at, over) };
}

const cases: Case[] = [
  {
    rule: 'ID-001',
    name: 'R01 [V S32]: a placeholder state ID fails, a real one passes',
    arrange: async () => {
      const bad = await enrolled({}, p.a, { state_id: '000000000' });
      const good = await enrolled();
      return { fail: [en(bad.eid)], pass: [en(good.eid)] };
    },
  },
  {
    rule: 'ID-002',
    name: 'R02 [V S13]: same birth date, gender and last name with a swapped first-name letter is a possible duplicate',
    arrange: async () => {
      const who = { last_name: 'Duplicatesson', birth_date: '2011-02-03', gender: 'F' };
      const a = await enrolled({}, p.a, { ...who, first_name: 'Maria' });
      const b = await student({ ...who, first_name: 'Mraia' });
      await t.db
        .insertInto('student_district')
        .values({ student_id: b, district_number: p.b.district, local_id: null, last_seen_year: Y })
        .execute();
      const twin = await enrolled({}, p.a, { ...who, first_name: 'Sophie' });
      return {
        fail: [{ table: 'student', id: b }],
        pass: [
          { table: 'student', id: twin.sid },
          { table: 'student', id: a.sid },
        ],
      };
    },
  },
  {
    rule: 'DEM-023',
    name: 'R23 [I S49]: an enrolled student without gender fails',
    arrange: async () => {
      const bad = await enrolled({}, p.a, { gender: null });
      const dup = await enrolled({}, p.a, { race_codes: 'W,AI,W' });
      const good = await enrolled();
      return {
        fail: [
          { table: 'student', id: bad.sid },
          { table: 'student', id: dup.sid },
        ],
        pass: [{ table: 'student', id: good.sid }],
      };
    },
  },
  {
    rule: 'ENR-003',
    name: 'R03 [V S13]: overlapping primary enrollments fail within a district and across districts; back-to-back pass',
    arrange: async () => {
      const s1 = await enrolled({ end_date: `${Y}-01-20`, end_status: '200' });
      const within = await buildEnrollment(t, s1.sid, p.a2, { start_date: `${Y}-01-10` });
      const s2 = await enrolled({ end_date: `${Y}-01-20`, end_status: '200' });
      const across = await buildEnrollment(t, s2.sid, p.b, { start_date: `${Y}-01-13`, start_status: '04' });
      const s3 = await enrolled({ end_date: `${Y}-01-20`, end_status: '200' });
      const next = await buildEnrollment(t, s3.sid, p.b, { start_date: `${Y}-01-21`, start_status: '04' });
      const s4 = await enrolled({ end_date: `${Y}-01-20`, end_status: '200' });
      const partial = await buildEnrollment(t, s4.sid, p.b, { start_date: `${Y}-01-13`, service_type: 'S' });
      return { fail: [en(within), en(across)], pass: [en(next), en(partial), en(s1.eid)] };
    },
  },
  {
    rule: 'ENR-004',
    name: 'R04 [V S24]: an empty or unknown start status fails',
    arrange: async () => {
      const [a, b, c] = [
        await enrolled({ start_status: '' }),
        await enrolled({ start_status: '99' }),
        await enrolled(),
      ];
      return { fail: [en(a.eid), en(b.eid)], pass: [en(c.eid)] };
    },
  },
  {
    rule: 'ENR-005',
    name: 'R05 [V S24]: start status 40 without Military Connection Status fails',
    arrange: async () => {
      const [a, b] = [
        await enrolled({ start_status: '40' }),
        await enrolled({ start_status: '40', military_connection_status: 'ADN' }),
      ];
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'ENR-006',
    name: 'R06 [V S24]: dropout end status without a reason fails',
    arrange: async () => {
      const a = await enrolled({ end_status: '320', drop_out_reason: null });
      const b = await enrolled({ end_status: '320', drop_out_reason: 'Family' });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'ENR-007',
    name: 'R07 [V S24]: extracurricular-only ended with 200 fails, with 160 passes',
    arrange: async () => {
      const a = await enrolled({ extracurricular_only: true, end_status: '200' });
      const b = await enrolled({ extracurricular_only: true, end_status: '160' });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'ENR-008',
    name: 'R08 [V S13]: still open after the calendar ended fails',
    arrange: async () => {
      const a = await enrolled({ end_date: null, end_status: null });
      return { fail: [en(a.eid)], pass: [en((await enrolled()).eid)] };
    },
  },
  {
    rule: 'GRD-017',
    name: 'R17 [V S11, S04]: a diploma date without type and period fails; all three pass',
    arrange: async () => {
      const a = await enrolled({ grade_level: '12', diploma_date: `${Y}-01-15` });
      const b = await enrolled({
        grade_level: '12',
        diploma_date: `${Y}-01-15`,
        diploma_type: '01',
        diploma_period: 'M',
      });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'GRD-018',
    name: 'R18 [V S06, S16]: grade 10 without Date First Entered 9th Grade fails',
    arrange: async () => {
      const a = await enrolled({ grade_level: '10' });
      const b = await enrolled({ grade_level: '10', date_first_entered_9th_grade: `${Y - 2}-08-26` });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'GRD-019',
    name: 'R19 [V S06]: a dropout re-enrolled in another district by Sept 30 fails (cross-district)',
    arrange: async () => {
      const a = await enrolled({
        end_date: `${Y}-03-02`,
        end_status: '300',
        drop_out_reason: 'Family',
        grade_level: '10',
      });
      await buildEnrollment(t, a.sid, p.b, {
        start_date: `${Y}-04-06`,
        start_status: '03',
        grade_level: '10',
      });
      const b = await enrolled({
        end_date: `${Y}-03-02`,
        end_status: '300',
        drop_out_reason: 'Family',
        grade_level: '10',
      });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'CNT-009',
    name: 'R09 [I S49]: an enrollment spanning the count dates without count rows fails',
    arrange: async () => {
      const a = await enrolled();
      const b = await enrolled();
      await rec('fall_count', { enrollment_id: b.eid, ...scope(b.sid, p.a), fall_aggregate_hours: 1080 });
      await rec('spring_count', { enrollment_id: b.eid, ...scope(b.sid, p.a), spring_aggregate_hours: 1080 });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'CNT-012',
    name: 'R12 [V S11, S04]: 12 absences to the count date without Exclude ANB fail',
    arrange: async () => {
      const a = await enrolled();
      const bad = await rec('fall_count', {
        enrollment_id: a.eid,
        ...scope(a.sid, p.a),
        fall_aggregate_hours: 1080,
        fall_absent: 12,
      });
      const b = await enrolled();
      const good = await rec('fall_count', {
        enrollment_id: b.eid,
        ...scope(b.sid, p.a),
        fall_aggregate_hours: 1080,
        fall_absent: 12,
        exclude_fall_anb: true,
      });
      return { fail: [bad], pass: [good] };
    },
  },
  {
    rule: 'CNT-014',
    name: 'R14 [I S06]: aged 19 on Sept 10 without the flag fails',
    arrange: async () => {
      const a = await enrolled({ grade_level: '12' }, p.a, { birth_date: `${Y - 20}-09-10` });
      const b = await enrolled({ grade_level: '12', age_19_20_eligible: true }, p.a, {
        birth_date: `${Y - 20}-09-10`,
      });
      const c = await enrolled({ grade_level: '12' }, p.a, { birth_date: `${Y - 20}-09-11` });
      return { fail: [en(a.eid)], pass: [en(b.eid), en(c.eid)] };
    },
  },
  {
    rule: 'ATT-020',
    name: 'R20 [V S18, S16]: an ended primary enrollment without EOY attendance fails',
    arrange: async () => {
      const a = await enrolled();
      const b = await enrolled();
      await rec('eoy_attendance', {
        enrollment_id: b.eid,
        ...scope(b.sid, p.a),
        ada_days_enrolled: 170,
        ada_days_present: 160,
        essa_days_absent: 10,
      });
      return { fail: [en(a.eid)], pass: [en(b.eid)] };
    },
  },
  {
    rule: 'ATT-021',
    name: 'R21 [I]: days present above days enrolled fail',
    arrange: async () => {
      const a = await enrolled();
      const bad = await rec('eoy_attendance', {
        enrollment_id: a.eid,
        ...scope(a.sid, p.a),
        ada_days_enrolled: 170,
        ada_days_present: 171,
        essa_days_absent: 0,
      });
      const b = await enrolled();
      const good = await rec('eoy_attendance', {
        enrollment_id: b.eid,
        ...scope(b.sid, p.a),
        ada_days_enrolled: 170,
        ada_days_present: 169.5,
        essa_days_absent: 1,
      });
      return { fail: [bad], pass: [good] };
    },
  },
];

describe('set-based rules, one failing and one passing fixture each (montana-aim.md §6.4)', () => {
  it.each(cases)('$rule $name', async ({ rule, arrange }) => {
    const { fail, pass } = await arrange();
    const plan = planRun(catalogue, profile, Y, { kind: 'state' }, { today: TODAY }).filter(
      (x) => x.rule.id === rule,
    );
    expect(plan).toHaveLength(1);
    await runValidation(t, plan, { kind: 'state' }, Y, 'test', null);
    const open = await sql<{
      record_table: string;
      record_id: number;
    }>`SELECT record_table, record_id::int AS record_id
      FROM validation_finding WHERE rule_id = ${rule} AND resolved_at IS NULL`.execute(t.db);
    const has = (r: Ref) => open.rows.some((x) => x.record_table === r.table && x.record_id === r.id);
    for (const r of fail) expect(has(r), `${rule} should fire on ${r.table} ${r.id}`).toBe(true);
    for (const r of pass) expect(has(r), `${rule} should pass ${r.table} ${r.id}`).toBe(false);
  });
});

describe('scoped runs push their scope down without changing what they find (decision 0060)', () => {
  it('each fixture district finds what the statewide run finds for it; so do a few students', async () => {
    // Students every rule case above left a finding on, cross-district pairs among them.
    const r = await sql<{ id: number }>`SELECT DISTINCT student_id::int AS id FROM validation_finding
      WHERE student_id IS NOT NULL ORDER BY 1 LIMIT 6`.execute(t.db);
    const districts = [p.a.district, p.b.district];
    const compared = await expectScopesAgree(
      t,
      profile,
      catalogue,
      Y,
      TODAY,
      districts,
      r.rows.map((x) => x.id),
    );
    expect(compared).toBeGreaterThan(5);
  });
});
