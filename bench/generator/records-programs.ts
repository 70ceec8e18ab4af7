import { addDays, gradeCode } from '@bitterroot/core';
import type { Enrollment } from './current-year.ts';
import type { Rng } from './prng.ts';
import { prefix, yearsBack } from './records-student.ts';
import type { Student } from './student.ts';
import type { Rec } from './tsv.ts';

function person(recordType: string, en: Enrollment, schoolYear: number): Rec {
  const s = en.student;
  return {
    record_type: recordType,
    district_number: en.districtNumber,
    student_state_id: s.known ? s.stateId : '',
    student_local_id: en.localId,
    last_name: s.name.lastName,
    first_name: s.name.firstName,
    school_year: schoolYear,
  };
}

/** English learner row (district level), EL status per el-status code set. */
export function englishLearnerRecord(rng: Rng, en: Enrollment, schoolYear: number): Rec | null {
  if (!en.student.el) return null;
  return {
    ...person('LP', en, schoolYear),
    el_status: 'EL',
    identified_date: en.student.known ? yearsBack(en.startDate, rng.int(1, 4)) : en.startDate,
    expected_exit_date: yearsBack(en.endDate, -rng.int(1, 3)),
  };
}

/** Section 504 row (district level). */
export function section504Record(rng: Rng, en: Enrollment, schoolYear: number): Rec | null {
  if (!en.student.section504) return null;
  return {
    ...person('504', en, schoolYear),
    start_date: yearsBack(en.startDate, rng.int(0, 3)),
    end_date: '',
  };
}

const PATHWAYS = ['AG', 'BU', 'MK', 'FC', 'IT', 'HS'];

/** EOY CTE rows for high-school students in a pathway; concentrator when pathway credits ≥ 2.0 (montana-aim.md §2.6). */
export function cteRecords(rng: Rng, en: Enrollment, schoolYear: number): Rec[] {
  if (en.grade < 9 || !rng.chance(0.35)) return [];
  const out: Rec[] = [];
  const n = rng.chance(0.15) ? 2 : 1;
  // One row per pathway (§2.6): a second pathway is the next one after the first, never the same.
  const first = rng.int(0, PATHWAYS.length - 1);
  for (let i = 0; i < n; i++) {
    const district = 0.5 * rng.int(1, Math.max(1, (en.grade - 8) * 2));
    const transfer = rng.chance(0.05) ? 0.5 : 0;
    out.push({
      ...person('CE', en, schoolYear),
      cte_pathway: PATHWAYS[(first + i) % PATHWAYS.length],
      district_credits: district.toFixed(1),
      transfer_credits: transfer.toFixed(1),
      pathway_credits: (district + transfer).toFixed(1),
      cte_concentrator: district + transfer >= 2,
      single_parent: rng.chance(0.005),
      start_date: en.student.firstGrade9Year ? `${en.student.firstGrade9Year - 1}-08-26` : en.startDate,
      dual_enrollment: rng.chance(0.08),
      work_based_learning: rng.chance(0.12),
    });
  }
  return out;
}

/** Fall CTE follow-up row for one of last year's concentrator graduates. */
export function fallCteRecord(rng: Rng, s: Student, en: Enrollment, schoolYear: number): Rec {
  const x = rng.next();
  return {
    ...prefix('CT', { ...en, student: s, localId: '' }, schoolYear),
    cte_concentrator: true,
    post_program_status: x < 0.55 ? '01' : x < 0.85 ? '04' : x < 0.9 ? '02' : x < 0.95 ? '05' : '99',
    date_contacted: addDays(`${schoolYear - 1}-10-01`, rng.int(0, 80)),
  };
}

const EVENTS = ['FIT', 'PAM', 'DRG', 'TOB', 'INS', 'HBS', 'THR', 'SRL', 'ALC', 'VAN', 'TFT', 'WPN'];
const TITLES: Record<string, string> = {
  FIT: 'Fight in hallway',
  PAM: 'Shoving at recess',
  DRG: 'Marijuana possession',
  TOB: 'Vaping in restroom',
  INS: 'Defiance of staff',
  HBS: 'Bullying',
  THR: 'Threat to student',
  SRL: 'Repeated rule violations',
  ALC: 'Alcohol at event',
  VAN: 'Damage to property',
  TFT: 'Theft of phone',
  WPN: 'Knife on campus',
};

/** Behavior rows: each incident that ended in a reportable removal (montana-aim.md §2.7). */
export function behaviorRecords(
  rng: Rng,
  en: Enrollment,
  schoolYear: number,
  nextIncident: () => string,
): Rec[] {
  const out: Rec[] = [];
  const share = en.daysEnrolled / Math.max(1, en.cal.dates.length);
  const incidents = Math.round(en.features.incidents * share);
  for (let i = 0; i < incidents; i++) {
    const idx = en.cal.dates.indexOf(en.startDate) + rng.int(0, Math.max(0, en.daysEnrolled - 6));
    const date = en.cal.dates[Math.min(idx, en.cal.dates.length - 6)]!;
    const event = EVENTS[Math.min(EVENTS.length - 1, Math.floor(rng.next() ** 1.6 * EVENTS.length))]!;
    const days = rng.int(1, 5);
    const resolution = en.student.iep && rng.chance(0.3) ? 'ISS' : rng.chance(0.02) ? 'EXP' : 'OSS';
    out.push({
      ...prefix('BH', en, schoolYear),
      incident_id: nextIncident(),
      incident_date: date,
      incident_title: TITLES[event],
      event_code: event,
      primary_event: true,
      resolution_code: resolution,
      resolution_start_date: addDays(date, 1),
      resolution_end_date: addDays(date, days),
      resolution_duration_days: days,
      assign_date: date,
    });
  }
  return out;
}

/** Mode of instruction rows: only hybrid or remote students need one (montana-aim.md §2.12). */
export function modeRecord(rng: Rng, en: Enrollment, schoolYear: number): Rec | null {
  if (!rng.chance(0.015)) return null;
  return {
    ...prefix('MI', en, schoolYear),
    instruction_mode: rng.chance(0.6) ? '3' : '2',
    mode_start_date: en.startDate,
    mode_end_date: en.endDate,
  };
}

/** Test accommodation rows for EL and 504 students in assessed grades (montana-aim.md §2.14). */
export function accommodationRecord(en: Enrollment, schoolYear: number): Rec | null {
  const s = en.student;
  if (!(s.el || s.section504) || !((en.grade >= 3 && en.grade <= 8) || en.grade === 11)) return null;
  return {
    ...prefix('TA', en, schoolYear),
    el_student: s.el,
    section_504_student: s.section504,
    current_grade: gradeCode(en.grade),
    start_date: en.startDate,
    end_date: en.endDate,
    state_assessment: s.el ? 'ACCESS' : en.grade === 11 ? 'ACT' : 'MAST',
    test_settings: s.el ? ['Separate setting', 'Extended time'] : ['Extended time'],
  };
}
