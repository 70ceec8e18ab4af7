import { addDays, firstWeekdayOfMonth, gradeCode } from '@bitterroot/core';
import type { IsoDate } from '@bitterroot/core';
import { schoolDayOnOrAfter } from './calendar-book.ts';
import type { Enrollment } from './current-year.ts';
import type { Rng } from './prng.ts';
import type { Rec } from './tsv.ts';

/** The eight-field prefix and trailing year shared by student files (montana-aim.md §4.1). */
export function prefix(recordType: string, en: Enrollment, schoolYear: number): Rec {
  const s = en.student;
  return {
    record_type: recordType,
    district_number: en.districtNumber,
    school_number: en.school.schoolNumber,
    calendar_number: en.cal.calendar.calendarNumber,
    // New-to-state students have no state ID yet: districts send them blank (montana-aim.md §4.2).
    student_state_id: s.known ? s.stateId : '',
    student_local_id: en.localId,
    last_name: s.name.lastName,
    first_name: s.name.firstName,
    school_year: schoolYear,
  };
}

/** Grade code; most Montana kindergartens run full day (KF), a few schools half day (KG). */
export function gradeOf(en: Enrollment): string {
  if (en.grade !== 0) return gradeCode(en.grade);
  return Number(en.school.schoolNumber) % 5 === 0 ? 'KG' : 'KF';
}

/** Student Demographic row (district level). */
export function demographicRecord(rng: Rng, en: Enrollment): Rec {
  const s = en.student;
  const photo = rng.next();
  return {
    record_type: 'SD',
    district_number: en.districtNumber,
    student_state_id: s.known ? s.stateId : '',
    student_local_id: en.localId,
    last_name: s.name.lastName,
    first_name: s.name.firstName,
    middle_name: s.name.middleName,
    name_suffix: s.name.suffix,
    gender: s.gender,
    birth_date: s.birthDate,
    hispanic: s.hispanic,
    race_codes: s.races,
    // ~18% opt in to the photo repository (montana-aim.md §2.13).
    photo_opt_in: photo < 0.18 ? 'OPT-IN' : photo < 0.3 ? 'OPT-OUT' : '',
  };
}

/** Student Enrollment row. */
export function enrollmentRecord(en: Enrollment, schoolYear: number): Rec {
  const s = en.student;
  const graduated = en.endStatus === '400' || en.endStatus === '410';
  return {
    ...prefix('EN', en, schoolYear),
    grade_level: gradeOf(en),
    start_date: en.startDate,
    start_status: en.startStatus,
    end_date: en.endDate,
    end_status: en.endStatus,
    service_type: 'P',
    no_show: false,
    diploma_date: graduated ? en.endDate : '',
    diploma_type: graduated
      ? en.endStatus === '410'
        ? '03'
        : s.iep && en.features.coursesFailed > 1
          ? '04'
          : '01'
      : '',
    diploma_period: graduated ? 'R' : '',
    drop_out_reason: en.dropoutReason,
    date_first_entered_9th_grade:
      en.grade >= 9 && s.firstGrade9Year !== null ? `${s.firstGrade9Year - 1}-08-26` : '',
    military_connection_status: ['40', '60', '80'].includes(en.startStatus) ? 'ADN' : '',
    extracurricular_only: false,
    early_literacy_program: en.grade === -1 && Number(en.school.schoolNumber) % 2 === 0 ? 'C' : '',
    age_19_20_eligible: false,
  };
}

/** Program Participation row. */
export function programRecord(rng: Rng, en: Enrollment, schoolYear: number): Rec {
  const s = en.student;
  const residence = rng.next();
  return {
    ...prefix('PP', en, schoolYear),
    title_i: s.frl !== 'N' && en.grade <= 8,
    foreign_exchange: false,
    immigrant: s.el && !s.americanIndian && s.name.lastName.length % 3 === 0,
    gifted_status: s.gifted ? '1' : '',
    gifted_evaluated_date: s.gifted ? `${schoolYear - 2}-10-15` : '',
    gifted_identified_date: s.gifted ? `${schoolYear - 2}-11-20` : '',
    homeless: s.homeless,
    // EDFacts-style nighttime residence, mostly doubled-up.
    homeless_nighttime_residence: s.homeless
      ? residence < 0.7
        ? '2'
        : residence < 0.85
          ? '1'
          : residence < 0.95
            ? '4'
            : '3'
      : '',
    homeless_unaccompanied: s.homeless && en.grade >= 9 && residence > 0.8,
    military_connected: s.military,
  };
}

/** The first Monday of a month of the school year, moved to the next school day (montana-facts.md §3.2). */
export function countDate(en: Enrollment, month: 10 | 2, schoolYear: number): IsoDate {
  const year = month === 10 ? schoolYear - 1 : schoolYear;
  return schoolDayOnOrAfter(en.cal, firstWeekdayOfMonth(year, month, 1));
}

/** Aggregate hours the program provides (MCA 20-1-301 minimums, montana-aim.md §1.4). */
function hours(en: Enrollment): number {
  if (en.grade === -1) return 360;
  if (en.grade === 0) return gradeOf(en) === 'KF' ? 720 : 360;
  return en.grade <= 3 ? 720 : 1080;
}

/** Fall or spring count row, for enrollments spanning the count date; null otherwise. */
export function countRecord(
  rng: Rng,
  en: Enrollment,
  season: 'fall' | 'spring',
  schoolYear: number,
): Rec | null {
  const date = countDate(en, season === 'fall' ? 10 : 2, schoolYear);
  if (en.startDate > date || en.endDate < date) return null;
  // A few high-risk students hit the 11th consecutive absence (10-day rule, montana-facts.md §3.2).
  const absent =
    en.features.absenceRate > 0.3 && rng.chance(0.15)
      ? rng.int(11, 20)
      : en.features.absenceRate > 0.1
        ? rng.int(0, 2)
        : 0;
  const p = prefix(season === 'fall' ? 'AF' : 'AS', en, schoolYear);
  return season === 'fall'
    ? {
        ...p,
        start_date: en.startDate,
        fall_aggregate_hours: hours(en),
        fall_absent: absent,
        exclude_fall_anb: absent >= 11,
      }
    : {
        ...p,
        start_date: en.startDate,
        spring_aggregate_hours: hours(en),
        spring_absent: absent,
        exclude_spring_anb: absent >= 11,
      };
}

/** End-of-year attendance totals (montana-facts.md §3.9–3.10); half days appear in days present. */
export function attendanceRecord(en: Enrollment, schoolYear: number): Rec {
  const half = en.daysAbsent > 2 && en.student.stateId.endsWith('7') ? 0.5 : 0;
  return {
    ...prefix('AA', en, schoolYear),
    start_date: en.startDate,
    ada_days_enrolled: en.daysEnrolled,
    ada_days_present: en.daysEnrolled - en.daysAbsent + half,
    essa_days_absent: en.daysAbsent,
  };
}

/** FRAM row for free- or reduced-eligible students. */
export function framRecord(rng: Rng, en: Enrollment, schoolYear: number): Rec | null {
  const s = en.student;
  if (s.frl === 'N') return null;
  return {
    ...prefix('FR', en, schoolYear),
    fram_eligibility: s.frl,
    fram_certification_type: s.homeless ? 'C' : rng.chance(0.6) ? 'D' : 'I',
    eligibility_start_date: en.startDate,
    eligibility_end_date: '',
  };
}

/** Date the student started a program, some years back. */
export function yearsBack(date: IsoDate, years: number): IsoDate {
  return addDays(date, -365 * years);
}
