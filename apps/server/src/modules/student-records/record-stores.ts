/**
 * Where each upload template's rows live and how an upload merges into them (montana-aim.md §4.2–§4.3).
 * Data columns are named after the template's column keys (decision 0023), so one generic, set-based commit
 * and extract serve every record type; this table says only what differs between them.
 */

/** What a row hangs off, and so how it is found from the file's identifying columns. */
export type ParentKind =
  /** An enrollment of the student in the file's school and calendar (most recent primary first, §4.3). */
  | 'enrollment'
  /** Every matching enrollment (P, S or N service type) in the file's calendar (Fall CTE, §4.3). */
  | 'enrollments'
  /** The student, district-level (EL, 504, EOY CTE: no school or calendar in the file). */
  | 'student'
  /** The staff member (Terms of Employment, District Assignment). */
  | 'staff'
  /** The school calendar (Course). */
  | 'calendar'
  /** The course in the calendar (Section). */
  | 'course'
  /** The section and the staff member (Staff History). */
  | 'section-staff'
  /** The section and the student (Roster). */
  | 'section-student'
  /** A school of the district, for rows of students not in the system (EWS student data, decision 0071). */
  | 'school';

/** How an upload changes what is stored. */
export type MergeMode =
  /** Insert new keys, update changed rows, leave unchanged rows alone (re-uploads change nothing). */
  | 'upsert'
  /** Replace the district's whole school year with the file (Behavior, §2.7 "Load complete file"). */
  | 'replace-year'
  /** Like upsert, but a row inside an existing date range is not created (Section 504, §2.3.7). */
  | 'upsert-unless-overlap';

/** Columns an upload may not overwrite, and when. */
export type KeepRule = {
  columns: string[];
  /** `filled`: never overwrite a non-empty value (Fall CTE post-program data); `closed`: only while the row is open (Staff History). */
  when: 'filled' | 'closed';
};

/** One record type's storage. */
export type RecordStore = {
  template: string;
  table: string;
  parent: ParentKind;
  /** Template columns that, with the parent, identify a stored row (beyond the parent id). */
  identity: string[];
  /** Template columns stored as typed values (everything the file says about the record). */
  data: string[];
  mode: MergeMode;
  /** A file column that only selects the enrollment (counts and attendance name its start date, §4.3). */
  enrollmentSelector?: string;
  keep?: KeepRule;
  /** Cut text columns to a length on commit (behavior incident titles, 50 characters, §2.7). */
  truncate?: Record<string, number>;
  /** A header-only file is a valid "nothing to report" submission (§2.5, §2.7). */
  emptyIsSubmission?: boolean;
  /**
   * Match enrollments this many years before the upload's year: Fall CTE follows up last year's
   * concentrator graduates (montana-aim.md §2.6), whose enrollment is in last year's calendar.
   */
  enrollmentYearOffset?: number;
  /** Rows belong to one school year (matched within it); otherwise a row spans years (EL, 504, staff). */
  perYear?: boolean;
};

const ENROLLMENT_PROGRAMS = [
  'title_i',
  'ses',
  'cclc_21st_participant',
  'foreign_exchange',
  'immigrant',
  'immigrant_us_school_entry_date',
  'gifted_status',
  'gifted_evaluated_date',
  'gifted_identified_date',
  'gifted_end_date',
  'homeless',
  'homeless_nighttime_residence',
  'homeless_unaccompanied',
  'military_connected',
  'part_b_eis',
  'neglected_delinquent_program',
];

const EWS_STUDENT_DATA = [
  'school_number',
  'grade_level',
  'birth_date',
  'days_enrolled',
  'days_absent',
  'behavior_events',
  'suspension_days',
  'course_failures',
  'credits_earned',
  'school_changes_this_year',
  'school_changes_last_year',
  'district_changes_this_year',
  'district_changes_last_year',
  'gender',
  'hispanic',
  'race_codes',
  'frl',
  'el',
  'iep',
  'homeless',
];

