-- 0004 student records: every Montana record type beyond identity and enrollment (montana-aim.md §2.3–§2.15,
-- layouts §4.3). Frozen once released.
-- Data columns carry the upload template's column key as their name, so one generic, set-based commit and
-- extract serve every template (decision 0023). Each row names its district and school year (the future
-- distribution column and the certification scope) and the batch that last wrote it (provenance).

-- Enrollment fields the Enrollment template carries beyond the core span (montana-aim.md §2.2, §2.10, §2.11).
ALTER TABLE enrollment
  ADD COLUMN sort_by text,
  ADD COLUMN diploma_date date,
  ADD COLUMN diploma_type text,
  ADD COLUMN diploma_period text,
  ADD COLUMN drop_out_reason text,
  ADD COLUMN date_first_entered_9th_grade date,
  ADD COLUMN military_connection_status text,
  ADD COLUMN extracurricular_only boolean,
  ADD COLUMN esa_participant boolean,
  ADD COLUMN early_literacy_program text,
  ADD COLUMN age_19_20_eligible boolean,
  ADD COLUMN cclc_21st_participant boolean,
  ADD COLUMN immigrant_us_school_entry_date date,
  ADD COLUMN sped_exit_date date,
  ADD COLUMN sped_exit_reason text,
  ADD COLUMN batch_id bigint;

-- Missing-child photo repository opt-in (montana-aim.md §2.13): Opt In / Opt Out / blank.
ALTER TABLE student ADD COLUMN photo_opt_in text;

-- Program Participation (PP): one row per enrollment, overwritten by each upload (§4.3, §2.3).
CREATE TABLE program_participation (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  title_i boolean,
  ses boolean,
  cclc_21st_participant boolean,
  foreign_exchange boolean,
  immigrant boolean,
  immigrant_us_school_entry_date date,
  gifted_status text,
  gifted_evaluated_date date,
  gifted_identified_date date,
  gifted_end_date date,
  homeless boolean,
  homeless_nighttime_residence text,
  homeless_unaccompanied boolean,
  military_connected boolean,
  part_b_eis boolean,
  neglected_delinquent_program text,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX program_participation_scope ON program_participation (district_number, school_year);

-- Section 504 (record 504): district-level date ranges; no second record inside an existing range (§2.3.7).
CREATE TABLE section_504 (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  start_date date NOT NULL,
  end_date date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (student_id, district_number, start_date),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX section_504_scope ON section_504 (district_number, school_year);

-- English learners (LP): district-level; a new identified date starts a new EL record (§2.3.2).
CREATE TABLE english_learner (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  identified_date date NOT NULL,
  el_status text NOT NULL,
  expected_exit_date date,
  exit_date date,
  english_proficiency_date date,
  misidentified_date date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (student_id, district_number, identified_date)
);
CREATE INDEX english_learner_scope ON english_learner (district_number, school_year);

-- Free/reduced meal eligibility spans (FR, §2.3.1).
CREATE TABLE fram_eligibility (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  eligibility_start_date date NOT NULL,
  eligibility_end_date date,
  fram_eligibility text NOT NULL,
  fram_certification_type text,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enrollment_id, eligibility_start_date)
);
CREATE INDEX fram_eligibility_scope ON fram_eligibility (district_number, school_year);

-- Count-date values (AF, AS; §2.4, §8): one row per enrollment and count.
CREATE TABLE fall_count (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  fall_aggregate_hours numeric NOT NULL,
  fall_absent numeric,
  exclude_fall_anb boolean,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fall_count_scope ON fall_count (district_number, school_year);

CREATE TABLE spring_count (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  spring_aggregate_hours numeric NOT NULL,
  spring_absent numeric,
  exclude_spring_anb boolean,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spring_count_scope ON spring_count (district_number, school_year);

-- End-of-year attendance totals (AA, §2.4, §8.4).
CREATE TABLE eoy_attendance (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  ada_days_enrolled numeric NOT NULL,
  ada_days_present numeric NOT NULL,
  essa_days_absent integer NOT NULL,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eoy_attendance_scope ON eoy_attendance (district_number, school_year);

-- Student mode of instruction (MI, §2.12): dated records.
CREATE TABLE instruction_mode (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  mode_start_date date NOT NULL,
  mode_end_date date,
  instruction_mode text NOT NULL,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enrollment_id, mode_start_date)
);
CREATE INDEX instruction_mode_scope ON instruction_mode (district_number, school_year);

-- Fall CTE follow-up (CT, §2.6): post-program data is never overwritten by an upload.
CREATE TABLE cte_follow_up (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  cte_concentrator boolean,
  post_program_status text,
  date_contacted date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cte_follow_up_scope ON cte_follow_up (district_number, school_year);

-- End-of-year CTE (CE, §2.6): one row per student and pathway.
CREATE TABLE cte_pathway_participation (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  cte_pathway text NOT NULL,
  district_credits numeric NOT NULL,
  transfer_credits numeric NOT NULL,
  pathway_credits numeric NOT NULL,
  cte_concentrator boolean NOT NULL,
  single_parent boolean NOT NULL,
  start_date date NOT NULL,
  dual_enrollment boolean,
  work_based_learning boolean,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (student_id, district_number, school_year, cte_pathway)
);
CREATE INDEX cte_pathway_participation_scope ON cte_pathway_participation (district_number, school_year);

-- Behavior (BH, §2.7): each upload replaces the district's year.
CREATE TABLE behavior_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  incident_id text NOT NULL,
  incident_date date NOT NULL,
  incident_title text,
  event_code text NOT NULL,
  primary_event boolean NOT NULL,
  resolution_code text NOT NULL,
  resolution_start_date date NOT NULL,
  resolution_end_date date,
  resolution_duration_days numeric,
  assign_date date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enrollment_id, incident_id, event_code, resolution_code)
);
CREATE INDEX behavior_event_scope ON behavior_event (district_number, school_year);

-- Extracurricular participation (EC, §2.5): completed activities per participant.
CREATE TABLE extracurricular_participation (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  completed_activities integer NOT NULL,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX extracurricular_participation_scope ON extracurricular_participation (district_number, school_year);

-- State assessment accommodations (TA, §2.14).
CREATE TABLE test_accommodation (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL REFERENCES enrollment ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  state_assessment text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  el_student boolean,
  section_504_student boolean,
  current_grade text NOT NULL,
  test_settings text NOT NULL,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enrollment_id, state_assessment, start_date)
);
CREATE INDEX test_accommodation_scope ON test_accommodation (district_number, school_year);

-- Terms of Employment (TE, §2.8): a later start date after a closed record is a new employment.
CREATE TABLE staff_employment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  employment_start_date date NOT NULL,
  employment_end_date date,
  assignment_school_number text,
  assignment_code text,
  assignment_fte numeric,
  assignment_start_date date,
  assignment_end_date date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (staff_id, district_number, employment_start_date)
);
CREATE INDEX staff_employment_scope ON staff_employment (district_number, school_year);

-- District Assignment (DA, §2.8).
CREATE TABLE staff_assignment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  assignment_school_number text NOT NULL,
  assignment_start_date date NOT NULL,
  assignment_code text NOT NULL,
  assignment_end_date date,
  assignment_fte numeric,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (staff_id, district_number, assignment_school_number, assignment_start_date, assignment_code)
);
CREATE INDEX staff_assignment_scope ON staff_assignment (district_number, school_year);

