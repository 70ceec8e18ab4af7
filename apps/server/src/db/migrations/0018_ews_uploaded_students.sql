-- EWS student data uploaded by districts for students not in the system (issue 10; early-warning.md §1.1 "a
-- data-file template let districts upload their own student file"; decision 0071). Rows come only through the
-- upload pipeline's generic record commit (template ews-student-data): district-scoped, keyed by the
-- district's local student ID and the as-of date. Audit-only columns are never model inputs (§4.4).
CREATE TABLE ews_uploaded_student (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  school_number text NOT NULL REFERENCES school,
  student_local_id text NOT NULL,
  as_of_date date NOT NULL,
  grade_level text NOT NULL CHECK (grade_level IN ('06', '07', '08', '09', '10', '11', '12')),
  birth_date date NOT NULL,
  days_enrolled numeric NOT NULL CHECK (days_enrolled >= 0),
  days_absent numeric NOT NULL CHECK (days_absent >= 0 AND days_absent <= days_enrolled),
  behavior_events integer NOT NULL CHECK (behavior_events >= 0),
  suspension_days numeric NOT NULL CHECK (suspension_days >= 0),
  course_failures integer NOT NULL CHECK (course_failures >= 0),
  credits_earned numeric CHECK (credits_earned >= 0),
  school_changes_this_year integer NOT NULL CHECK (school_changes_this_year >= 0),
  school_changes_last_year integer NOT NULL CHECK (school_changes_last_year >= 0),
  district_changes_this_year integer NOT NULL CHECK (district_changes_this_year BETWEEN 0 AND school_changes_this_year),
  district_changes_last_year integer NOT NULL CHECK (district_changes_last_year BETWEEN 0 AND school_changes_last_year),
  gender text,
  hispanic boolean,
  race_codes text,
  frl boolean,
  el boolean,
  iep boolean,
  homeless boolean,
  batch_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_number, student_local_id, as_of_date)
);
CREATE INDEX ews_uploaded_student_scope ON ews_uploaded_student (district_number, school_year);

-- The latest score of each uploaded row: written on the upload's commit and by every statewide scoring run,
-- with the model that scored it and its reasons (the state mean is the reference, decision 0032).
CREATE TABLE ews_uploaded_score (
  uploaded_id bigint PRIMARY KEY REFERENCES ews_uploaded_student ON DELETE CASCADE,
  district_number text NOT NULL,
  school_year integer NOT NULL,
  model_id bigint NOT NULL REFERENCES ews_model,
  probability double precision NOT NULL,
  band text NOT NULL CHECK (band IN ('low', 'moderate', 'high')),
  reasons jsonb NOT NULL,
  scored_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ews_uploaded_score_scope ON ews_uploaded_score (district_number, school_year);
