-- Early Warning System (issue 10; early-warning.md §1.1, §5; decisions 0056–0059).

-- Term totals of the Montana EWS extract: attendance, behavior and grade data per student, school and period
-- (early-warning.md §1.1 "Vendor extracts"), dated at the period's last day so features can be taken as of a
-- date (decision 0030). Prior years come from the conversion load; districts send the current year.
CREATE TABLE ews_term (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_number text NOT NULL REFERENCES school,
  school_year integer NOT NULL REFERENCES school_year,
  grade_level text NOT NULL,
  term_end date NOT NULL,
  days_enrolled numeric NOT NULL CHECK (days_enrolled >= 0),
  days_present numeric NOT NULL CHECK (days_present >= 0 AND days_present <= days_enrolled),
  behavior_incidents integer NOT NULL DEFAULT 0 CHECK (behavior_incidents >= 0),
  suspension_days numeric NOT NULL DEFAULT 0 CHECK (suspension_days >= 0),
  courses_failed integer NOT NULL DEFAULT 0 CHECK (courses_failed >= 0),
  credits_earned numeric NOT NULL DEFAULT 0 CHECK (credits_earned >= 0),
  UNIQUE (student_id, school_number, term_end)
);
CREATE INDEX ews_term_scope ON ews_term (district_number, school_year);
CREATE INDEX ews_term_student ON ews_term (student_id, term_end);

-- Audit-only attributes of a student in a year (FRL, EL, IEP, homeless) where the program tables do not hold
-- them (prior years of the conversion load). Never model inputs (early-warning.md §4.4 "Inputs policy").
CREATE TABLE ews_audit_year (
  student_id bigint NOT NULL REFERENCES student,
  school_year integer NOT NULL REFERENCES school_year,
  frl boolean NOT NULL,
  el boolean NOT NULL,
  iep boolean NOT NULL,
  homeless boolean NOT NULL,
  PRIMARY KEY (school_year, student_id)
);

-- One frozen, versioned model per grade (early-warning.md §3 note 8): the artifact JSON holds coefficients,
-- feature spec, scaling, penalty, training cohorts, thresholds, metrics and fairness. Only status and the
-- promotion columns may change after insert.
CREATE TABLE ews_model (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grade integer NOT NULL CHECK (grade BETWEEN 6 AND 12),
  version integer NOT NULL,
  status text NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'current', 'retired')),
  artifact jsonb NOT NULL,
  content_hash text NOT NULL,
  trained_by bigint REFERENCES app_user,
  trained_at timestamptz NOT NULL DEFAULT now(),
  promoted_by bigint REFERENCES app_user,
  promoted_at timestamptz,
  UNIQUE (grade, version)
);
CREATE UNIQUE INDEX ews_model_one_current ON ews_model (grade) WHERE status = 'current';

CREATE FUNCTION ews_model_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ews_model rows are kept: retire a model instead' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.artifact IS DISTINCT FROM OLD.artifact OR NEW.grade <> OLD.grade OR NEW.version <> OLD.version
     OR NEW.content_hash <> OLD.content_hash THEN
    RAISE EXCEPTION 'ews_model artifacts are frozen' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER ews_model_no_change BEFORE UPDATE OR DELETE ON ews_model
  FOR EACH ROW EXECUTE FUNCTION ews_model_frozen();

-- A scoring run of every enrolled student in grades 6–12 as of a date (nightly or on demand), kept so schools
-- can compare their flag rates with the state over time (early-warning.md §1.1).
CREATE TABLE ews_score_run (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  as_of date NOT NULL,
  school_year integer NOT NULL REFERENCES school_year,
  started_by bigint REFERENCES app_user,
  started_at timestamptz NOT NULL DEFAULT now(),
  students integer NOT NULL DEFAULT 0
);
CREATE INDEX ews_score_run_as_of ON ews_score_run (as_of);

CREATE TABLE ews_score (
  run_id bigint NOT NULL REFERENCES ews_score_run ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_number text NOT NULL REFERENCES school,
  grade integer NOT NULL,
  model_id bigint NOT NULL REFERENCES ews_model,
  probability double precision NOT NULL,
  band text NOT NULL CHECK (band IN ('low', 'moderate', 'high')),
  reasons jsonb NOT NULL,
  PRIMARY KEY (run_id, student_id)
);
CREATE INDEX ews_score_school ON ews_score (district_number, school_number, run_id);
CREATE INDEX ews_score_student ON ews_score (student_id, run_id);