-- Teacher–class data (§2.9): course → section → staff history and roster.
CREATE TABLE course (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  calendar_id bigint NOT NULL REFERENCES calendar,
  school_number text NOT NULL REFERENCES school,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  course_number text NOT NULL,
  course_name text NOT NULL,
  sced_subject_area text NOT NULL,
  sced_course_identifier text NOT NULL,
  sced_lowest_grade text,
  sced_highest_grade text,
  carnegie_unit_credit numeric,
  sced_course_level text,
  sced_sequence integer,
  sced_sequence_total integer,
  distance_class boolean,
  dual_enrollment_credit boolean,
  alternative_ed_program boolean,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (calendar_id, course_number)
);
CREATE INDEX course_scope ON course (district_number, school_year);

CREATE TABLE section (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id bigint NOT NULL REFERENCES course ON DELETE CASCADE,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  section_number text NOT NULL,
  session_type text,
  session_number text,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (course_id, section_number)
);
CREATE INDEX section_scope ON section (district_number, school_year);

CREATE TABLE section_staff (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  section_id bigint NOT NULL REFERENCES section ON DELETE CASCADE,
  staff_id bigint NOT NULL REFERENCES staff,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  start_date date NOT NULL,
  end_date date,
  staff_type text,
  role text,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (section_id, staff_id, start_date)
);
CREATE INDEX section_staff_scope ON section_staff (district_number, school_year);

CREATE TABLE roster (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  section_id bigint NOT NULL REFERENCES section ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  start_date date NOT NULL,
  end_date date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (section_id, student_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX roster_scope ON roster (district_number, school_year);
CREATE INDEX roster_student ON roster (student_id);

-- District residency and attendance agreements (§2.15): the resident district of a non-resident student.
CREATE TABLE district_residency (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id bigint NOT NULL UNIQUE REFERENCES enrollment ON DELETE CASCADE,
  resident_district_number text NOT NULL REFERENCES district,
  agreement_type text CHECK (agreement_type IN ('mandatory', 'discretionary')),
  agreement_submitted_date date,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An explicit "nothing to report" for a record type (extracurricular, behavior: §2.5, §2.7): certification
-- needs to tell "sent nothing" from "has not sent yet".
CREATE TABLE record_submission (
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  template_id text NOT NULL,
  batch_id bigint NOT NULL REFERENCES ingestion_batch,
  rows integer NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_number, school_year, template_id)
);
