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

// Programs, CTE, accommodations, early literacy, teacher–class, staff and behavior rules: one failing and
// one passing fixture each, named after their montana-aim.md §6.4 source.

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

const rec = async (table: string, values: Record<string, unknown>): Promise<Ref> => ({
  table,
  id: await buildRecord(t, table, values),
});
async function enrolled(at: Place = p.a, over = {}, who = {}) {
  const sid = (await buildStudent(t, who)).id;
  const eid = await buildEnrollment(t, sid, at, over);
  return { sid, eid, base: { student_id: sid, district_number: at.district, school_year: Y } };
}
const pp = async (over: Record<string, unknown>) => {
  const e = await enrolled();
  return await rec('program_participation', { enrollment_id: e.eid, ...e.base, ...over });
};
const pathway = (base: Record<string, unknown>, over: Record<string, unknown>) =>
  rec('cte_pathway_participation', {
    ...base,
    cte_pathway: 'AG',
    district_credits: 1,
    transfer_credits: 0,
    pathway_credits: 1,
    cte_concentrator: false,
    single_parent: false,
    start_date: `${Y - 2}-08-26`,
    ...over,
  });
async function staffMember(): Promise<number> {
  const r = await t.db
    .insertInto('staff')
    .values({
      staff_state_id: String(700000000 + Math.floor(Math.random() * 9e7)),
      last_name: 'Staff',
      first_name: 'Sam',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}
async function courseAt(at: Place, over: Record<string, unknown> = {}): Promise<Ref> {
  return await rec('course', {
    calendar_id: at.calendarId,
    school_number: at.school,
    district_number: at.district,
    school_year: Y,
    course_number: `C${Math.floor(Math.random() * 1e6)}`,
    course_name: 'Algebra',
    sced_subject_area: '02',
    sced_course_identifier: '052',
    ...over,
  });
}

const cases: Case[] = [
  {
    rule: 'PP-024',
    name: 'R24 [I S49]: homeless without residence and residence without homeless fail',
    arrange: async () => ({
      fail: [await pp({ homeless: true }), await pp({ homeless: false, homeless_nighttime_residence: '2' })],
      pass: [await pp({ homeless: true, homeless_nighttime_residence: '2' }), await pp({ homeless: false })],
    }),
  },
  {
    rule: 'PP-026',
    name: 'R26 [V S40]: a future evaluated date, and a later record identified before the earlier evaluation, fail',
    arrange: async () => {
      const future = await pp({ gifted_status: '1', gifted_evaluated_date: `${Y + 1}-01-10` });
      const first = await enrolled();
      await rec('program_participation', {
        enrollment_id: first.eid,
        ...first.base,
        gifted_status: '1',
        gifted_evaluated_date: `${Y - 1}-10-01`,
        gifted_identified_date: `${Y - 1}-11-01`,
      });
      const second = await buildEnrollment(t, first.sid, p.b, { start_date: `${Y}-02-01` });
      const bad = await rec('program_participation', {
        enrollment_id: second,
        student_id: first.sid,
        district_number: p.b.district,
        school_year: Y,
        gifted_status: '1',
        gifted_evaluated_date: `${Y}-02-10`,
        gifted_identified_date: `${Y - 1}-09-15`,
      });
      const ok = await pp({
        gifted_status: '1',
        gifted_evaluated_date: `${Y - 1}-10-01`,
        gifted_identified_date: `${Y - 1}-11-01`,
      });
      return { fail: [future, bad], pass: [ok] };
    },
  },
  {
    rule: 'CTE-027',
    name: 'R27 [V S34]: 2.5 pathway credits without concentrator fail',
    arrange: async () => {
      const e = await enrolled(p.a, { grade_level: '11' });
      const f = await enrolled(p.a, { grade_level: '11' });
      return {
        fail: [await pathway(e.base, { district_credits: 2.5, pathway_credits: 2.5 })],
        pass: [
          await pathway(f.base, { district_credits: 2.5, pathway_credits: 2.5, cte_concentrator: true }),
        ],
      };
    },
  },
  {
    rule: 'CTE-027A',
    name: 'R27 [V S34]: pathway credits not district + transfer fail',
    arrange: async () => {
      const e = await enrolled(p.a, { grade_level: '11' });
      return {
        fail: [await pathway(e.base, { pathway_credits: 1.5 })],
        pass: [await pathway(e.base, { cte_pathway: 'BU' })],
      };
    },
  },
  {
    rule: 'CTE-027B',
    name: 'R27 [V S34]: the same pathway from two districts fails (cross-district)',
    arrange: async () => {
      const e = await enrolled(p.a, { grade_level: '11' });
      await pathway(e.base, {});
      const dup = await pathway(
        { ...e.base, district_number: p.b.district },
        { start_date: `${Y - 1}-08-26` },
      );
      const other = await pathway({ ...e.base, district_number: p.b.district }, { cte_pathway: 'IT' });
      return { fail: [dup], pass: [other] };
    },
  },
  {
    rule: 'CTE-028',
    name: 'R28 [V S35]: Date Contacted in January fails, in November passes',
    arrange: async () => {
      const e = await enrolled(p.a, { grade_level: '12', school_year: Y }, {});
      const f = await enrolled(p.a, { grade_level: '12' });
      return {
        fail: [
          await rec('cte_follow_up', {
            enrollment_id: e.eid,
            ...e.base,
            cte_concentrator: true,
            date_contacted: `${Y}-01-05`,
          }),
        ],
        pass: [
          await rec('cte_follow_up', {
            enrollment_id: f.eid,
            ...f.base,
            cte_concentrator: true,
            date_contacted: `${Y}-06-10`,
          }).then(async (r) => {
            await sql`UPDATE cte_follow_up SET date_contacted = ${`${Y - 1}-11-03`}::date WHERE id = ${r.id}`.execute(
              t.db,
            );
            await sql`UPDATE enrollment SET end_date = ${`${Y - 1}-10-01`}::date WHERE id = ${f.eid}`.execute(
              t.db,
            );
            return r;
          }),
        ],
      };
    },
  },
  {
    rule: 'TA-029',
    name: 'R29 [V S41]: accommodations without an EL or 504 record fail',
    arrange: async () => {
      const ta = (e: Awaited<ReturnType<typeof enrolled>>) =>
        rec('test_accommodation', {
          enrollment_id: e.eid,
          ...e.base,
          state_assessment: 'MAST',
          start_date: `${Y - 1}-09-01`,
          end_date: `${Y}-05-01`,
          current_grade: '05',
          test_settings: 'Extended time',
        });
      const bad = await enrolled();
      const good = await enrolled();
      await rec('english_learner', {
        ...good.base,
        district_number: p.b.district,
        identified_date: `${Y - 3}-09-01`,
        el_status: 'EL',
      });
      return { fail: [await ta(bad)], pass: [await ta(good)] };
    },
  },
  {
    rule: 'LIT-037',
    name: 'R37 [V S54]: a classroom early-literacy child who is 3 on Sept 10 fails',
    arrange: async () => {
      const young = await enrolled(
        p.a,
        { grade_level: 'PK', early_literacy_program: 'C' },
        { birth_date: `${Y - 4}-09-11` },
      );
      const four = await enrolled(
        p.a,
        { grade_level: 'PK', early_literacy_program: 'C' },
        { birth_date: `${Y - 5}-09-10` },
      );
      return {
        fail: [{ table: 'enrollment', id: young.eid }],
        pass: [{ table: 'enrollment', id: four.eid }],
      };
    },
  },
  {
    rule: 'TC-031',
    name: 'R31 [V S36]: a rostered student not enrolled in the calendar fails',
    arrange: async () => {
      const course = await courseAt(p.a);
      const section = await rec('section', {
        course_id: course.id,
        district_number: p.a.district,
        school_year: Y,
        section_number: '1',
      });
      const inside = await enrolled(p.a);
      const outside = await enrolled(p.b);
      const ok = await rec('roster', {
        section_id: section.id,
        ...inside.base,
        start_date: `${Y - 1}-09-01`,
      });
      const bad = await rec('roster', {
        section_id: section.id,
        ...outside.base,
        district_number: p.a.district,
        start_date: `${Y - 1}-09-01`,
      });
      const staffRow = await rec('section_staff', {
        section_id: section.id,
        staff_id: await staffMember(),
        district_number: p.a.district,
        school_year: Y,
        start_date: `${Y}-01-10`,
        end_date: `${Y}-01-02`,
      });
      return { fail: [bad, staffRow], pass: [ok] };
    },
  },
  {
    rule: 'STF-032',
    name: 'R32 [V S37]: an assignment starting inside a closed matching one fails',
    arrange: async () => {
      const staff = await staffMember();
      const base = {
        staff_id: staff,
        district_number: p.a.district,
        school_year: Y,
        assignment_school_number: p.a.school,
        assignment_code: 'TCH',
      };
      await rec('staff_assignment', {
        ...base,
        assignment_start_date: `${Y - 1}-08-20`,
        assignment_end_date: `${Y}-06-10`,
      });
      const bad = await rec('staff_assignment', { ...base, assignment_start_date: `${Y}-01-05` });
      const ok = await rec('staff_assignment', {
        ...base,
        assignment_code: 'ADM',
        assignment_start_date: `${Y}-01-05`,
      });
      return { fail: [bad], pass: [ok] };
    },
  },
  {
    rule: 'TC-033',
    name: 'R33 [V S68]: a course without a 2-digit SCED subject area fails',
    arrange: async () => ({
      fail: [await courseAt(p.a, { sced_subject_area: '' })],
      pass: [await courseAt(p.a)],
    }),
  },
  {
    rule: 'BEH-035',
    name: 'R35 [V S39]: an event code outside the state codes fails',
    arrange: async () => {
      const e = await enrolled();
      const event = (code: string, id: string) =>
        rec('behavior_event', {
          enrollment_id: e.eid,
          ...e.base,
          incident_id: id,
          incident_date: `${Y}-02-02`,
          event_code: code,
          primary_event: true,
          resolution_code: 'OSS',
          resolution_start_date: `${Y}-02-03`,
        });
      return { fail: [await event('LOCAL-77', 'I1')], pass: [await event('FIT', 'I2')] };
    },
  },
];

describe('set-based record rules, one failing and one passing fixture each (montana-aim.md §6.4)', () => {
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