/** Every record type stored through the generic commit, by template id. */
export const RECORD_STORES: readonly RecordStore[] = [
  {
    template: 'program-participation',
    table: 'program_participation',
    parent: 'enrollment',
    identity: [],
    data: ENROLLMENT_PROGRAMS,
    mode: 'upsert',
  },
  {
    template: 'section-504',
    table: 'section_504',
    parent: 'student',
    identity: ['start_date'],
    data: ['end_date'],
    mode: 'upsert-unless-overlap',
  },
  {
    template: 'english-learners',
    table: 'english_learner',
    parent: 'student',
    identity: ['identified_date'],
    data: ['el_status', 'expected_exit_date', 'exit_date', 'english_proficiency_date', 'misidentified_date'],
    mode: 'upsert',
  },
  {
    template: 'fram',
    table: 'fram_eligibility',
    parent: 'enrollment',
    identity: ['eligibility_start_date'],
    data: ['fram_eligibility', 'fram_certification_type', 'eligibility_end_date'],
    mode: 'upsert',
  },
  {
    template: 'fall-count',
    table: 'fall_count',
    parent: 'enrollment',
    identity: [],
    data: ['fall_aggregate_hours', 'fall_absent', 'exclude_fall_anb'],
    mode: 'upsert',
    enrollmentSelector: 'start_date',
  },
  {
    template: 'spring-count',
    table: 'spring_count',
    parent: 'enrollment',
    identity: [],
    data: ['spring_aggregate_hours', 'spring_absent', 'exclude_spring_anb'],
    mode: 'upsert',
    enrollmentSelector: 'start_date',
  },
  {
    template: 'eoy-attendance',
    table: 'eoy_attendance',
    parent: 'enrollment',
    identity: [],
    data: ['ada_days_enrolled', 'ada_days_present', 'essa_days_absent'],
    mode: 'upsert',
    enrollmentSelector: 'start_date',
  },
  {
    template: 'mode-of-instruction',
    table: 'instruction_mode',
    parent: 'enrollment',
    identity: ['mode_start_date'],
    data: ['instruction_mode', 'mode_end_date'],
    mode: 'upsert',
  },
  {
    template: 'fall-cte',
    table: 'cte_follow_up',
    parent: 'enrollments',
    identity: [],
    data: ['cte_concentrator', 'post_program_status', 'date_contacted'],
    mode: 'upsert',
    keep: { columns: ['post_program_status', 'date_contacted'], when: 'filled' },
    enrollmentYearOffset: -1,
  },
  {
    template: 'eoy-cte',
    table: 'cte_pathway_participation',
    parent: 'student',
    identity: ['cte_pathway'],
    data: [
      'district_credits',
      'transfer_credits',
      'pathway_credits',
      'cte_concentrator',
      'single_parent',
      'start_date',
      'dual_enrollment',
      'work_based_learning',
    ],
    mode: 'upsert',
    perYear: true,
  },
  {
    template: 'behavior',
    table: 'behavior_event',
    parent: 'enrollment',
    identity: ['incident_id', 'event_code', 'resolution_code'],
    data: [
      'incident_date',
      'incident_title',
      'primary_event',
      'resolution_start_date',
      'resolution_end_date',
      'resolution_duration_days',
      'assign_date',
    ],
    mode: 'replace-year',
    truncate: { incident_title: 50 },
    emptyIsSubmission: true,
  },
  {
    template: 'extracurricular',
    table: 'extracurricular_participation',
    parent: 'enrollment',
    identity: [],
    data: ['completed_activities'],
    mode: 'upsert',
    emptyIsSubmission: true,
  },
  {
    template: 'test-accommodations',
    table: 'test_accommodation',
    parent: 'enrollment',
    identity: ['state_assessment', 'start_date'],
    data: ['end_date', 'el_student', 'section_504_student', 'current_grade', 'test_settings'],
    mode: 'upsert',
  },
  {
    template: 'terms-of-employment',
    table: 'staff_employment',
    parent: 'staff',
    identity: ['employment_start_date'],
    data: [
      'employment_end_date',
      'assignment_school_number',
      'assignment_code',
      'assignment_fte',
      'assignment_start_date',
      'assignment_end_date',
    ],
    mode: 'upsert',
  },
  {
    template: 'district-assignment',
    table: 'staff_assignment',
    parent: 'staff',
    identity: ['assignment_school_number', 'assignment_start_date', 'assignment_code'],
    data: ['assignment_end_date', 'assignment_fte'],
    mode: 'upsert',
  },
  {
    template: 'course',
    table: 'course',
    parent: 'calendar',
    identity: ['course_number'],
    data: [
      'course_name',
      'sced_subject_area',
      'sced_course_identifier',
      'sced_lowest_grade',
      'sced_highest_grade',
      'carnegie_unit_credit',
      'sced_course_level',
      'sced_sequence',
      'sced_sequence_total',
      'distance_class',
      'dual_enrollment_credit',
      'alternative_ed_program',
    ],
    mode: 'upsert',
  },
  {
    template: 'section',
    table: 'section',
    parent: 'course',
    identity: ['section_number'],
    data: ['session_type', 'session_number'],
    mode: 'upsert',
  },
  {
    template: 'staff-history',
    table: 'section_staff',
    parent: 'section-staff',
    identity: ['start_date'],
    data: ['staff_type', 'role', 'end_date'],
    mode: 'upsert',
    keep: { columns: ['staff_type', 'role', 'end_date'], when: 'closed' },
  },
  {
    template: 'roster',
    table: 'roster',
    parent: 'section-student',
    identity: [],
    data: ['start_date', 'end_date'],
    mode: 'upsert',
  },
  {
    // Students not in the system: keyed by the district's local ID and the as-of date (decision 0071).
    template: 'ews-student-data',
    table: 'ews_uploaded_student',
    parent: 'school',
    identity: ['student_local_id', 'as_of_date'],
    data: EWS_STUDENT_DATA,
    mode: 'upsert',
    perYear: true,
  },
];

/** The store of a template, if it has one. */
export function recordStoreOf(templateId: string): RecordStore | undefined {
  return RECORD_STORES.find((s) => s.template === templateId);
}

/** The id columns a parent kind contributes to a stored row. */
export function parentColumns(parent: ParentKind): string[] {
  switch (parent) {
    case 'enrollment':
    case 'enrollments':
      return ['enrollment_id', 'student_id'];
    case 'student':
      return ['student_id'];
    case 'staff':
      return ['staff_id'];
    case 'calendar':
      return ['calendar_id', 'school_number'];
    case 'course':
      return ['course_id'];
    case 'section-staff':
      return ['section_id', 'staff_id'];
    case 'section-student':
      return ['section_id', 'student_id'];
    case 'school':
      // The school is a data column of the row (a student may change school between as-of dates).
      return [];
  }
}

/** The columns that identify a stored row: the parent's key ones plus the identity columns. */
export function identityColumns(store: RecordStore): string[] {
  const parentKey: Record<ParentKind, string[]> = {
    enrollment: ['enrollment_id'],
    enrollments: ['enrollment_id'],
    student: ['student_id'],
    staff: ['staff_id'],
    calendar: ['calendar_id'],
    course: ['course_id'],
    'section-staff': ['section_id', 'staff_id'],
    'section-student': ['section_id', 'student_id'],
    school: [],
  };
  return [...parentKey[store.parent], ...store.identity];
}
