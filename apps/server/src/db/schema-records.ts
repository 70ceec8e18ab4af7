/** Kysely row types of the record tables of migration 0004 (kept in step with migrations/). */
import type { Generated } from 'kysely';

/** Columns every record table has: its district, school year and the batch that last wrote it. */
type Scoped = {
  id: Generated<number>;
  district_number: string;
  school_year: number;
  batch_id: number | null;
  updated_at: Generated<string>;
};
type OfEnrollment = Scoped & { enrollment_id: number; student_id: number };
type OfStudent = Scoped & { student_id: number };
type OfStaff = Scoped & { staff_id: number };

/** Row types of the record tables by table name. */
export interface RecordSchema {
  program_participation: OfEnrollment & {
    title_i: boolean | null;
    ses: boolean | null;
    cclc_21st_participant: boolean | null;
    foreign_exchange: boolean | null;
    immigrant: boolean | null;
    immigrant_us_school_entry_date: string | null;
    gifted_status: string | null;
    gifted_evaluated_date: string | null;
    gifted_identified_date: string | null;
    gifted_end_date: string | null;
    homeless: boolean | null;
    homeless_nighttime_residence: string | null;
    homeless_unaccompanied: boolean | null;
    military_connected: boolean | null;
    part_b_eis: boolean | null;
    neglected_delinquent_program: string | null;
  };
  section_504: OfStudent & { start_date: string; end_date: string | null };
  english_learner: OfStudent & {
    identified_date: string;
    el_status: string;
    expected_exit_date: string | null;
    exit_date: string | null;
    english_proficiency_date: string | null;
    misidentified_date: string | null;
  };
  fram_eligibility: OfEnrollment & {
    eligibility_start_date: string;
    eligibility_end_date: string | null;
    fram_eligibility: string;
    fram_certification_type: string | null;
  };
  fall_count: OfEnrollment & {
    fall_aggregate_hours: string;
    fall_absent: string | null;
    exclude_fall_anb: boolean | null;
  };
  spring_count: OfEnrollment & {
    spring_aggregate_hours: string;
    spring_absent: string | null;
    exclude_spring_anb: boolean | null;
  };
  eoy_attendance: OfEnrollment & {
    ada_days_enrolled: string;
    ada_days_present: string;
    essa_days_absent: number;
  };
  instruction_mode: OfEnrollment & {
    mode_start_date: string;
    mode_end_date: string | null;
    instruction_mode: string;
  };
  cte_follow_up: OfEnrollment & {
    cte_concentrator: boolean | null;
    post_program_status: string | null;
    date_contacted: string | null;
  };
  cte_pathway_participation: OfStudent & {
    cte_pathway: string;
    district_credits: string;
    transfer_credits: string;
    pathway_credits: string;
    cte_concentrator: boolean;
    single_parent: boolean;
    start_date: string;
    dual_enrollment: boolean | null;
    work_based_learning: boolean | null;
  };
  behavior_event: OfEnrollment & {
    incident_id: string;
    incident_date: string;
    incident_title: string | null;
    event_code: string;
    primary_event: boolean;
    resolution_code: string;
    resolution_start_date: string;
    resolution_end_date: string | null;
    resolution_duration_days: string | null;
    assign_date: string | null;
  };
  extracurricular_participation: OfEnrollment & { completed_activities: number };
  test_accommodation: OfEnrollment & {
    state_assessment: string;
    start_date: string;
    end_date: string | null;
    el_student: boolean | null;
    section_504_student: boolean | null;
    current_grade: string;
    test_settings: string;
  };
  staff_employment: OfStaff & {
    employment_start_date: string;
    employment_end_date: string | null;
    assignment_school_number: string | null;
    assignment_code: string | null;
    assignment_fte: string | null;
    assignment_start_date: string | null;
    assignment_end_date: string | null;
  };
  staff_assignment: OfStaff & {
    assignment_school_number: string;
    assignment_start_date: string;
    assignment_code: string;
    assignment_end_date: string | null;
    assignment_fte: string | null;
  };
  course: Scoped & {
    calendar_id: number;
    school_number: string;
    course_number: string;
    course_name: string;
    sced_subject_area: string;
    sced_course_identifier: string;
    sced_lowest_grade: string | null;
    sced_highest_grade: string | null;
    carnegie_unit_credit: string | null;
    sced_course_level: string | null;
    sced_sequence: number | null;
    sced_sequence_total: number | null;
    distance_class: boolean | null;
    dual_enrollment_credit: boolean | null;
    alternative_ed_program: boolean | null;
  };
  section: Scoped & {
    course_id: number;
    section_number: string;
    session_type: string | null;
    session_number: string | null;
  };
  section_staff: OfStaff & {
    section_id: number;
    start_date: string;
    end_date: string | null;
    staff_type: string | null;
    role: string | null;
  };
  roster: OfStudent & { section_id: number; start_date: string; end_date: string | null };
  district_residency: {
    id: Generated<number>;
    enrollment_id: number;
    resident_district_number: string;
    agreement_type: string | null;
    agreement_submitted_date: string | null;
    batch_id: number | null;
    updated_at: Generated<string>;
  };
  record_submission: {
    district_number: string;
    school_year: number;
    template_id: string;
    batch_id: number;
    rows: number;
    submitted_at: Generated<string>;
  };
}
