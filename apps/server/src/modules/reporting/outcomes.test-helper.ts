/**
 * A hand-countable state for the outcome, export and public-report tests: one ACGR cohort, dropouts, CTE,
 * behavior and attendance in district `a`, a re-enrolment in district `b`. Every expected number in the tests
 * can be counted from this file.
 */
import type { TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR as Y } from '../../../test/test-env.ts';
import { snapshotYears, SNAPSHOT_SOURCES } from '../collections/snapshot-sources.ts';
import { upsertSchoolYear } from '../organizations/organization-load.repository.ts';
import { takeSnapshots } from '../collections/snapshot.repository.ts';
import {
  buildEnrollment,
  buildRecord,
  buildStudent,
  places,
  type EnrollmentOver,
  type Place,
} from '../validation/fixtures.test-helper.ts';

/** The places and the state IDs of the named fixture students. */
export type OutcomeFixture = {
  a: Place;
  a2: Place;
  b: Place;
  id: Record<string, string>;
  enrollment: Record<string, number>;
};

const COHORT_ENTRY = `${Y - 4}-08-25`; // first entered grade 9 in Y-3: the 4-year cohort ending in Y

/** Builds the fixture. */
export async function buildOutcomeFixture(t: TestDatabase): Promise<OutcomeFixture> {
  const { a, a2, b } = await places(t);
  const id: Record<string, string> = {};
  const enrollment: Record<string, number> = {};
  const student: Record<string, number> = {};
  const add = async (
    name: string,
    at: Place,
    over: EnrollmentOver,
    who: Parameters<typeof buildStudent>[1] = {},
  ) => {
    if (!student[name]) {
      const s = await buildStudent(t, who);
      student[name] = s.id;
      id[name] = s.stateId;
    }
    enrollment[name] = await buildEnrollment(t, student[name], at, over);
    return enrollment[name];
  };
  const cohort = { grade_level: '12', date_first_entered_9th_grade: COHORT_ENTRY };
  const diploma = { diploma_date: `${Y}-05-31`, diploma_type: '01', end_status: '400' };
  await add('grad1', a, { ...cohort, ...diploma }, { race_codes: '2' });
  await add('grad2', a, { ...cohort, ...diploma }, { gender: 'M', race_codes: '6' });
  await add('cohortDropout', a, { ...cohort, grade_level: '11', end_status: '300', end_date: `${Y}-02-01` });
  await add('movedAway', a, { ...cohort, end_status: '210', end_date: `${Y - 1}-09-15` });
  await add('vanished', a, { ...cohort, end_status: '200', end_date: `${Y}-01-15` });
  await add('dropout', a, { grade_level: '10', end_status: '300', end_date: `${Y}-02-01` });
  await add('returned', a, { grade_level: '10', end_status: '300', end_date: `${Y}-03-01` });
  await add('returned', b, { grade_level: '10', start_date: `${Y}-04-01`, end_date: `${Y}-06-05` });
  await add('later', a, { grade_level: '09', date_first_entered_9th_grade: `${Y - 1}-08-27` });
  await add('cte1', a2, { grade_level: '11' }, { last_name: '=HYPERLINK("http://x")' });
  await add('cte2', a2, { grade_level: '11' });
  await add('iep', a2, { grade_level: '08', service_type: 'N' });
  await add('cclc', a2, { grade_level: '08' });
  await add('general', a2, { grade_level: '08' });
  await t.db
    .updateTable('enrollment')
    .set({ cclc_21st_participant: true })
    .where('id', '=', enrollment['cclc']!)
    .execute();
  await t.db
    .updateTable('student')
    .set({ photo_opt_in: 'OPT-IN' })
    .where('id', 'in', [student['cte1']!, student['grad1']!])
    .execute();
  const year = { district_number: a.district, school_year: Y };
  const cte = (name: string, pathway: string, dc: number, tc: number) =>
    buildRecord(t, 'cte_pathway_participation', {
      ...year,
      student_id: student[name],
      cte_pathway: pathway,
      district_credits: dc,
      transfer_credits: tc,
      pathway_credits: dc + tc,
      cte_concentrator: false,
      single_parent: false,
      start_date: `${Y - 1}-09-01`,
    });
  await cte('cte1', 'AG', 1.5, 0.5);
  await cte('cte2', 'AG', 1, 0);
  await cte('cte2', 'BU', 1, 0);
  const behavior = (name: string, code: string, days: number) =>
    buildRecord(t, 'behavior_event', {
      ...year,
      enrollment_id: enrollment[name],
      student_id: student[name],
      incident_id: `inc-${name}`,
      incident_date: `${Y - 1}-11-03`,
      event_code: 'FIT',
      primary_event: true,
      resolution_code: code,
      resolution_start_date: `${Y - 1}-11-04`,
      resolution_duration_days: days,
    });
  await behavior('general', 'OSS', 3);
  await behavior('cte2', 'ISS', 1);
  await behavior('iep', 'ISS', 12);
  await behavior('cclc', 'ISS', 2);
  const eoy = (name: string, enrolled: number, absent: number) =>
    buildRecord(t, 'eoy_attendance', {
      ...year,
      enrollment_id: enrollment[name],
      student_id: student[name],
      ada_days_enrolled: enrolled,
      ada_days_present: enrolled - absent,
      essa_days_absent: absent,
    });
  await eoy('cte1', 170, 20);
  await eoy('cte2', 170, 2);
  await eoy('iep', 100, 10);
  return { a, a2, b, id, enrollment };
}

/**
 * Freezes districts a and b for a collection as certification does (decision 0043), for an event of `eventYear`
 * (a prior-year collection's event is the year after the one it reports, decision 0062).
 */
export async function certify(
  t: TestDatabase,
  f: OutcomeFixture,
  collectionId: string,
  templates: string[],
  eventYear = Y,
) {
  await upsertSchoolYear(t.db, eventYear);
  const event = await t.db
    .insertInto('certification_event')
    .values({
      school_year: eventYear,
      name: collectionId,
      types: [collectionId],
      level: 'district',
      collection_id: collectionId,
      templates,
      event_start: `${Y - 1}-10-01`,
      certification_opens: `${Y - 1}-10-01`,
      due_date: `${Y}-06-30`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await takeSnapshots(t.db, {
    eventId: Number(event.id),
    schoolYear: snapshotYears({ schoolYear: eventYear, collectionId }),
    takenBy: null,
    targets: [f.a, f.b].map((p) => ({ district: p.district, round: 1 })),
    sources: templates.map((x) => SNAPSHOT_SOURCES.get(x)!),
  });
}
