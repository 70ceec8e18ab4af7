-- Early Warning System interventions (issue 10; early-warning.md §1.1 "so schools can act early and see whether
-- an intervention works"; decision 0066). A school records what it did for a student and from when, so the
-- student's risk trend can be read against it. Kept append-only like the audit trail: a wrong entry is ended
-- or superseded by a new one, never rewritten.
CREATE TABLE ews_intervention (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_number text REFERENCES school,
  started_on date NOT NULL,
  ended_on date CHECK (ended_on IS NULL OR ended_on >= started_on),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 80),
  note text CHECK (note IS NULL OR length(note) <= 500),
  recorded_by bigint REFERENCES app_user,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ews_intervention_student ON ews_intervention (student_id, started_on);

-- Stored scores are derived rows, copied by the scoring run from enrollments and models that already satisfy
-- these references (enrollment has the same foreign keys; models are never deleted, migration 0012). Checking
-- them again fired four triggers per row, most of the time of storing 80,000 scores (decision 0065). The run
-- reference stays: deleting a run deletes its scores.
ALTER TABLE ews_score
  DROP CONSTRAINT ews_score_student_id_fkey,
  DROP CONSTRAINT ews_score_district_number_fkey,
  DROP CONSTRAINT ews_score_school_number_fkey,
  DROP CONSTRAINT ews_score_model_id_fkey;
